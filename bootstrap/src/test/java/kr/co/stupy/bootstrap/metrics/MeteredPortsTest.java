package kr.co.stupy.bootstrap.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import kr.co.stupy.application.limits.Budget;
import kr.co.stupy.application.limits.Budgets;
import kr.co.stupy.application.limits.RateLimits;
import kr.co.stupy.application.live.ConnectionId;
import kr.co.stupy.application.live.LiveEvent;
import kr.co.stupy.application.live.port.in.CloseStaleLiveUseCase;
import kr.co.stupy.application.live.port.out.RoomBroadcaster;
import kr.co.stupy.bootstrap.config.MetricsSettings;
import kr.co.stupy.chat.ChatLog;
import kr.co.stupy.chat.ChatMessage;
import kr.co.stupy.shared.Ids;
import kr.co.stupy.shared.RetryLaterException;
import kr.co.stupy.shared.RoomId;
import org.junit.jupiter.api.Test;

/** Each decorator passes every call through unchanged and counts exactly what its port did. */
class MeteredPortsTest {

    static final RoomId ROOM = new RoomId(Ids.newId());
    static final ConnectionId CONNECTION = ConnectionId.newId();
    final SimpleMeterRegistry registry = new SimpleMeterRegistry();

    @Test
    void refusalsAreCountedByBudgetAndAllowedAttemptsNot() {
        Budget refusing = Budgets.CHAT_PER_USER;
        Budget madeUp = new Budget("made-up", 1, Duration.ofMinutes(1));
        RateLimits limits = new MeteredRateLimits(new RateLimits() {
            @Override
            public Verdict take(Budget budget, String key) {
                return budget.equals(refusing) || budget.equals(madeUp) ? Verdict.refused(Duration.ofSeconds(3)) : Verdict.ALLOWED;
            }

            @Override
            public void giveBack(Budget budget, String key) {
            }
        }, registry);
        for (Budget known : Budgets.ALL) {
            assertEquals(0, refusals(known.name()), known.name() + " shows a zero before its first refusal");
        }
        assertEquals(Duration.ofSeconds(3), limits.take(refusing, "u1").retryAfter());
        assertThrows(RetryLaterException.class, () -> limits.require(refusing, "u1", "chat messages"));
        assertTrue(limits.take(Budgets.READ_PER_USER, "u1").allowed());
        assertNull(registry.find(MeteredRateLimits.REFUSED).tag("limit", "made-up").counter(), "no series for a name not yet refused");
        limits.take(madeUp, "u1");

        assertEquals(2, refusals(refusing.name()), "take and require each refused once");
        assertEquals(0, refusals(Budgets.READ_PER_USER.name()));
        assertEquals(1, refusals("made-up"), "a budget Stupy does not list gets its counter at its first refusal");
    }

    private double refusals(String limit) {
        return registry.get(MeteredRateLimits.REFUSED).tag("limit", limit).counter().count();
    }

    @Test
    void chatStoreCallsAreTimedByOperationAndOutcome() {
        List<String> calls = new ArrayList<>();
        ChatLog log = new MeteredChatLog(new ChatLog() {
            @Override
            public Appended append(ChatMessage message) {
                calls.add("append");
                return null;
            }

            @Override
            public List<ChatMessage> history(RoomId roomId, Optional<String> beforeId, int limit) {
                calls.add("history " + limit);
                throw new IllegalStateException("store away");
            }

            @Override
            public long deleteRoom(RoomId roomId) {
                calls.add("delete");
                return 7;
            }
        }, registry);
        log.append(null);
        log.append(null);
        assertThrows(IllegalStateException.class, () -> log.history(ROOM, Optional.empty(), 30));
        assertEquals(7, log.deleteRoom(ROOM));

        assertEquals(List.of("append", "append", "history 30", "delete"), calls);
        assertEquals(2, timed(MeteredChatLog.STORE, "append", "success"));
        assertEquals(0, timed(MeteredChatLog.STORE, "append", "failure"));
        assertEquals(1, timed(MeteredChatLog.STORE, "history", "failure"));
        assertEquals(0, timed(MeteredChatLog.STORE, "history", "success"));
        assertEquals(1, timed(MeteredChatLog.STORE, "delete-room", "success"));
    }

    private long timed(String name, String operation, String outcome) {
        return registry.get(name).tag("operation", operation).tag("outcome", outcome).timer().count();
    }

    @Test
    void reaperRunsAreTimedAndTheSessionsTheyClosedCounted() {
        int[] next = {3};
        CloseStaleLiveUseCase reaper = new MeteredReaper(new CloseStaleLiveUseCase() {
            @Override
            public int reap() {
                if (next[0] < 0) {
                    throw new IllegalStateException("presence away");
                }
                return next[0];
            }

            @Override
            public int closeSessionsOfAPreviousRun() {
                return 11;
            }
        }, registry);
        assertEquals(3, reaper.reap());
        next[0] = 0;
        assertEquals(0, reaper.reap());
        next[0] = -1;
        assertThrows(IllegalStateException.class, reaper::reap);
        assertEquals(11, reaper.closeSessionsOfAPreviousRun());

        assertEquals(2, registry.get(MeteredReaper.RUNS).tag("outcome", "success").timer().count());
        assertEquals(1, registry.get(MeteredReaper.RUNS).tag("outcome", "failure").timer().count());
        assertEquals(3, registry.get(MeteredReaper.CLOSED).counter().count(), "a previous run's sessions are no reaping");
    }

    @Test
    void theOneNodeFanOutIsTimedPerEventHandedOut() {
        List<String> handed = new ArrayList<>();
        RoomBroadcaster broadcaster = new MeteredBroadcaster(new RoomBroadcaster() {
            @Override
            public void toRoom(RoomId roomId, LiveEvent event) {
                handed.add("room");
            }

            @Override
            public void toConnection(ConnectionId connectionId, LiveEvent event) {
                handed.add("connection");
            }
        }, registry);
        broadcaster.toRoom(ROOM, new LiveEvent.Kicked());
        broadcaster.toConnection(CONNECTION, new LiveEvent.Left());

        assertEquals(List.of("room", "connection"), handed);
        assertEquals(2, registry.get("stupy.live.fanout").timer().count());
    }

    @Test
    void whileNothingIsExposedNothingIsDecoratedOrServed() {
        RateLimits limits = new kr.co.stupy.application.limits.local.InProcessRateLimits(java.time.Clock.systemUTC());
        try (NodeMetrics off = NodeMetrics.start(MetricsSettings.off(), "node-off")) {
            assertSame(limits, off.meter(limits));
            assertEquals(List.of(), off.routes());
            assertEquals(Optional.empty(), off.listenerPort());
        }
        try (NodeMetrics on = NodeMetrics.start(MetricsSettings.withToken("0123456789abcdef0123"), "node-on")) {
            assertInstanceOf(MeteredRateLimits.class, on.meter(limits));
            assertEquals(1, on.routes().size(), "GET /metrics on the main port");
            assertEquals(Optional.empty(), on.listenerPort());
            assertEquals(1, on.registry().get(NodeMetrics.NODE_INFO).tag("node", "node-on").gauge().value());
        }
    }
}
