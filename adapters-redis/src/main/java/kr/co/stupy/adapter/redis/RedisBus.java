package kr.co.stupy.adapter.redis;

import java.net.URI;
import java.time.Duration;
import redis.clients.jedis.ConnectionPoolConfig;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.exceptions.JedisException;
import redis.clients.jedis.util.JedisURIHelper;

/** Opens the Redis client every node shares its live state through, failing fast when Redis is not there. */
public final class RedisBus {

    /** Short, so a node whose Redis is unreachable says so at once instead of hanging; commands here are all tiny. */
    static final int CONNECT_TIMEOUT_MILLIS = 2_000;
    static final int SOCKET_TIMEOUT_MILLIS = 2_000;

    private RedisBus() {
    }

    /** A client for {@code redis://[user:password@]host:port[/db]} (or {@code rediss://}) that answered a PING. */
    public static RedisClient connect(URI uri) {
        HostAndPort address = JedisURIHelper.getHostAndPort(uri);
        var config = DefaultJedisClientConfig.builder()
                .connectionTimeoutMillis(CONNECT_TIMEOUT_MILLIS)
                .socketTimeoutMillis(SOCKET_TIMEOUT_MILLIS)
                .user(JedisURIHelper.getUser(uri))
                .password(JedisURIHelper.getPassword(uri))
                .database(JedisURIHelper.getDBIndex(uri))
                .ssl(JedisURIHelper.isRedisSSLScheme(uri))
                .clientName("stupy")
                .build();
        // A Redis restart breaks every pooled connection; idle ones are pinged every second and dropped when broken,
        // so the first request after a restart does not fail on a dead socket. Borrowing stays free of extra round trips.
        var pool = new ConnectionPoolConfig();
        pool.setTestWhileIdle(true);
        pool.setTimeBetweenEvictionRuns(Duration.ofSeconds(1));
        pool.setNumTestsPerEvictionRun(-1);
        RedisClient client = RedisClient.builder().hostAndPort(address).clientConfig(config).poolConfig(pool).build();
        try {
            client.ping();
            return client;
        } catch (JedisException e) {
            client.close();
            throw new IllegalStateException("Redis at " + address + " did not answer (" + rootMessage(e) + ")", e);
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }
}
