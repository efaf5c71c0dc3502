package kr.co.stupy.application.live.testing;

import kr.co.stupy.application.live.local.InProcessTickets;
import kr.co.stupy.application.live.port.out.LiveTickets;

class InProcessTicketsTest extends AbstractLiveTicketsContract {
    @Override
    protected LiveTickets createTickets() {
        return new InProcessTickets();
    }
}
