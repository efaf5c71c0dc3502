package kr.co.stupy.adapter.web.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import kr.co.stupy.adapter.web.support.Json;
import kr.co.stupy.application.chat.port.in.RoomMessage;
import kr.co.stupy.application.live.ConnectionId;
import kr.co.stupy.application.live.LiveEvent;
import kr.co.stupy.application.live.LivePeer;
import kr.co.stupy.application.live.SignalPayload;
import kr.co.stupy.chat.ChatMessage;
import kr.co.stupy.chat.ClientMessageId;
import kr.co.stupy.chat.MessageText;
import kr.co.stupy.shared.RoomId;
import kr.co.stupy.shared.UserId;
import kr.co.stupy.studytime.StudyState;
import org.junit.jupiter.api.Test;

/** Frames are counted under the type they really carry, from a fixed set of types registered up front. */
class LiveTrafficTest {

    static final ObjectMapper JSON = Json.mapper();
    final Instant at = Instant.parse("2026-12-06T03:00:00Z");
    final UserId kim = UserId.newId();

    @Test
    void everyEventIsCountedUnderTheTypeItsFrameCarries() throws Exception {
        List<LiveEvent> events = List.of(
                new LiveEvent.PeerJoined(new LivePeer(ConnectionId.newId(), kim, "김공부", Optional.empty(), at)),
                new LiveEvent.PeerStatus(ConnectionId.newId(), kim, StudyState.studying(Optional.empty(), at)),
                new LiveEvent.PeerLeft(ConnectionId.newId(), kim),
                new LiveEvent.ChatPosted(new RoomMessage(ChatMessage.byMember(RoomId.newId(), kim, new MessageText("안녕"),
                        new ClientMessageId("c-1"), at), "김공부")),
                new LiveEvent.Signal(ConnectionId.newId(), kim, "offer", new SignalPayload("{\"sdp\":\"v=0\"}")),
                new LiveEvent.PomodoroUpdate(Optional.empty(), Optional.empty(), at),
                new LiveEvent.StudyUpdate(List.of()),
                new LiveEvent.Kicked(), new LiveEvent.Left(), new LiveEvent.RoomClosed(), new LiveEvent.Replaced());
        for (LiveEvent event : events) {
            String type = JSON.readTree(LiveFrames.text(event, frame -> {
                try {
                    return JSON.writeValueAsString(frame);
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            })).path("type").asText();
            assertEquals(type, LiveFrames.typeOf(event), event.getClass().getSimpleName());
            assertTrue(LiveTraffic.OUT_TYPES.contains(type), type + " has a counter of its own");
        }
    }

    @Test
    void countersAreMadeOnceAndUnknownTypesShareOne() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        LiveTraffic traffic = new LiveTraffic(registry);
        assertEquals(LiveTraffic.IN_TYPES.size(), registry.find(LiveTraffic.FRAMES_IN).counters().size());
        assertEquals(LiveTraffic.OUT_TYPES.size(), registry.find(LiveTraffic.FRAMES_OUT).counters().size());

        traffic.in("chat").increment();
        traffic.in("made-up-" + System.nanoTime()).increment();
        traffic.in("").increment();
        traffic.out(new LiveEvent.Kicked()).increment();
        traffic.delivered(3);
        traffic.delivered(0);

        assertSame(traffic.in("chat"), traffic.in(new String("chat")), "one counter per type, found again, never made again");
        assertEquals(1, registry.get(LiveTraffic.FRAMES_IN).tag("type", "chat").counter().count());
        assertEquals(2, registry.get(LiveTraffic.FRAMES_IN).tag("type", LiveTraffic.UNKNOWN).counter().count());
        assertEquals(1, registry.get(LiveTraffic.FRAMES_OUT).tag("type", "kicked").counter().count());
        assertEquals(3, registry.get(LiveTraffic.DELIVERIES).counter().count());
        assertEquals(LiveTraffic.IN_TYPES.size(), registry.find(LiveTraffic.FRAMES_IN).counters().size(), "no series for made-up types");
    }

    @Test
    void theConnectionsGaugeReadsTheSocketsHeld() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        new LiveSockets(JSON, registry);
        assertEquals(0, registry.get(LiveTraffic.CONNECTIONS).gauge().value());
    }
}
