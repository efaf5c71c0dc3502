package kr.co.stupy.adapter.web.support;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.function.ToDoubleFunction;
import org.eclipse.jetty.server.NetworkConnectionLimit;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.eclipse.jetty.util.thread.ThreadPool;

/**
 * Jetty's thread pool and connections, read at each scrape, under the names Micrometer's own Jetty
 * binder uses. Stupy runs Javalin on virtual threads: then the pool is a thread per task and its
 * counts say little (the JVM's virtual-thread scheduler gauges tell how busy the carriers are); with
 * a {@link QueuedThreadPool} they are the classic busy, idle and queued figures.
 */
public final class JettyMetrics {

    private JettyMetrics() {
    }

    public static void bind(MeterRegistry registry, ThreadPool pool, NetworkConnectionLimit connections) {
        gauge(registry, "jetty.threads.current", "Threads of Jetty's pool", pool, ThreadPool::getThreads);
        gauge(registry, "jetty.threads.idle", "Idle threads of Jetty's pool", pool, ThreadPool::getIdleThreads);
        gauge(registry, "jetty.threads.low", "1 while Jetty's pool is low on threads", pool, p -> p.isLowOnThreads() ? 1 : 0);
        if (pool instanceof ThreadPool.SizedThreadPool sized) {
            gauge(registry, "jetty.threads.config.max", "The most threads Jetty's pool may have", sized,
                    ThreadPool.SizedThreadPool::getMaxThreads);
        }
        if (pool instanceof QueuedThreadPool queued) {
            gauge(registry, "jetty.threads.busy", "Busy threads of Jetty's pool", queued, QueuedThreadPool::getBusyThreads);
            gauge(registry, "jetty.threads.jobs", "Jobs waiting for a thread of Jetty's pool", queued, QueuedThreadPool::getQueueSize);
        }
        gauge(registry, "jetty.connections.current", "Open network connections (HTTP and WebSocket)", connections,
                NetworkConnectionLimit::getNetworkConnectionCount);
        gauge(registry, "jetty.connections.max", "The cap on open network connections (STUPY_MAX_CONNECTIONS)", connections,
                NetworkConnectionLimit::getMaxNetworkConnectionCount);
    }

    private static <T> void gauge(MeterRegistry registry, String name, String description, T source, ToDoubleFunction<T> value) {
        Gauge.builder(name, source, value).description(description).strongReference(true).register(registry);
    }
}
