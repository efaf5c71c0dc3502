package kr.co.stupy.studytime.testing;

import kr.co.stupy.studytime.RoomPeriodTotals;

class InMemoryRoomPeriodTotalsTest extends AbstractRoomPeriodTotalsContract {
    @Override
    protected RoomPeriodTotals createRollup() {
        return new InMemoryRoomPeriodTotals();
    }
}
