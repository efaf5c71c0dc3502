package kr.co.stupy.application.live.testing;

import kr.co.stupy.application.live.local.InProcessPresence;
import kr.co.stupy.application.live.port.out.LivePresence;

class InProcessPresenceTest extends AbstractLivePresenceContract {
    @Override
    protected LivePresence createPresence() {
        return new InProcessPresence();
    }
}
