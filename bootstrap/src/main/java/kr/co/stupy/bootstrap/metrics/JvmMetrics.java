package kr.co.stupy.bootstrap.metrics;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmInfoMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.FileDescriptorMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import java.lang.management.ManagementFactory;
import java.util.function.ToDoubleFunction;
import jdk.management.VirtualThreadSchedulerMXBean;

/**
 * The JVM under a node: memory, garbage collection, platform threads, classes, CPU, open files,
 * uptime (Micrometer's binders, under their usual {@code jvm_}, {@code process_} and {@code system_}
 * names), and the scheduler of virtual threads, which carries every request and live connection:
 * its carrier threads, and how many virtual threads run on them or wait for one.
 */
final class JvmMetrics implements AutoCloseable {

    private final JvmGcMetrics gc = new JvmGcMetrics();

    private JvmMetrics() {
    }

    /** Binds them all; close the result with the node (garbage collection is watched through listeners). */
    static JvmMetrics bind(MeterRegistry registry) {
        JvmMetrics jvm = new JvmMetrics();
        new JvmMemoryMetrics().bindTo(registry);
        jvm.gc.bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ClassLoaderMetrics().bindTo(registry);
        new JvmInfoMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new FileDescriptorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
        virtualThreads(registry, ManagementFactory.getPlatformMXBean(VirtualThreadSchedulerMXBean.class));
        return jvm;
    }

    private static void virtualThreads(MeterRegistry registry, VirtualThreadSchedulerMXBean scheduler) {
        gauge(registry, "jvm.threads.virtual.parallelism", "Carrier threads the virtual-thread scheduler aims to keep busy",
                scheduler, VirtualThreadSchedulerMXBean::getParallelism);
        gauge(registry, "jvm.threads.virtual.pool.size", "Carrier threads the virtual-thread scheduler has", scheduler,
                VirtualThreadSchedulerMXBean::getPoolSize);
        gauge(registry, "jvm.threads.virtual.mounted", "Virtual threads running on a carrier now", scheduler,
                VirtualThreadSchedulerMXBean::getMountedVirtualThreadCount);
        gauge(registry, "jvm.threads.virtual.queued", "Virtual threads ready to run and waiting for a carrier", scheduler,
                VirtualThreadSchedulerMXBean::getQueuedVirtualThreadCount);
    }

    private static <T> void gauge(MeterRegistry registry, String name, String description, T source, ToDoubleFunction<T> value) {
        Gauge.builder(name, source, value).description(description).strongReference(true).register(registry);
    }

    @Override
    public void close() {
        gc.close();
    }
}
