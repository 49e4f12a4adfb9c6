package dev.ccui.bootstrap.faults;

import static dev.ccui.bootstrap.testing.ApiClient.json;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ccui.adapters.process.claude.FakeMessagesApi;
import dev.ccui.adapters.process.claude.TestCli;
import dev.ccui.bootstrap.testing.ApiClient;
import dev.ccui.bootstrap.testing.JarProcess;
import dev.ccui.bootstrap.testing.TestApplication;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The jar at DEBUG on PostgreSQL (a password in its URL), through a whole flow: setup, a wrong
 * and a right sign-in, an API key created and used, a WebSocket ticket, a run with the real CLI,
 * a password change, then stopped. No log it wrote (console, combined.log, error.log, anything
 * else in the data dir ending in .log) holds the password, a token, the API key, the JWT secret
 * or the database password.
 *
 * <p>On demand ({@code -Dit.test=SecretsNotInLogsCheck}) until it has passed once on a machine
 * quiet enough for the jar to start (see docs/reliability.md); then rename it {@code *IT}.
 */
@Timeout(240)
class SecretsNotInLogsCheck {
    private static final Pattern LISTENING = Pattern.compile("listening on http://127\\.0\\.0\\.1:(\\d+)");

    @TempDir
    Path folder;

    @Test
    void noSecretReachesAnyLogFile() throws Exception {
        Path base = folder.toRealPath();
        Path cwd = Files.createDirectories(base.resolve("work").resolve("app"));
        String schema =
                "ccui_secrets_" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        String dbPassword = "db-Pa55-" + UUID.randomUUID();
        String jwtSecret = "jwt-secret-" + UUID.randomUUID() + "-" + UUID.randomUUID();
        String password = "admin-Pa55word-" + UUID.randomUUID().toString().substring(0, 8);
        String newPassword = "changed-Pa55word-" + UUID.randomUUID().toString().substring(0, 8);
        Map<String, String> secrets = new LinkedHashMap<>();
        secrets.put("database password", dbPassword);
        secrets.put("JWT secret", jwtSecret);
        secrets.put("admin password", password);
        secrets.put("new admin password", newPassword);
        secrets.put("wrong password tried", "wrong-Pa55word-tried");
        sql("CREATE SCHEMA " + schema);
        try (FakeMessagesApi api = new FakeMessagesApi()) {
            Map<String, String> env = new HashMap<>(TestApplication.baseEnvironment(base));
            env.putAll(TestApplication.cliEnvironment(base, TestCli.path().toString(), api.baseUrl()));
            // PostgreSQL here trusts local connections: the password is sent and ignored, as a secret in the URL.
            env.put(
                    "DATABASE_URL",
                    TestApplication.POSTGRES_URL + "&password=" + dbPassword + "&currentSchema=" + schema);
            env.put("JWT_SECRET", jwtSecret);
            env.put("LOG_LEVEL", "DEBUG");
            List<String> console;
            try (JarProcess jar = JarProcess.start(env)) {
                Matcher listening = LISTENING.matcher(
                        jar.awaitLine(l -> LISTENING.matcher(l).find(), Duration.ofSeconds(240)));
                assertThat(listening.find()).isTrue();
                String url = "http://127.0.0.1:" + listening.group(1);
                var anonymous = new ApiClient(url, null);
                var setup =
                        anonymous.post("/api/auth/setup", "{\"username\":\"admin\",\"password\":\"" + password + "\"}");
                assertThat(setup.statusCode()).as(setup.body()).isEqualTo(201);
                assertThat(anonymous
                                .post(
                                        "/api/auth/login",
                                        "{\"username\":\"admin\",\"password\":\"wrong-Pa55word-tried\"}")
                                .statusCode())
                        .isEqualTo(401);
                String token = json(anonymous.post(
                                "/api/auth/login", "{\"username\":\"admin\",\"password\":\"" + password + "\"}"))
                        .get("token")
                        .asText();
                secrets.put("session token", token);
                secrets.put("session token signature", token.substring(token.lastIndexOf('.') + 1));
                ApiClient admin = new ApiClient(url, token);

                String key = json(admin.post("/api/api-keys", "{\"name\":\"automation\"}"))
                        .get("secret")
                        .asText();
                secrets.put("API key", key);
                var byKey = HttpClient.newHttpClient()
                        .send(
                                HttpRequest.newBuilder(URI.create(url + "/api/auth/me"))
                                        .header("X-API-Key", key)
                                        .build(),
                                HttpResponse.BodyHandlers.ofString());
                assertThat(byKey.statusCode()).as(byKey.body()).isEqualTo(200);
                var badKey = HttpClient.newHttpClient()
                        .send(
                                HttpRequest.newBuilder(URI.create(url + "/api/auth/me"))
                                        .header("X-API-Key", key + "x")
                                        .build(),
                                HttpResponse.BodyHandlers.ofString());
                assertThat(badKey.statusCode()).isEqualTo(401);
                String ticket = json(admin.post("/api/auth/ws-ticket", "{}"))
                        .get("ticket")
                        .asText();
                secrets.put("WebSocket ticket", ticket);

                String projectId = json(admin.post("/api/projects", "{\"path\":\"" + cwd + "\"}"))
                        .get("id")
                        .asText();
                String runId = json(admin.post(
                                "/api/runs",
                                "{\"projectId\":\"" + projectId + "\",\"prompt\":\"hello\",\"clientMessageId\":\""
                                        + UUID.randomUUID() + "\"}"))
                        .get("runId")
                        .asText();
                Poll.until("the run to end", Duration.ofSeconds(90), () -> {
                    String state =
                            json(admin.get("/api/runs/" + runId)).path("state").asText();
                    return List.of("completed", "failed", "interrupted").contains(state) ? state : null;
                });
                var changed = admin.post(
                        "/api/auth/password",
                        "{\"currentPassword\":\"" + password + "\",\"newPassword\":\"" + newPassword + "\"}");
                assertThat(changed.statusCode()).as(changed.body()).isLessThan(300);

                jar.terminate();
                jar.awaitExit(Duration.ofSeconds(60));
                console = jar.output();
            }

            Map<String, String> logs = new LinkedHashMap<>();
            logs.put("console", String.join("\n", console));
            try (Stream<Path> files = Files.walk(base)) {
                for (Path file : files.filter(Files::isRegularFile)
                        .filter(f -> f.getFileName()
                                .toString()
                                .toLowerCase(Locale.ROOT)
                                .contains(".log"))
                        .toList()) {
                    logs.put(base.relativize(file).toString(), Files.readString(file, StandardCharsets.ISO_8859_1));
                }
            }
            assertThat(logs).containsKeys("data/combined.log");
            assertThat(logs.get("data/combined.log"))
                    .as("DEBUG lines were written")
                    .contains("DEBUG");
            List<String> leaks = new ArrayList<>();
            secrets.forEach((what, secret) -> logs.forEach((file, text) -> {
                if (text.contains(secret)) {
                    leaks.add(what + " in " + file);
                }
            }));
            assertThat(leaks).as("secrets found in logs").isEmpty();
        } finally {
            sql("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
        }
    }

    private static void sql(String statement) throws Exception {
        try (var connection = DriverManager.getConnection(TestApplication.POSTGRES_URL);
                var s = connection.createStatement()) {
            s.execute(statement);
        }
    }
}
