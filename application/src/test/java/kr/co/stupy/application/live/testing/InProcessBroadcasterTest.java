package kr.co.stupy.application.live.testing;

import kr.co.stupy.application.live.local.InProcessBroadcaster;
import kr.co.stupy.application.live.local.InProcessPresence;
import kr.co.stupy.application.live.port.out.LivePresence;
import kr.co.stupy.application.live.port.out.RoomBroadcaster;

class InProcessBroadcasterTest extends AbstractRoomBroadcasterContract {

    @Override
    protected LivePresence createPresence() {
        return new InProcessPresence();
    }

    @Override
    protected RoomBroadcaster createBroadcaster(LivePresence presence, Recorder recorder) {
        return new InProcessBroadcaster(presence, recorder);
    }
}
