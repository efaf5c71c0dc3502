package kr.co.stupy.application.live.service;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import kr.co.stupy.application.live.ConnectionId;

/** At most {@code limit} chat frames per connection in any sliding {@code window}. A connection lives on one node, so this is local. */
final class ChatRateLimiter {

    private final int limit;
    private final Duration window;
    private final Map<ConnectionId, Deque<Instant>> recent = new ConcurrentHashMap<>();

    ChatRateLimiter(int limit, Duration window) {
        this.limit = limit;
        this.window = window;
    }

    boolean allow(ConnectionId connection, Instant now) {
        Deque<Instant> times = recent.computeIfAbsent(connection, c -> new ArrayDeque<>());
        synchronized (times) {
            while (!times.isEmpty() && !times.peekFirst().isAfter(now.minus(window))) {
                times.pollFirst();
            }
            if (times.size() >= limit) {
                return false;
            }
            times.addLast(now);
            return true;
        }
    }

    void forget(ConnectionId connection) {
        recent.remove(connection);
    }
}
