package kr.co.stupy.rooms;

class InMemoryRoomsTest extends AbstractRoomsContract {
    @Override
    protected Rooms createRooms() {
        return new InMemoryRooms();
    }
}
