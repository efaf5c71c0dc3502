package kr.co.stupy.bootstrap.metrics;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.distribution.DistributionStatisticConfig;
import java.time.Duration;
import java.util.stream.Stream;

/**
 * The histogram buckets of every Stupy timer: one fixed ladder from 100 µs (a fan-out on one node,
 * a publish to a near Redis) to 10 s (a slow store), so Prometheus' {@code histogram_quantile} gives
 * percentiles across nodes and routes. Sixteen buckets, not Micrometer's default of some seventy, keep
 * a route's series few; the JVM's own meters are left as their binders make them.
 */
final class LatencyBuckets implements MeterFilter {

    static final double[] BOUNDS_NANOS = Stream.of("PT0.0001S", "PT0.00025S", "PT0.0005S", "PT0.001S", "PT0.0025S", "PT0.005S",
                    "PT0.01S", "PT0.025S", "PT0.05S", "PT0.1S", "PT0.25S", "PT0.5S", "PT1S", "PT2.5S", "PT5S", "PT10S")
            .mapToDouble(bound -> Duration.parse(bound).toNanos()).toArray();

    @Override
    public DistributionStatisticConfig configure(Meter.Id id, DistributionStatisticConfig config) {
        if (id.getType() != Meter.Type.TIMER || !id.getName().startsWith("stupy.")) {
            return config;
        }
        return DistributionStatisticConfig.builder().serviceLevelObjectives(BOUNDS_NANOS).build().merge(config);
    }
}
