package dev.ccui.bootstrap.security;

import static dev.ccui.bootstrap.testing.ApiClient.json;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ccui.bootstrap.testing.ApiClient;
import dev.ccui.bootstrap.testing.TestApplication;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Rotating the secrets without downtime, on PostgreSQL: a node still on the old JWT secret signed
 * the admin in; two nodes started with the new secret and the old one as JWT_SECRET_PREVIOUS
 * (the restart into the new configuration) accept that session, sign new ones only with the new
 * key, and take the old metrics token too. Revoking every session ends them all, on both nodes.
 */
class SecretRotationIT {
    private static final String OLD_JWT = "old-jwt-secret-old-jwt-secret-0000001";
    private static final String NEW_JWT = "new-jwt-secret-new-jwt-secret-0000002";
    private static final String OLD_SCRAPE = "old-metrics-token-0000000001";
    private static final String NEW_SCRAPE = "new-metrics-token-0000000002";

    @TempDir
    Path folder;

    private static void within(Duration limit, String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + limit.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within " + limit + ": " + what);
            }
            LockSupport.parkNanos(Duration.ofMillis(50).toNanos());
        }
    }

    private static int scrape(String base, String token) {
        return new ApiClient(base, token).get("/metrics").statusCode();
    }

    @Test
    void sessionsSurviveTheRotationOnEveryNodeUntilEveryoneIsSignedOut() throws Exception {
        Map<String, String> rotated = Map.of(
                "JWT_SECRET",
                NEW_JWT,
                "JWT_SECRET_PREVIOUS",
                OLD_JWT,
                "METRICS_TOKEN",
                NEW_SCRAPE,
                "METRICS_TOKEN_PREVIOUS",
                OLD_SCRAPE);
        try (var before = TestApplication.postgres(
                Files.createDirectories(folder.resolve("before")),
                Map.of("JWT_SECRET", OLD_JWT, "METRICS_TOKEN", OLD_SCRAPE))) {
            ApiClient oldSession = ApiClient.setUpAdmin(before.startHttp());
            try (var a = TestApplication.postgresNodeBeside(
                            before, Files.createDirectories(folder.resolve("a")), rotated);
                    var b = TestApplication.postgresNodeBeside(
                            before, Files.createDirectories(folder.resolve("b")), rotated)) {
                String baseA = a.startHttp();
                String baseB = b.startHttp();
                ApiClient oldOnA = new ApiClient(baseA, oldSession.token());
                ApiClient oldOnB = new ApiClient(baseB, oldSession.token());
                assertThat(oldOnA.get("/api/auth/me").statusCode())
                        .as("the old session on node a")
                        .isEqualTo(200);
                assertThat(oldOnB.get("/api/auth/me").statusCode())
                        .as("the old session on node b")
                        .isEqualTo(200);

                var login = new ApiClient(baseA, null)
                        .post("/api/auth/login", "{\"username\":\"admin\",\"password\":\"admin password 1\"}");
                assertThat(login.statusCode()).isEqualTo(200);
                ApiClient newOnB = new ApiClient(baseB, json(login).get("token").asText());
                assertThat(newOnB.get("/api/auth/me").statusCode())
                        .as("a session of node a on node b")
                        .isEqualTo(200);
                assertThat(new ApiClient(before.startHttp(), newOnB.token())
                                .get("/api/auth/me")
                                .statusCode())
                        .as("the new key on a node not yet restarted")
                        .isEqualTo(401);

                assertThat(scrape(baseA, OLD_SCRAPE)).as("old metrics token").isEqualTo(200);
                assertThat(scrape(baseB, NEW_SCRAPE)).as("new metrics token").isEqualTo(200);
                assertThat(scrape(baseB, "not-the-metrics-token-at-all")).isEqualTo(401);

                ApiClient adminOnA = new ApiClient(baseA, newOnB.token());
                assertThat(adminOnA.post("/api/admin/sessions/revoke-all", "{}").statusCode())
                        .as("without the confirmation")
                        .isEqualTo(400);
                var revoked = adminOnA.post("/api/admin/sessions/revoke-all", "{\"confirm\":\"revoke-all\"}");
                assertThat(revoked.statusCode()).as(revoked.body()).isEqualTo(200);
                assertThat(json(revoked).get("revoked").asInt())
                        .as("the set-up session and the login")
                        .isEqualTo(2);

                assertThat(oldOnA.get("/api/auth/me").statusCode())
                        .as("the old session on node a, at once")
                        .isEqualTo(401);
                assertThat(adminOnA.get("/api/auth/me").statusCode())
                        .as("the admin's own session")
                        .isEqualTo(401);
                within(
                        Duration.ofSeconds(2),
                        "node b refuses the revoked sessions",
                        () -> oldOnB.get("/api/auth/me").statusCode() == 401
                                && newOnB.get("/api/auth/me").statusCode() == 401);
            }
        }
    }
}
