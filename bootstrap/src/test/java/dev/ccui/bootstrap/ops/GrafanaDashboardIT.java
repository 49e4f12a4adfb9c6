package dev.ccui.bootstrap.ops;

import static dev.ccui.bootstrap.ops.OpsTools.figure;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ccui.bootstrap.testing.ApiClient;
import dev.ccui.bootstrap.testing.TestApplication;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Grafana dashboard (ops/monitoring/grafana) and the Prometheus alert rules ask only for
 * series the app really exports: the app starts, serves some traffic, and its /metrics scrape
 * (with the METRICS_TOKEN, as Prometheus sends it) must name every metric a panel or rule queries.
 */
class GrafanaDashboardIT {
    private static final Path ROOT = Path.of("").toAbsolutePath().getParent();
    /** A metric selector: a name followed by its label matchers ({@code name{instance=~"$instance"}}). */
    private static final Pattern SELECTOR = Pattern.compile("(?<![A-Za-z0-9_:$.])([A-Za-z_:][A-Za-z0-9_:]*)\\{");
    /** Series Prometheus makes itself, not the app. */
    private static final Set<String> FROM_PROMETHEUS = Set.of("up");

    @TempDir
    Path folder;

    @Test
    void everySeriesTheDashboardAndTheAlertRulesQueryIsExported() throws Exception {
        JsonNode dashboard = ApiClient.JSON.readTree(
                ROOT.resolve("ops/monitoring/grafana/ccui-overview.json").toFile());
        List<String> expressions = new ArrayList<>();
        for (JsonNode panel : dashboard.path("panels")) {
            for (JsonNode target : panel.path("targets")) {
                expressions.add(target.path("expr").asText());
            }
        }
        assertThat(expressions).hasSizeGreaterThan(20);
        Set<String> queried = new TreeSet<>();
        for (String expr : expressions) {
            Set<String> names = metricNames(expr);
            assertThat(names)
                    .as("every panel query selects a metric with label matchers: " + expr)
                    .isNotEmpty();
            queried.addAll(names);
        }
        Set<String> ruled = metricNames(Files.readString(ROOT.resolve("ops/monitoring/alerts.yml")));
        ruled.removeAll(FROM_PROMETHEUS);

        // Slow-query threshold 0: every statement counts, so the slow-query series exists at once.
        try (var app = TestApplication.sqlite(
                folder, Map.of("METRICS_TOKEN", "scrape-token-for-the-dashboard-test", "CCUI_SLOW_QUERY_MS", "0"))) {
            String base = app.startHttp();
            ApiClient admin = ApiClient.setUpAdmin(base);
            admin.get("/api/health");
            admin.get("/api/projects");
            new ApiClient(base, null).post("/api/auth/login", "{\"username\":\"admin\",\"password\":\"wrong\"}");
            admin.get("/api/no-such-route");

            // jvm_gc_pause_seconds exists from the first collection after start (a JMX notification):
            // ask for one and scrape until it is there, as Prometheus would see it on any running node.
            System.gc();
            HttpResponse<String> scrape;
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            try (HttpClient http = HttpClient.newHttpClient()) {
                do {
                    scrape = http.send(
                            HttpRequest.newBuilder(URI.create(base + "/metrics"))
                                    .header("Authorization", "Bearer scrape-token-for-the-dashboard-test")
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
                    if (scrape.body().contains("jvm_gc_pause_seconds_sum")) {
                        break;
                    }
                    Thread.sleep(100);
                } while (System.nanoTime() < deadline);
            }
            assertThat(scrape.statusCode()).isEqualTo(200);
            Set<String> exported = new TreeSet<>();
            for (String line : scrape.body().split("\n")) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    exported.add(line.split("[{ ]", 2)[0]);
                }
            }
            figure("dashboard queries " + queried.size() + " series, alert rules " + ruled.size()
                    + "; /metrics exports " + exported.size() + " series names");
            assertThat(exported).as("series the dashboard queries").containsAll(queried);
            assertThat(exported).as("series the Prometheus alert rules query").containsAll(ruled);
        }
    }

    static Set<String> metricNames(String promql) {
        // Drop quoted label values and Grafana's {{legend}} placeholders before looking for selectors.
        String text = promql.replaceAll("\"(?:[^\"\\\\]|\\\\.)*\"", "\"\"").replace("{{", " ");
        Set<String> names = new TreeSet<>();
        Matcher m = SELECTOR.matcher(text);
        while (m.find()) {
            names.add(m.group(1));
        }
        return names;
    }
}
