package archfixture.bad.application.rooms.service;

public class RoomService {
}
