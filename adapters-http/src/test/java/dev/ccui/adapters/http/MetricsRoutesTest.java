package dev.ccui.adapters.http;

import static dev.ccui.adapters.http.TestHttp.json;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ccui.adapters.http.metrics.HttpMetrics;
import dev.ccui.domain.ratelimit.RateLimit;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class MetricsRoutesTest {

    @Test
    void prometheusTextForAdminsAndTheScrapeTokenOnly() {
        try (var http = new TestHttp(
                s -> s,
                new RateLimit("auth-username", 1000, Duration.ofMinutes(15)),
                new HttpMetrics("scrape-secret-token"))) {
            String admin = http.setUpAdmin();
            String member = http.createMember(admin, "mona");
            http.post("/api/auth/login", "{\"username\":\"mona\",\"password\":\"wrong password\"}");
            http.get("/api/health");

            assertThat(http.get("/metrics").statusCode()).isEqualTo(401);
            assertThat(http.get("/metrics", "Authorization", "Bearer wrong").statusCode())
                    .isEqualTo(401);
            assertThat(http.get("/metrics", "Authorization", "Bearer " + member).statusCode())
                    .isEqualTo(403);
            for (String token : new String[] {admin, "scrape-secret-token"}) {
                var scrape = http.get("/metrics", "Authorization", "Bearer " + token);
                assertThat(scrape.statusCode()).isEqualTo(200);
                assertThat(scrape.headers().firstValue("Content-Type").orElseThrow())
                        .startsWith("text/plain");
                assertThat(scrape.body())
                        .contains("http_server_requests_seconds_bucket")
                        .contains("route=\"/api/health\"")
                        .contains("jvm_memory_used_bytes")
                        .contains("ccui_login_failures_total 1.0")
                        .contains("process_cpu_usage");
            }

            var summary = http.get("/api/metrics", "Authorization", "Bearer " + admin);
            assertThat(summary.statusCode()).isEqualTo(200);
            assertThat(json(summary).get("http").findValuesAsText("route")).contains("/api/health");
            assertThat(json(summary).at("/memory/heapUsedBytes").asLong()).isPositive();
            assertThat(http.get("/api/metrics", "Authorization", "Bearer " + member)
                            .statusCode())
                    .isEqualTo(403);
        }
    }
}
