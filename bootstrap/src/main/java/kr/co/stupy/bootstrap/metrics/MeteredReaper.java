package kr.co.stupy.bootstrap.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.concurrent.TimeUnit;
import kr.co.stupy.application.live.port.in.CloseStaleLiveUseCase;

/**
 * The reaper, watched: each run is timed by outcome ({@value #RUNS}) and the sessions it closed
 * are counted ({@value #CLOSED}). The use case already answers how many it closed, so the
 * application needs no metrics of its own. Closing a previous run's sessions at start is no reaper
 * run and is passed through as it is.
 */
final class MeteredReaper implements CloseStaleLiveUseCase {

    static final String RUNS = "stupy.live.reaper.runs";
    static final String CLOSED = "stupy.live.reaper.closed";

    private final CloseStaleLiveUseCase reaper;
    private final Timer succeeded;
    private final Timer failed;
    private final Counter closed;

    MeteredReaper(CloseStaleLiveUseCase reaper, MeterRegistry registry) {
        this.reaper = reaper;
        this.succeeded = run(registry, "success");
        this.failed = run(registry, "failure");
        this.closed = Counter.builder(CLOSED).description("Live sessions the reaper closed because they stopped beating")
                .register(registry);
    }

    private static Timer run(MeterRegistry registry, String outcome) {
        return Timer.builder(RUNS).description("Runs of the reaper of stale live sessions, by outcome").tag("outcome", outcome)
                .register(registry);
    }

    @Override
    public int reap() {
        long start = System.nanoTime();
        try {
            int reaped = reaper.reap();
            succeeded.record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
            closed.increment(reaped);
            return reaped;
        } catch (RuntimeException e) {
            failed.record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
            throw e;
        }
    }

    @Override
    public int closeSessionsOfAPreviousRun() {
        return reaper.closeSessionsOfAPreviousRun();
    }
}
