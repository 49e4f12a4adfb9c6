package dev.ccui.adapters.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ccui.application.health.port.in.ProbeResult;
import org.junit.jupiter.api.Test;

/**
 * The alerting's 5xx rate is the service's requests, not its probes: a health check that reports
 * the database down answers 503 (health has its own alert), and load balancers polling health or
 * a scraper reading metrics would otherwise dilute the rate while all is well and, on a blip,
 * fire a second alert about "server errors" nobody's request met.
 */
class ErrorRateTest {
    @Test
    void healthAndMetricsAnswersStayOutOfTheErrorRateWhileOtherRequestsCount() throws Exception {
        try (TestHttp http = new TestHttp()) {
            http.databaseStatus = ProbeResult.DOWN;

            var health = http.send(http.request("/api/health"));
            var metrics = http.send(http.request("/metrics"));
            var projects = http.send(http.request("/api/projects"));

            assertThat(health.statusCode()).isEqualTo(503);
            assertThat(metrics.statusCode()).isNotEqualTo(404);
            assertThat(projects.statusCode()).isEqualTo(401);
            assertThat(http.countedForErrorRate).containsExactly(401);
        }
    }
}
