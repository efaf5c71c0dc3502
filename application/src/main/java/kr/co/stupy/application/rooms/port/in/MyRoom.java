package kr.co.stupy.application.rooms.port.in;

/** One of a user's rooms, and whether they own it. */
public record MyRoom(RoomView view, boolean owner) {
}
