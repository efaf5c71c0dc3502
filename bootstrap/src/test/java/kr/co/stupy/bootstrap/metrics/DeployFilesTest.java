package kr.co.stupy.bootstrap.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import kr.co.stupy.adapter.redis.TestRedis;
import kr.co.stupy.bootstrap.config.MetricsSettings;
import kr.co.stupy.bootstrap.config.Settings;
import kr.co.stupy.bootstrap.support.Api;
import kr.co.stupy.bootstrap.support.Scrape;
import kr.co.stupy.bootstrap.support.TestNode;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;

/**
 * deploy/ and compose.metrics.yaml cannot be run here (no Docker), so they are read: every file
 * parses, Prometheus scrapes exactly the compose nodes on the port the override gives them, and
 * every metric the Grafana dashboard asks for is one a real node (on Redis, so the bus's meters are
 * there too) exposes.
 */
class DeployFilesTest {

    static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    static final ObjectMapper JSON = new ObjectMapper();
    static final String TOKEN = "deploy-files-token-0123456789";
    /** A metric name as the dashboard's queries spell it. */
    static final Pattern METRIC = Pattern.compile("\\b((?:stupy|jvm|jetty|process|system)_[a-z_]+)\\b");

    /** A YAML file as a tree, its anchors and aliases (compose's {@code &stupy-env}, {@code *metrics-env}) resolved. */
    static JsonNode yaml(String file) throws IOException {
        try (Reader reader = Files.newBufferedReader(ROOT.resolve(file))) {
            return JSON.valueToTree(new Yaml(new LoaderOptions()).load(reader));
        }
    }

    @Test
    void prometheusScrapesTheThreeComposeNodesOnTheirMetricsPort() throws IOException {
        JsonNode compose = yaml("compose.yaml");
        JsonNode override = yaml("compose.metrics.yaml");
        JsonNode prometheus = yaml("deploy/prometheus.yml");

        List<String> nodes = new ArrayList<>();
        compose.path("services").fieldNames().forEachRemaining(name -> {
            if (name.startsWith("stupy")) {
                nodes.add(name);
            }
        });
        assertEquals(List.of("stupy1", "stupy2", "stupy3"), nodes);
        String port = override.at("/services/stupy1/environment/STUPY_METRICS_PORT").asText();
        assertEquals("9404", port);
        for (String node : nodes) {
            assertEquals(port, override.at("/services/" + node + "/environment/STUPY_METRICS_PORT").asText(), node);
            assertEquals("0.0.0.0", override.at("/services/" + node + "/environment/STUPY_METRICS_HOST").asText(), node);
            assertTrue(override.at("/services/" + node + "/ports").isMissingNode(), node + " publishes no port: 9404 stays inside");
        }
        JsonNode job = prometheus.at("/scrape_configs/0");
        assertEquals("/metrics", job.path("metrics_path").asText());
        List<String> targets = new ArrayList<>();
        job.at("/static_configs/0/targets").forEach(target -> targets.add(target.asText()));
        assertEquals(nodes.stream().map(node -> node + ":" + port).toList(), targets);
        for (String service : List.of("prometheus", "grafana")) {
            override.at("/services/" + service + "/ports").forEach(published ->
                    assertTrue(published.asText().startsWith("127.0.0.1:"), service + " is published on loopback only: " + published));
        }
        assertTrue(Files.readString(ROOT.resolve("deploy/nginx.conf")).contains("location = /metrics {\n        return 404;"),
                "nginx never passes /metrics on");
    }

    @Test
    void grafanaIsProvisionedWithTheDashboard() throws IOException {
        JsonNode datasources = yaml("deploy/grafana/provisioning/datasources/prometheus.yml");
        assertEquals("http://prometheus:9090", datasources.at("/datasources/0/url").asText());
        JsonNode providers = yaml("deploy/grafana/provisioning/dashboards/stupy.yml");
        assertEquals("/var/lib/grafana/dashboards", providers.at("/providers/0/options/path").asText());
        JsonNode override = yaml("compose.metrics.yaml");
        List<String> mounts = new ArrayList<>();
        override.at("/services/grafana/volumes").forEach(volume -> mounts.add(volume.asText()));
        assertTrue(mounts.contains("./deploy/grafana/stupy-dashboard.json:/var/lib/grafana/dashboards/stupy-dashboard.json:ro"), mounts.toString());
    }

    @Test
    void everyMetricTheDashboardAsksForIsOneANodeExposes() throws Exception {
        JsonNode dashboard = JSON.readTree(ROOT.resolve("deploy/grafana/stupy-dashboard.json").toFile());
        Set<String> asked = new TreeSet<>();
        Set<Integer> ids = new HashSet<>();
        for (JsonNode panel : dashboard.path("panels")) {
            assertTrue(ids.add(panel.path("id").asInt()), "panel ids are unique: " + panel.path("title"));
            for (JsonNode target : panel.path("targets")) {
                Matcher names = METRIC.matcher(target.path("expr").asText());
                while (names.find()) {
                    asked.add(names.group(1));
                }
            }
        }
        assertTrue(asked.containsAll(Set.of("stupy_http_server_requests_seconds_bucket", "stupy_live_connections",
                "stupy_live_frames_in_total", "stupy_live_frames_out_total", "stupy_live_fanout_deliveries_total",
                "stupy_live_fanout_seconds_bucket", "stupy_bus_publish_seconds_bucket", "stupy_bus_reconnects_total",
                "stupy_chat_store_seconds_bucket", "stupy_live_reaper_runs_seconds_count", "stupy_live_reaper_closed_total",
                "stupy_limits_refused_total", "jvm_memory_used_bytes", "jvm_gc_pause_seconds_sum", "jvm_threads_live_threads",
                "jetty_threads_current")), "the dashboard covers what issue 19 lists: " + asked);

        Set<String> exposed = exposedByANodeOnRedis();
        Set<String> missing = new TreeSet<>(asked);
        missing.removeAll(exposed);
        assertEquals(Set.of(), missing, "asked for by the dashboard but exposed by no node");
    }

    /** The metric names of a node on Redis after one request and one garbage collection (GC pauses exist once there was one). */
    private static Set<String> exposedByANodeOnRedis() throws InterruptedException {
        try (TestRedis redis = TestRedis.shared(); TestNode node = TestNode.start(new Settings(0, TestNode.freshDataDir(),
                Optional.empty(), Optional.empty(), Optional.of(redis.uri().toString()), Optional.empty(), Optional.of(true),
                ZoneId.of("Asia/Seoul"), LocalTime.of(5, 0), Optional.empty(), Settings.OAuthClientSettings.kakaoDisabled(),
                Settings.OAuthClientSettings.naverDisabled(), List.of()).withLimits(TestNode.ONE_ADDRESS_LIMITS)
                .withMetrics(MetricsSettings.withToken(TOKEN)))) {
            assertEquals(200, node.api().get("/api/health", null).status());
            Set<String> names = Set.of();
            for (int attempt = 0; attempt < 100 && !names.contains("jvm_gc_pause_seconds_sum"); attempt++) {
                if (attempt % 20 == 0) {
                    System.gc();
                }
                Api.Reply scraped = node.api().raw("GET", "/metrics", TOKEN, null, null);
                assertEquals(200, scraped.status());
                assertFalse(scraped.raw().isEmpty());
                names = Scrape.parse(scraped.raw()).names();
                Thread.sleep(100);
            }
            return names;
        }
    }
}
