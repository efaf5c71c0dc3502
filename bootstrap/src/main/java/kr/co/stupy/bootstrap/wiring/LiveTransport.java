package kr.co.stupy.bootstrap.wiring;

import io.micrometer.core.instrument.MeterRegistry;
import java.util.Optional;
import kr.co.stupy.adapter.redis.RedisLivePresence;
import kr.co.stupy.adapter.redis.RedisLiveTickets;
import kr.co.stupy.adapter.redis.RedisRoomBroadcaster;
import kr.co.stupy.adapter.web.live.LiveSockets;
import kr.co.stupy.application.live.local.InProcessBroadcaster;
import kr.co.stupy.application.live.local.InProcessPresence;
import kr.co.stupy.application.live.local.InProcessTickets;
import kr.co.stupy.application.live.port.out.LivePresence;
import kr.co.stupy.application.live.port.out.LiveTickets;
import kr.co.stupy.application.live.port.out.RoomBroadcaster;
import redis.clients.jedis.RedisClient;

/**
 * Live rooms' presence, tickets and fan-out: in this process on one node, or shared by every node
 * through Redis, where {@code bus} is the subscription that must be started once the node can deliver.
 */
public record LiveTransport(LivePresence presence, LiveTickets tickets, RoomBroadcaster broadcaster, Optional<RedisRoomBroadcaster> bus) {

    public static LiveTransport inProcess(LiveSockets sockets) {
        var presence = new InProcessPresence();
        return new LiveTransport(presence, new InProcessTickets(), new InProcessBroadcaster(presence, sockets), Optional.empty());
    }

    /** {@code registry}: where the bus reports its publish latency, reconnects and fan-out latency. */
    public static LiveTransport redis(RedisClient redis, String prefix, String nodeId, MeterRegistry registry) {
        var presence = new RedisLivePresence(redis, prefix);
        var bus = new RedisRoomBroadcaster(redis, presence, prefix, nodeId, registry);
        return new LiveTransport(presence, new RedisLiveTickets(redis, prefix), bus, Optional.of(bus));
    }
}
