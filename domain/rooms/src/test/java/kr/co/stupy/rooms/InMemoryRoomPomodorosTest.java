package kr.co.stupy.rooms;

class InMemoryRoomPomodorosTest extends AbstractRoomPomodorosContract {
    @Override
    protected RoomPomodoros createPomodoros() {
        return new InMemoryRoomPomodoros();
    }
}
