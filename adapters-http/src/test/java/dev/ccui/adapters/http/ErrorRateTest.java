package dev.ccui.adapters.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ccui.application.alert.port.out.Alert;
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
    void healthChecksAnsweringDownRaiseNoServerErrorAlert() throws Exception {
        try (TestHttp http = new TestHttp()) {
            http.databaseStatus = ProbeResult.DOWN;

            // Well over the rule's minimum of requests in a minute, every one a 503.
            for (int i = 0; i < 50; i++) {
                assertThat(http.send(http.request("/api/health")).statusCode()).isEqualTo(503);
                http.send(http.request("/metrics"));
            }

            assertThat(http.alerts).extracting(Alert::kind).doesNotContain(Alert.Kind.ERROR_RATE);
        }
    }

    @Test
    void theServicesOwnServerErrorsStillRaiseIt() throws Exception {
        try (TestHttp http = new TestHttp()) {
            String admin = http.setUpAdmin();

            // The listing has no use case behind it in these tests: each answer is a 500.
            for (int i = 0; i < 25; i++) {
                assertThat(http.get("/api/projects", "Authorization", "Bearer " + admin)
                                .statusCode())
                        .isEqualTo(500);
            }

            assertThat(http.alerts).extracting(Alert::kind).contains(Alert.Kind.ERROR_RATE);
        }
    }
}
