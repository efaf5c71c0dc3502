package kr.co.stupy.adapter.redis;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import kr.co.stupy.application.live.ConnectionId;
import kr.co.stupy.application.live.LiveConnection;
import kr.co.stupy.application.live.LiveEvent;
import kr.co.stupy.application.live.port.in.DeliverLiveEventUseCase;
import kr.co.stupy.application.live.port.out.LivePresence;
import kr.co.stupy.application.live.port.out.RoomBroadcaster;
import kr.co.stupy.application.live.testing.AbstractRoomBroadcasterContract;
import kr.co.stupy.shared.Ids;
import kr.co.stupy.shared.RoomId;
import kr.co.stupy.shared.UserId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.AutoClose;
import redis.clients.jedis.RedisClient;

/** The fan-out contract through a real Redis: the contract's connections live on "node-a", this broadcaster's node. */
class RedisRoomBroadcasterTest extends AbstractRoomBroadcasterContract {

    @AutoClose
    static final TestRedis server = TestRedis.shared();
    @AutoClose
    static final RedisClient redis = RedisBus.connect(server.uri());
    final String prefix = "test-" + Ids.newId() + ":";
    final List<RedisRoomBroadcaster> started = new ArrayList<>();

    @AfterEach
    void stopBroadcasters() {
        started.forEach(RedisRoomBroadcaster::close);
    }

    @Override
    protected LivePresence createPresence() {
        return new RedisLivePresence(redis, prefix);
    }

    @Override
    protected RoomBroadcaster createBroadcaster(LivePresence presence, Recorder recorder) {
        RedisRoomBroadcaster broadcaster = new RedisRoomBroadcaster(redis, (RedisLivePresence) presence, prefix, "node-a");
        started.add(broadcaster.start(new DeliverLiveEventUseCase() {
            @Override
            public void deliver(ConnectionId connectionId, LiveEvent event) {
                recorder.deliver(connectionId, event);
            }

            @Override
            public void busReconnected() {
            }
        }));
        return broadcaster;
    }

    /** Pub/sub is asynchronous: a marker published last, through the same ordered publisher, arrives after everything before it. */
    @Override
    protected void settle() {
        ConnectionId marker = ConnectionId.newId();
        started.getLast().toConnection(new LiveConnection(marker, UserId.newId(), RoomId.newId(), "node-a", Instant.now(), Ids.newId()),
                new LiveEvent.Kicked());
        Instant deadline = Instant.now().plus(Duration.ofSeconds(5));
        while (recorder.of(marker).isEmpty() && Instant.now().isBefore(deadline)) {
            Thread.onSpinWait();
        }
    }
}
