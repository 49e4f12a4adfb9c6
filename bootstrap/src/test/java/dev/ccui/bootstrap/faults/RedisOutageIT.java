package dev.ccui.bootstrap.faults;

import static dev.ccui.bootstrap.testing.ApiClient.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ccui.bootstrap.testing.ApiClient;
import dev.ccui.bootstrap.testing.TestApplication;
import java.io.IOException;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A private Redis stopped and started under a running node: health says {@code degraded} (Redis
 * is optional) while sign-in, reads and writes go on, and {@code up} again once Redis is back.
 */
@Timeout(120)
class RedisOutageIT {
    @TempDir
    Path folder;

    @Test
    void redisAwayDegradesHealthOnlyAndComesBack() throws Exception {
        int port = PrivatePostgres.freePort();
        Process redis = startRedis(port);
        try (TestApplication app = TestApplication.sqlite(folder, Map.of("REDIS_URL", "redis://127.0.0.1:" + port))) {
            ApiClient admin = ApiClient.setUpAdmin(app.startHttp());
            assertThat(redisStatus(admin)).isEqualTo("up");
            // The overall status before the fault (the test's missing claude CLI may degrade it already).
            String overallBefore = json(admin.get("/api/health")).path("status").asText();

            redis.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            Poll.until(
                    "health to see Redis gone",
                    Duration.ofSeconds(20),
                    () -> "degraded".equals(redisStatus(admin)) ? true : null);
            JsonNode health = json(admin.get("/api/health"));
            assertThat(health.path("status").asText()).isEqualTo("degraded");
            assertThat(health.path("checks").path("database").path("status").asText())
                    .isEqualTo("up");
            // Nothing else degrades: sign-in (rate limits fall back to this node), reads, writes.
            var login = new ApiClient(admin.base(), null)
                    .post("/api/auth/login", "{\"username\":\"admin\",\"password\":\"admin password 1\"}");
            assertThat(login.statusCode()).as(login.body()).isEqualTo(200);
            assertThat(admin.post("/api/api-keys", "{\"name\":\"during\"}").statusCode())
                    .isEqualTo(201);
            assertThat(admin.get("/api/api-keys").statusCode()).isEqualTo(200);

            redis = startRedis(port);
            long back = System.nanoTime();
            Poll.until(
                    "health to see Redis back",
                    Duration.ofSeconds(30),
                    () -> "up".equals(redisStatus(admin)) ? true : null);
            System.out.printf(
                    "redis outage: health up again %d ms after Redis was back%n",
                    (System.nanoTime() - back) / 1_000_000);
            assertThat(json(admin.get("/api/health")).path("status").asText()).isEqualTo(overallBefore);
            assertThat(admin.post("/api/api-keys", "{\"name\":\"after\"}").statusCode())
                    .isEqualTo(201);
        } finally {
            redis.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }

    private static String redisStatus(ApiClient admin) {
        return json(admin.get("/api/health"))
                .path("checks")
                .path("redis")
                .path("status")
                .asText();
    }

    private static Process startRedis(int port) throws IOException {
        Process redis = new ProcessBuilder(List.of(
                        "redis-server",
                        "--port",
                        Integer.toString(port),
                        "--bind",
                        "127.0.0.1",
                        "--save",
                        "",
                        "--appendonly",
                        "no"))
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
        Poll.until("redis-server on port " + port, Duration.ofSeconds(10), () -> {
            try (Socket ignored = new Socket("127.0.0.1", port)) {
                return true;
            } catch (IOException e) {
                return null;
            }
        });
        return redis;
    }
}
