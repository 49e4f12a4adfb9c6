package dev.ccui.adapters.http;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ProductionHeadersTest {

    @Test
    void productionAddsHstsAndSecureCookies() {
        try (var http = new TestHttp(s -> new HttpSettings(
                s.host(),
                s.port(),
                true,
                s.corsOrigins(),
                s.trustedProxies(),
                s.maxBodyBytes(),
                s.apiLimit(),
                s.authLimit(),
                s.sessionTtl(),
                s.version(),
                s.webRoot(),
                s.shutdownGrace()))) {
            var health = http.get("/api/health");
            assertThat(health.headers().firstValue("Strict-Transport-Security").orElseThrow())
                    .contains("max-age=63072000");
            var setup = http.post("/api/auth/setup", "{\"username\":\"admin\",\"password\":\"admin password 1\"}");
            assertThat(setup.headers().firstValue("Set-Cookie").orElseThrow())
                    .contains("Secure", "HttpOnly", "SameSite=Strict");
        }
    }
}
