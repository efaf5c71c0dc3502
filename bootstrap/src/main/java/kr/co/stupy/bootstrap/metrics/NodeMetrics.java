package kr.co.stupy.bootstrap.metrics;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.List;
import java.util.Optional;
import kr.co.stupy.adapter.web.RouteGroup;
import kr.co.stupy.adapter.web.metrics.MetricsRoutes;
import kr.co.stupy.adapter.web.metrics.ScrapeToken;
import kr.co.stupy.application.limits.RateLimits;
import kr.co.stupy.application.live.port.in.CloseStaleLiveUseCase;
import kr.co.stupy.bootstrap.config.MetricsSettings;
import kr.co.stupy.bootstrap.wiring.LiveTransport;
import kr.co.stupy.bootstrap.wiring.Stores;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The metrics of one node: a Prometheus registry of its own (several nodes in one JVM never mix
 * their counts), the JVM's meters, the decorators that measure ports at the edges, and where a
 * scraper reads them. While {@link MetricsSettings} exposes them nowhere, nothing is measured:
 * the registry records nothing and the ports are left undecorated.
 */
public final class NodeMetrics implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(NodeMetrics.class);
    static final String NODE_INFO = "stupy.node.info";

    private final MeterRegistry registry;
    private final Optional<PrometheusMeterRegistry> prometheus;
    private final Optional<ScrapeToken> token;
    private JvmMetrics jvm;
    private MetricsListener listener;

    private NodeMetrics(MeterRegistry registry, Optional<PrometheusMeterRegistry> prometheus, Optional<ScrapeToken> token) {
        this.registry = registry;
        this.prometheus = prometheus;
        this.token = token;
    }

    public static NodeMetrics start(MetricsSettings settings, String nodeId) {
        Optional<ScrapeToken> token = settings.token().map(ScrapeToken::new);
        if (!settings.exposed()) {
            // A composite registry without backends: meters the adapters make record nothing.
            return new NodeMetrics(new CompositeMeterRegistry(), Optional.empty(), token);
        }
        PrometheusMeterRegistry prometheus = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        prometheus.config().meterFilter(new LatencyBuckets());
        NodeMetrics metrics = new NodeMetrics(prometheus, Optional.of(prometheus), token);
        try {
            metrics.jvm = JvmMetrics.bind(prometheus);
            // Names the node in the logs' words; its value is always 1.
            Gauge.builder(NODE_INFO, () -> 1).description("This node; its id is the one its logs and presence entries carry")
                    .tag("node", nodeId).strongReference(true).register(prometheus);
            settings.port().ifPresent(port -> metrics.listen(settings.host(), port));
            token.ifPresent(t -> LOG.info("metrics: GET {} on the main port with the scrape token", MetricsRoutes.PATH));
            return metrics;
        } catch (RuntimeException e) {
            metrics.close();
            throw e;
        }
    }

    private void listen(String host, int port) {
        listener = MetricsListener.start(host, port, token, prometheus.orElseThrow()::scrape);
        boolean local = host.equals("localhost") || host.startsWith("127.") || host.equals("::1");
        if (!local && token.isEmpty()) {
            LOG.warn("metrics: http://{}:{}{} answers anyone who reaches that address (no STUPY_METRICS_TOKEN); "
                    + "keep the port off public networks", host, listener.port(), MetricsRoutes.PATH);
        } else {
            LOG.info("metrics: http://{}:{}{}", host, listener.port(), MetricsRoutes.PATH);
        }
    }

    /** Where the adapters register their meters. */
    public MeterRegistry registry() {
        return registry;
    }

    /** {@code /metrics} for the main port: there only while a scrape token is set. */
    public List<RouteGroup> routes() {
        return prometheus.isPresent() && token.isPresent()
                ? List.of(new MetricsRoutes(token.get(), prometheus.get()::scrape)) : List.of();
    }

    /** The port of the metrics listener, when there is one. */
    public Optional<Integer> listenerPort() {
        return Optional.ofNullable(listener).map(MetricsListener::port);
    }

    /** The stores, with the chat store's calls timed. */
    public Stores meter(Stores stores) {
        return prometheus.isEmpty() ? stores : stores.withChat(new MeteredChatLog(stores.chat(), registry));
    }

    /** Budgets that count their refusals by name. */
    public RateLimits meter(RateLimits limits) {
        return prometheus.isEmpty() ? limits : new MeteredRateLimits(limits, registry);
    }

    /** On one node the fan-out is timed around the broadcaster; a Redis bus times it where events arrive. */
    public LiveTransport meter(LiveTransport transport) {
        return prometheus.isEmpty() || transport.bus().isPresent() ? transport
                : new LiveTransport(transport.presence(), transport.tickets(), new MeteredBroadcaster(transport.broadcaster(), registry),
                        transport.bus());
    }

    /** The reaper, with its runs and the sessions it closed counted. */
    public CloseStaleLiveUseCase meter(CloseStaleLiveUseCase reaper) {
        return prometheus.isEmpty() ? reaper : new MeteredReaper(reaper, registry);
    }

    @Override
    public void close() {
        if (listener != null) {
            listener.close();
        }
        if (jvm != null) {
            jvm.close();
        }
        registry.close();
    }
}
