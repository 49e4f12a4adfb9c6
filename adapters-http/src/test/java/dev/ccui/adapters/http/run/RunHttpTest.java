package dev.ccui.adapters.http.run;

import static dev.ccui.adapters.http.TestHttp.json;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ccui.adapters.http.TestHttp;
import dev.ccui.adapters.http.json.Json;
import dev.ccui.domain.project.Project;
import dev.ccui.domain.project.ProjectId;
import dev.ccui.domain.user.UserId;
import java.net.URI;
import java.net.http.WebSocket;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;

/**
 * What the run route tests start from: the test HTTP server, its first admin and a project that admin
 * owns, and a {@code /ws} socket that hands each whole text message over as JSON.
 */
abstract class RunHttpTest {
    final TestHttp http = new TestHttp();
    final String admin = http.setUpAdmin();
    final Project project = project();

    @AfterEach
    void close() {
        http.close();
    }

    private Project project() {
        UserId owner = new UserId(UUID.fromString(
                json(http.get("/api/auth/me", auth(admin))).get("id").asText()));
        Project created = new Project(
                ProjectId.random(), "/w/app", "app", false, false, false, false, owner, Instant.now(), Instant.now());
        http.projects.insert(created);
        return created;
    }

    static String[] auth(String token) {
        return new String[] {"Authorization", "Bearer " + token};
    }

    /**
     * Opens {@code /ws} as the admin; every message (joined from its fragments) lands in {@code frames},
     * and the close as a {@code {"type":"closed"}} frame with its code and reason.
     */
    WebSocket openSocket(BlockingQueue<JsonNode> frames) throws Exception {
        String ticket = json(http.post("/api/auth/ws-ticket", "", auth(admin)))
                .get("ticket")
                .asText();
        return http.client
                .newWebSocketBuilder()
                .buildAsync(
                        URI.create("ws://127.0.0.1:" + http.server.port() + "/ws?ticket=" + ticket),
                        new WebSocket.Listener() {
                            private final StringBuilder text = new StringBuilder();

                            @Override
                            public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
                                text.append(data);
                                if (last) {
                                    try {
                                        frames.add(Json.MAPPER.readTree(text.toString()));
                                    } catch (Exception e) {
                                        throw new IllegalStateException(e);
                                    }
                                    text.setLength(0);
                                }
                                webSocket.request(1);
                                return null;
                            }

                            @Override
                            public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
                                frames.add(Json.MAPPER
                                        .createObjectNode()
                                        .put("type", "closed")
                                        .put("code", statusCode)
                                        .put("reason", reason));
                                return null;
                            }
                        })
                .get(5, TimeUnit.SECONDS);
    }
}
