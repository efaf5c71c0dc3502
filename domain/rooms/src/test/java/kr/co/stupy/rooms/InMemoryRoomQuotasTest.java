package kr.co.stupy.rooms;

class InMemoryRoomQuotasTest extends AbstractRoomQuotasContract {
    @Override
    protected RoomQuotas createQuotas() {
        return new InMemoryRoomQuotas();
    }
}
