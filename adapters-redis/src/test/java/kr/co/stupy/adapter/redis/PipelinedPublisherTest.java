package kr.co.stupy.adapter.redis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.BooleanSupplier;
import kr.co.stupy.shared.Ids;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.JedisPubSub;
import redis.clients.jedis.RedisClient;

/**
 * Publications leave in the order they were queued, many per round trip; a Redis that is away fills a
 * bounded queue (new publications are refused, never held without limit) and publishing resumes once it is back.
 */
class PipelinedPublisherTest {

    @Test
    void publicationsArriveInTheOrderTheyWereQueued() throws Exception {
        try (TestRedis server = TestRedis.shared(); RedisClient redis = RedisBus.connect(server.uri())) {
            String channel = "order-" + Ids.newId();
            List<String> received = Collections.synchronizedList(new ArrayList<>());
            JedisPubSub listener = recordingInto(received);
            Thread subscriber = Thread.ofVirtual().start(() -> redis.subscribe(listener, channel));
            await(listener::isSubscribed, "subscribed");
            try (PipelinedPublisher publisher = new PipelinedPublisher(redis, "test", 50_000)) {
                for (int i = 0; i < 20_000; i++) {
                    publisher.publish(channel, Integer.toString(i));
                }
                await(() -> received.size() == 20_000, "every publication arrived");
            } finally {
                listener.unsubscribe();
                subscriber.join();
            }
            for (int i = 0; i < 20_000; i++) {
                assertEquals(Integer.toString(i), received.get(i), "in queue order at " + i);
            }
        }
    }

    @Test
    void whileRedisIsAwayTheQueueFillsAndThenRefusesAndItDrainsOnceRedisIsBack() throws Exception {
        try (TestRedis server = TestRedis.own(); RedisClient redis = RedisBus.connect(server.uri())) {
            server.stop();
            try (PipelinedPublisher publisher = new PipelinedPublisher(redis, "away", 100)) {
                int queued = 0;
                while (queued < 1_000) {
                    try {
                        publisher.publish("nowhere", "x");
                        queued++;
                    } catch (PipelinedPublisher.Behind behind) {
                        break;
                    }
                }
                // The writer takes (and, Redis being away, drops) a batch at a time, so a little more than the capacity fits.
                assertTrue(queued >= 100 && queued < 1_000, "refused once about 100 wait: " + queued);

                server.start();
                String channel = "back-" + Ids.newId();
                List<String> received = Collections.synchronizedList(new ArrayList<>());
                JedisPubSub listener = recordingInto(received);
                Thread subscriber = Thread.ofVirtual().start(() -> {
                    try (RedisClient own = RedisBus.connect(server.uri())) {
                        own.subscribe(listener, channel);
                    }
                });
                await(listener::isSubscribed, "subscribed");
                await(() -> {
                    try {
                        publisher.publish(channel, "after");
                    } catch (PipelinedPublisher.Behind stillBehind) {
                        return false;
                    }
                    return true;
                }, "the queue drains once Redis is back");
                await(() -> received.contains("after"), "publishing works again");
                listener.unsubscribe();
                subscriber.join();
            }
        }
    }

    private static JedisPubSub recordingInto(List<String> received) {
        return new JedisPubSub() {
            @Override
            public void onMessage(String channel, String message) {
                received.add(message);
            }
        };
    }

    private static void await(BooleanSupplier condition, String what) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
        while (!condition.getAsBoolean()) {
            assertTrue(Instant.now().isBefore(deadline), "timed out waiting: " + what);
            Thread.sleep(10);
        }
    }
}
