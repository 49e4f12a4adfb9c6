package dev.ccui.adapters.http;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Which requests' access lines are kept for debug: answered health checks and scrapes only. */
class AccessLogLevelTest {
    @Test
    void answeredHealthChecksAndScrapesAreQuiet() {
        assertThat(HttpServer.answeredProbe("GET", "/api/health", 200)).isTrue();
        assertThat(HttpServer.answeredProbe("GET", "/metrics", 200)).isTrue();
    }

    @Test
    void failedProbesAndEveryOtherRequestAreLogged() {
        assertThat(HttpServer.answeredProbe("GET", "/api/health", 503))
                .as("health down")
                .isFalse();
        assertThat(HttpServer.answeredProbe("GET", "/metrics", 401))
                .as("scrape without its token")
                .isFalse();
        assertThat(HttpServer.answeredProbe("GET", "/api/projects", 200)).isFalse();
        assertThat(HttpServer.answeredProbe("POST", "/api/health", 200)).isFalse();
        assertThat(HttpServer.answeredProbe("GET", "unmatched", 404)).isFalse();
    }
}
