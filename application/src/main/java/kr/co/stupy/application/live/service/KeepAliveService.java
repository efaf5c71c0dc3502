package kr.co.stupy.application.live.service;

import java.util.concurrent.CompletableFuture;
import kr.co.stupy.application.limits.Budget;
import kr.co.stupy.application.limits.Budgets;
import kr.co.stupy.application.limits.RateLimits;
import kr.co.stupy.application.live.ConnectionId;
import kr.co.stupy.application.live.port.in.KeepAliveUseCase;
import kr.co.stupy.shared.RetryLaterException;

/** This node's beats for the connections it holds: all of them periodically, and those whose clients pinged. */
public final class KeepAliveService implements KeepAliveUseCase {

    private final ConnectionBeats beats;
    private final RateLimits connectionLimits;
    private final Budget pingPerConnection;

    KeepAliveService(ConnectionBeats beats, RateLimits connectionLimits, Budgets budgets) {
        this.beats = beats;
        this.connectionLimits = connectionLimits;
        this.pingPerConnection = budgets.of(Budgets.PING_PER_CONNECTION);
    }

    @Override
    public int heartbeatAll() {
        return beats.beatAll();
    }

    @Override
    public CompletableFuture<Void> pinged(ConnectionId connectionId) {
        RateLimits.Verdict verdict = connectionLimits.take(pingPerConnection, connectionId.value());
        if (!verdict.allowed()) {
            return CompletableFuture.failedFuture(RetryLaterException.rateLimited("more than " + pingPerConnection.capacity()
                    + " pings in " + pingPerConnection.period().toSeconds() + " seconds; the web app pings every 15 s",
                    verdict.retryAfter()));
        }
        return beats.pinged(connectionId);
    }

    @Override
    public int flushPings() {
        return beats.flushPings();
    }
}
