package dev.ccui.adapters.http;

import static dev.ccui.adapters.http.TestHttp.json;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ccui.adapters.http.security.RateLimits;
import dev.ccui.domain.ratelimit.RateLimit;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class RateLimitTest {

    @Test
    void signInAttemptsPerAddressAreLimitedWithRetryAfter() {
        try (var http = new TestHttp(s -> new HttpSettings(
                s.host(),
                s.port(),
                s.production(),
                s.corsOrigins(),
                s.trustedProxies(),
                s.maxBodyBytes(),
                s.apiLimit(),
                new RateLimit("auth-ip", 3, Duration.ofMinutes(15)),
                s.sessionTtl(),
                s.version(),
                s.webRoot(),
                s.shutdownGrace()))) {
            for (int i = 0; i < 3; i++) {
                assertThat(http.post("/api/auth/login", "{\"username\":\"u" + i + "\",\"password\":\"wrong password\"}")
                                .statusCode())
                        .isEqualTo(401);
            }
            var limited = http.post("/api/auth/login", "{\"username\":\"other\",\"password\":\"wrong password\"}");
            assertThat(limited.statusCode()).isEqualTo(429);
            assertThat(Long.parseLong(
                            limited.headers().firstValue("Retry-After").orElseThrow()))
                    .isPositive();
            assertThat(json(limited).get("error").get("code").asText()).isEqualTo("RATE_LIMITED");
            // Other routes are not affected by the sign-in limit.
            assertThat(http.get("/api/health").statusCode()).isEqualTo(200);
        }
    }

    @Test
    void signInAttemptsPerUsernameAreLimited() {
        try (var http = new TestHttp(s -> s, new RateLimit("auth-username", 2, Duration.ofMinutes(15)))) {
            http.post("/api/auth/login", "{\"username\":\"victim\",\"password\":\"wrong password\"}");
            http.post("/api/auth/login", "{\"username\":\"victim\",\"password\":\"wrong password\"}");
            assertThat(http.post("/api/auth/login", "{\"username\":\"VICTIM\",\"password\":\"wrong password\"}")
                            .statusCode())
                    .isEqualTo(429);
        }
    }

    @Test
    void everyEndpointButHealthIsLimitedPerClient() {
        try (var http = new TestHttp(s -> new HttpSettings(
                s.host(),
                s.port(),
                s.production(),
                s.corsOrigins(),
                s.trustedProxies(),
                s.maxBodyBytes(),
                new RateLimit("api", 5, Duration.ofMinutes(1)),
                s.authLimit(),
                s.sessionTtl(),
                s.version(),
                s.webRoot(),
                s.shutdownGrace()))) {
            for (int i = 0; i < 5; i++) {
                assertThat(http.get("/api/auth/me").statusCode()).isEqualTo(401);
            }
            assertThat(http.get("/api/auth/me").statusCode()).isEqualTo(429);
            assertThat(http.get("/api/projects").statusCode()).isEqualTo(429);
            // What load balancers poll stays up for a client over its limit.
            for (int i = 0; i < 10; i++) {
                assertThat(http.get("/api/health").statusCode()).isEqualTo(200);
            }
        }
    }

    @Test
    void forwardedForIsBelievedOnlyFromTrustedProxies() {
        try (var untrusted = new TestHttp()) {
            untrusted.setUpAdmin();
            untrusted.post(
                    "/api/auth/login",
                    "{\"username\":\"admin\",\"password\":\"wrong password\"}",
                    "X-Forwarded-For",
                    "203.0.113.9");
            assertThat(untrusted.fixture.audit.all().getLast().ip()).isEqualTo("127.0.0.1");
        }
        try (var trusted = new TestHttp(s -> new HttpSettings(
                s.host(),
                s.port(),
                s.production(),
                s.corsOrigins(),
                List.of("127.0.0.1/32"),
                s.maxBodyBytes(),
                s.apiLimit(),
                s.authLimit(),
                s.sessionTtl(),
                s.version(),
                s.webRoot(),
                s.shutdownGrace()))) {
            trusted.setUpAdmin();
            trusted.post(
                    "/api/auth/login",
                    "{\"username\":\"admin\",\"password\":\"wrong password\"}",
                    "X-Forwarded-For",
                    "198.51.100.1, 203.0.113.9");
            assertThat(trusted.fixture.audit.all().getLast().ip()).isEqualTo("203.0.113.9");
        }
    }

    @Test
    void aFloodAgainstAdminFromOneAddressDoesNotLockTheRealAdminOutFromAnother() {
        try (var http = new TestHttp(
                s -> new HttpSettings(
                        s.host(),
                        s.port(),
                        s.production(),
                        s.corsOrigins(),
                        List.of("127.0.0.1/32"),
                        s.maxBodyBytes(),
                        s.apiLimit(),
                        s.authLimit(),
                        s.sessionTtl(),
                        s.version(),
                        s.webRoot(),
                        s.shutdownGrace()),
                new RateLimit("auth-username", 3, Duration.ofMinutes(15)))) {
            http.setUpAdmin();
            for (int i = 0; i < 3; i++) {
                http.post(
                        "/api/auth/login",
                        "{\"username\":\"admin\",\"password\":\"wrong password\"}",
                        "X-Forwarded-For",
                        "203.0.113.66");
            }
            // Before issue 11 the limit was per username alone: this was 429 for the admin everywhere.
            assertThat(http.post(
                                    "/api/auth/login",
                                    "{\"username\":\"admin\",\"password\":\"wrong password\"}",
                                    "X-Forwarded-For",
                                    "203.0.113.66")
                            .statusCode())
                    .isEqualTo(429);
            assertThat(http.post(
                                    "/api/auth/login",
                                    "{\"username\":\"admin\",\"password\":\"admin password 1\"}",
                                    "X-Forwarded-For",
                                    "198.51.100.7")
                            .statusCode())
                    .isEqualTo(200);
        }
    }

    /**
     * Every route the router registered, spelled as the router also accepts it (a trailing slash):
     * the password limit counts it like the route itself. Driven by the route table, so a new
     * password route or a new spelling the router accepts is covered without editing this test.
     */
    @Test
    void rulesMatchEveryRouteAsTheRouterMatchesIt() {
        try (var http = new TestHttp(s -> new HttpSettings(
                s.host(),
                s.port(),
                s.production(),
                s.corsOrigins(),
                s.trustedProxies(),
                s.maxBodyBytes(),
                s.apiLimit(),
                new RateLimit("auth-ip", 2, Duration.ofMinutes(15)),
                s.sessionTtl(),
                s.version(),
                s.webRoot(),
                s.shutdownGrace()))) {
            var passwordRoutes = http.server.endpoints().stream()
                    .filter(route -> RateLimits.isPasswordRoute(route.method(), route.path()))
                    .toList();
            assertThat(passwordRoutes)
                    .extracting(HttpServer.RouteInfo::path)
                    .contains("/api/auth/login", "/api/auth/setup", "/api/auth/password");
            for (var route : http.server.endpoints()) {
                if (!route.method().equals("POST") || route.path().contains("{")) {
                    continue;
                }
                // The router answers the slash spelling as the route (not 404): so must every rule.
                var slashed = http.post(route.path() + "/", "{}");
                assertThat(slashed.statusCode())
                        .as("POST " + route.path() + "/")
                        .isNotEqualTo(404);
            }
            // The loop above spent this address's two password attempts on the slash spellings.
            for (var route : passwordRoutes) {
                var again = http.post(route.path() + "/", "{\"username\":\"x\",\"password\":\"wrong password\"}");
                assertThat(again.statusCode()).as("POST " + route.path() + "/").isEqualTo(429);
                assertThat(http.post(route.path(), "{}").statusCode())
                        .as("POST " + route.path())
                        .isEqualTo(429);
            }
        }
    }
}
