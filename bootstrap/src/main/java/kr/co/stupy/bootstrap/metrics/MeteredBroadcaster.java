package kr.co.stupy.bootstrap.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import kr.co.stupy.adapter.redis.RedisRoomBroadcaster;
import kr.co.stupy.application.live.ConnectionId;
import kr.co.stupy.application.live.LiveConnection;
import kr.co.stupy.application.live.LiveEvent;
import kr.co.stupy.application.live.port.out.RoomBroadcaster;
import kr.co.stupy.shared.RoomId;

/**
 * The one-node fan-out, timed: it hands an event to this node's connections before it returns, so
 * the time of the call is the time from publishing to delivery, the same span the Redis bus times
 * on the receiving node ({@link RedisRoomBroadcaster#FANOUT}).
 */
final class MeteredBroadcaster implements RoomBroadcaster {

    private final RoomBroadcaster broadcaster;
    private final Timer fanout;

    MeteredBroadcaster(RoomBroadcaster broadcaster, MeterRegistry registry) {
        this.broadcaster = broadcaster;
        this.fanout = Timer.builder(RedisRoomBroadcaster.FANOUT)
                .description("Live events from published to handed to this node's connections").register(registry);
    }

    @Override
    public void toRoom(RoomId roomId, LiveEvent event) {
        fanout.record(() -> broadcaster.toRoom(roomId, event));
    }

    @Override
    public void toConnection(ConnectionId connectionId, LiveEvent event) {
        fanout.record(() -> broadcaster.toConnection(connectionId, event));
    }

    @Override
    public void toConnection(LiveConnection target, LiveEvent event) {
        fanout.record(() -> broadcaster.toConnection(target, event));
    }
}
