package dev.ccui.bootstrap.maintenance;

import static dev.ccui.bootstrap.testing.ApiClient.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ccui.bootstrap.testing.ApiClient;
import dev.ccui.bootstrap.testing.TestApplication;
import dev.ccui.bootstrap.testing.WsFrames;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Maintenance mode through the public API of the real application on SQLite. */
@Timeout(120)
class MaintenanceHttpIT {
    private static final String TOGGLE = "/api/admin/maintenance";

    @TempDir
    Path folder;

    private TestApplication app;
    private ApiClient admin;
    private ApiClient member;
    private Path projectDir;
    private String files;
    private String projectId;

    @BeforeEach
    void start() throws Exception {
        projectDir = Files.createDirectories(folder.resolve("work/proj"));
        Files.createDirectories(folder.resolve("work/later"));
        Files.writeString(projectDir.resolve("notes.txt"), "before\n");
        app = TestApplication.sqlite(folder, Map.of("CCUI_MAINTENANCE_RETRY_AFTER", "90s"));
        admin = ApiClient.setUpAdmin(app.startHttp());
        member = admin.createMember("member", "terminal");
        var created = member.post("/api/projects", "{\"path\":\"" + projectDir + "\"}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        projectId = json(created).get("id").asText();
        files = "/api/projects/" + projectId + "/files";
    }

    @AfterEach
    void stop() {
        app.close();
    }

    private static void assertMaintenance(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(503);
        assertThat(response.headers().firstValue("Retry-After")).contains("90");
        JsonNode error = json(response).get("error");
        assertThat(error.get("code").asText()).isEqualTo("MAINTENANCE");
        assertThat(error.get("message").asText()).isEqualTo("moving to a bigger disk");
        assertThat(error.get("requestId").asText())
                .isEqualTo(response.headers().firstValue("X-Request-Id").orElseThrow());
    }

    private String putNotes() {
        return "{\"content\":\"after\\n\"}";
    }

    @Test
    void whileOnChangesAreRefusedAndNothingChangesThenTheSameWritesSucceedOnceOff() throws Exception {
        assertThat(json(admin.get(TOGGLE)).get("enabled").asBoolean()).isFalse();
        var on = admin.send("PUT", TOGGLE, "{\"enabled\":true,\"message\":\"moving to a bigger disk\"}");
        assertThat(on.statusCode()).as(on.body()).isEqualTo(200);
        JsonNode state = json(admin.get(TOGGLE));
        assertThat(state.get("enabled").asBoolean()).isTrue();
        assertThat(state.get("message").asText()).isEqualTo("moving to a bigger disk");
        assertThat(state.get("by").asText()).isEqualTo("admin");
        assertThat(state.get("since").asText()).endsWith("Z");

        assertMaintenance(member.send("PUT", files + "/content?path=notes.txt", putNotes()));
        assertMaintenance(member.post(
                "/api/runs", "{\"projectId\":\"" + projectId + "\",\"prompt\":\"hi\",\"clientMessageId\":\"m-1\"}"));
        assertMaintenance(member.post("/api/projects", "{\"path\":\"" + folder.resolve("work/later") + "\"}"));
        assertMaintenance(admin.post("/api/users", "{\"username\":\"newbie\",\"password\":\"newbie password 1\"}"));
        assertThat(Files.readString(projectDir.resolve("notes.txt"))).isEqualTo("before\n");
        assertThat(json(member.get("/api/runs")).get("items")).isEmpty();
        assertThat(json(member.get("/api/projects")).findValuesAsText("id")).containsExactly(projectId);
        assertThat(json(admin.get("/api/users")).findValuesAsText("username"))
                .containsExactlyInAnyOrder("admin", "member");

        // Reads, signing in and the live channel keep working; health says why changes are refused.
        assertThat(json(member.get(files + "/content?path=notes.txt"))
                        .get("content")
                        .asText())
                .isEqualTo("before\n");
        var login = new ApiClient(admin.base(), null)
                .post("/api/auth/login", "{\"username\":\"member\",\"password\":\"member password 1\"}");
        assertThat(login.statusCode()).as(login.body()).isEqualTo(200);
        JsonNode health = json(new ApiClient(admin.base(), null).get("/api/health"));
        assertThat(health.get("maintenance").get("enabled").asBoolean()).isTrue();
        assertThat(health.get("maintenance").get("since").asText())
                .isEqualTo(state.get("since").asText());
        assertThat(health.get("status").asText()).isNotEqualTo("down");
        try (var ws = WsFrames.open(member)) {
            ws.send("{\"type\":\"send\",\"projectId\":\"" + projectId
                    + "\",\"prompt\":\"hi\",\"clientMessageId\":\"m-2\"}");
            JsonNode frame = json(ws.await("error", 10_000));
            assertThat(frame.get("code").asText()).isEqualTo("MAINTENANCE");
            assertThat(frame.get("clientMessageId").asText()).isEqualTo("m-2");
            String scrape = admin.get("/metrics").body();
            assertThat(scrape)
                    .contains("ccui_maintenance_enabled 1.0")
                    .contains("ccui_websockets_open 1.0")
                    .containsPattern(
                            "http_server_requests_seconds_count\\{[^}]*route=\"/api/users\"[^}]*status=\"503\"");
        }
        assertThat(terminalHandshake(member, projectId)).isEqualTo(503);
        assertThat(json(member.get("/api/runs")).get("items")).isEmpty();

        var off = admin.send("PUT", TOGGLE, "{\"enabled\":false}");
        assertThat(json(off).get("enabled").asBoolean()).isFalse();
        assertThat(json(new ApiClient(admin.base(), null).get("/api/health"))
                        .get("maintenance")
                        .get("enabled")
                        .asBoolean())
                .isFalse();
        var written = member.send("PUT", files + "/content?path=notes.txt", putNotes());
        assertThat(written.statusCode()).as(written.body()).isEqualTo(200);
        assertThat(Files.readString(projectDir.resolve("notes.txt"))).isEqualTo("after\n");
        var registered = member.post("/api/projects", "{\"path\":\"" + folder.resolve("work/later") + "\"}");
        assertThat(registered.statusCode()).as(registered.body()).isEqualTo(201);

        JsonNode audit = json(admin.get("/api/audit?limit=100")).get("items");
        assertThat(audit.findValuesAsText("action").stream().filter("maintenance.changed"::equals))
                .hasSize(2);
    }

    @Test
    void onlyAdminsSeeOrSwitchTheToggleAndABadBodyIsA400() {
        assertThat(member.get(TOGGLE).statusCode()).isEqualTo(403);
        assertThat(member.send("PUT", TOGGLE, "{\"enabled\":true}").statusCode())
                .isEqualTo(403);
        assertThat(new ApiClient(admin.base(), null)
                        .send("PUT", TOGGLE, "{\"enabled\":true}")
                        .statusCode())
                .isEqualTo(401);
        var missing = admin.send("PUT", TOGGLE, "{\"message\":\"no flag\"}");
        assertThat(missing.statusCode()).isEqualTo(400);
        assertThat(json(missing).get("error").get("field").asText()).isEqualTo("enabled");
        assertThat(admin.send("PUT", TOGGLE, "{\"enabled\":true,\"message\":\"" + "x".repeat(501) + "\"}")
                        .statusCode())
                .isEqualTo(400);
        assertThat(admin.send("PUT", TOGGLE, "not json").statusCode()).isEqualTo(400);
        assertThat(json(admin.get(TOGGLE)).get("enabled").asBoolean()).isFalse();
        var write = member.send("PUT", files + "/content?path=notes.txt", putNotes());
        assertThat(write.statusCode()).as(write.body()).isEqualTo(200);
    }

    @Test
    void aToggleOnOneNodeReachesAnotherNodeOfTheSameDatabaseWithinSeconds() throws Exception {
        Files.createDirectories(folder.resolve("node-a"));
        Files.createDirectories(folder.resolve("node-b"));
        try (var first = TestApplication.postgres(folder.resolve("node-a"))) {
            var firstAdmin = ApiClient.setUpAdmin(first.startHttp());
            try (var second = TestApplication.postgresNodeBeside(first, folder.resolve("node-b"), Map.of())) {
                String secondBase = second.startHttp();
                // Each node signs its own tokens here (separate data dirs): sign in on the second one.
                var login = new ApiClient(secondBase, null)
                        .post("/api/auth/login", "{\"username\":\"admin\",\"password\":\"admin password 1\"}");
                var secondAdmin =
                        new ApiClient(secondBase, json(login).get("token").asText());
                // Read once so the second node has the "off" state cached before the toggle.
                assertThat(json(secondAdmin.get(TOGGLE)).get("enabled").asBoolean())
                        .isFalse();

                assertThat(firstAdmin.send("PUT", TOGGLE, "{\"enabled\":true}").statusCode())
                        .isEqualTo(200);
                var seenBySecond = second.application().operations().maintenance();
                long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
                while (!seenBySecond.state().enabled() && System.nanoTime() < deadline) {
                    LockSupport.parkNanos(Duration.ofMillis(50).toNanos());
                }
                var refused =
                        secondAdmin.post("/api/users", "{\"username\":\"probe\",\"password\":\"probe password 1\"}");
                assertThat(refused.statusCode()).as(refused.body()).isEqualTo(503);
                assertThat(json(refused).get("error").get("code").asText()).isEqualTo("MAINTENANCE");
                assertThat(json(secondAdmin.get(TOGGLE)).get("by").asText()).isEqualTo("admin");

                assertThat(secondAdmin
                                .send("PUT", TOGGLE, "{\"enabled\":false}")
                                .statusCode())
                        .isEqualTo(200);
                var seenByFirst = first.application().operations().maintenance();
                deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
                while (seenByFirst.state().enabled() && System.nanoTime() < deadline) {
                    LockSupport.parkNanos(Duration.ofMillis(50).toNanos());
                }
                var created =
                        firstAdmin.post("/api/users", "{\"username\":\"probe\",\"password\":\"probe password 1\"}");
                assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
            }
        }
    }

    private static int terminalHandshake(ApiClient as, String projectId) {
        String ticket = json(as.post("/api/auth/ws-ticket", "{}")).get("ticket").asText();
        try {
            WebSocket socket = HttpClient.newHttpClient()
                    .newWebSocketBuilder()
                    .connectTimeout(Duration.ofSeconds(5))
                    .buildAsync(
                            URI.create(as.base().replace("http", "ws") + "/ws/terminal?projectId=" + projectId
                                    + "&ticket=" + ticket),
                            new WebSocket.Listener() {})
                    .join();
            socket.abort();
            return 101;
        } catch (CompletionException e) {
            assertThat(e.getCause()).isInstanceOf(WebSocketHandshakeException.class);
            return ((WebSocketHandshakeException) e.getCause()).getResponse().statusCode();
        }
    }
}
