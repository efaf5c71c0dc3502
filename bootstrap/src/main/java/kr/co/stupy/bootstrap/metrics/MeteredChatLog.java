package kr.co.stupy.bootstrap.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import kr.co.stupy.chat.ChatLog;
import kr.co.stupy.chat.ChatMessage;
import kr.co.stupy.shared.RoomId;

/** The chat store, timed per operation and outcome ({@value #STORE}); what it stores and answers is the store's own. */
final class MeteredChatLog implements ChatLog {

    static final String STORE = "stupy.chat.store";

    private final ChatLog store;
    private final Timed append;
    private final Timed history;
    private final Timed deleteRoom;

    MeteredChatLog(ChatLog store, MeterRegistry registry) {
        this.store = store;
        this.append = new Timed(registry, "append");
        this.history = new Timed(registry, "history");
        this.deleteRoom = new Timed(registry, "delete-room");
    }

    @Override
    public Appended append(ChatMessage message) {
        return append.time(() -> store.append(message));
    }

    @Override
    public List<ChatMessage> history(RoomId roomId, Optional<String> beforeId, int limit) {
        return history.time(() -> store.history(roomId, beforeId, limit));
    }

    @Override
    public long deleteRoom(RoomId roomId) {
        return deleteRoom.time(() -> store.deleteRoom(roomId));
    }

    /** One operation's two timers, made once: a failed call is timed apart, so errors do not hide in the latency. */
    private static final class Timed {
        private final Timer succeeded;
        private final Timer failed;

        Timed(MeterRegistry registry, String operation) {
            this.succeeded = timer(registry, operation, "success");
            this.failed = timer(registry, operation, "failure");
        }

        private static Timer timer(MeterRegistry registry, String operation, String outcome) {
            return Timer.builder(STORE).description("Calls to the chat store, by operation and outcome")
                    .tag("operation", operation).tag("outcome", outcome).register(registry);
        }

        <T> T time(Supplier<T> call) {
            long start = System.nanoTime();
            try {
                T result = call.get();
                succeeded.record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
                return result;
            } catch (RuntimeException e) {
                failed.record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
                throw e;
            }
        }
    }
}
