package dev.ccui.adapters.http.run;

import static dev.ccui.adapters.http.TestHttp.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ccui.application.testing.FakeClaudeRunner.FakeProcess;
import dev.ccui.domain.run.RunEvent;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The run routes, SSE and {@code /ws} frames over the in-memory run service and a stand-in CLI. */
@Timeout(30)
class RunRoutesTest extends RunHttpTest {
    private HttpResponse<String> startRun(String token, String sessionId, String clientMessageId) {
        String session = sessionId == null ? "" : ",\"sessionId\":\"" + sessionId + "\"";
        return http.post(
                "/api/runs",
                "{\"projectId\":\"" + project.id() + "\",\"prompt\":\"hello\"" + session + ",\"clientMessageId\":\""
                        + clientMessageId + "\"}",
                auth(token));
    }

    @Test
    void aRunIsAcceptedOnceAndItsEventsAreServedAsJson() {
        var started = startRun(admin, null, "c1");
        assertThat(started.statusCode()).isEqualTo(202);
        JsonNode body = json(started);
        assertThat(json(startRun(admin, null, "c1"))).isEqualTo(body);
        String sessionId = body.get("sessionId").asText();
        String runId = body.get("runId").asText();

        http.runner.last().completeTurn("Hi!");
        JsonNode run = json(http.get("/api/runs/" + runId, auth(admin)));
        assertThat(run.get("state").asText()).isEqualTo("completed");
        assertThat(json(http.get("/api/runs?active=true", auth(admin))).get("items"))
                .isEmpty();
        assertThat(json(http.get("/api/runs", auth(admin))).get("items")).hasSize(1);

        JsonNode events = json(http.get("/api/sessions/" + sessionId + "/events?afterSeq=3", auth(admin)));
        assertThat(events.get("lastSeq").asLong()).isEqualTo(5);
        assertThat(events.get("items")).extracting(e -> e.get("seq").asLong()).containsExactly(4L, 5L);
        JsonNode result = events.get("items").get(0).get("event");
        assertThat(result.get("kind").asText()).isEqualTo("result");
        assertThat(result.get("isError").asBoolean()).isFalse();
        assertThat(result.get("costUsd").asDouble()).isEqualTo(0.001);
        assertThat(events.get("items").get(1).get("event").get("reason").asText())
                .isEqualTo("completed");

        assertThat(startRun(admin, null, "").statusCode()).isEqualTo(400);
        assertThat(http.get("/api/runs/" + UUID.randomUUID(), auth(admin)).statusCode())
                .isEqualTo(404);
        String member = http.createMember(admin, "mia");
        assertThat(http.get("/api/runs/" + runId, auth(member)).statusCode()).isEqualTo(404);
        assertThat(http.get("/api/sessions/" + sessionId + "/events", auth(member))
                        .statusCode())
                .isEqualTo(403);
    }

    @Test
    void theAuditLogLinksARunToItsSessionAndFiltersByActionUserAndOutcome() {
        JsonNode started = json(startRun(admin, null, "c1"));
        http.runner.last().completeTurn("Hi!");
        JsonNode runs =
                json(http.get("/api/audit?action=run.started", auth(admin))).get("items");
        assertThat(runs).hasSize(1);
        assertThat(runs.get(0).get("target").asText())
                .isEqualTo(started.get("runId").asText());
        assertThat(runs.get(0).get("session").get("id").asText())
                .isEqualTo(started.get("sessionId").asText());
        assertThat(runs.get(0).get("session").get("projectId").asText())
                .isEqualTo(project.id().toString());

        JsonNode logins = json(http.get("/api/audit?user=ADMIN&outcome=success", auth(admin)))
                .get("items");
        assertThat(logins.findValuesAsText("action"))
                .contains("auth.setup", "run.started")
                .doesNotContain("auth.login_failed");
        assertThat(logins.findValuesAsText("actorUsername")).containsOnly("admin");
        JsonNode setup = logins.get(logins.size() - 1);
        assertThat(setup.get("action").asText()).isEqualTo("auth.setup");
        assertThat(setup.get("session").isNull()).isTrue();
        http.post("/api/auth/login", "{\"username\":\"admin\",\"password\":\"not the password\"}");
        JsonNode failures =
                json(http.get("/api/audit?outcome=failure", auth(admin))).get("items");
        assertThat(failures.findValuesAsText("action")).containsExactly("auth.login_failed");

        var badAction = http.get("/api/audit?action=run.exploded", auth(admin));
        assertThat(badAction.statusCode()).isEqualTo(400);
        assertThat(json(badAction).get("error").get("field").asText()).isEqualTo("action");
        assertThat(json(http.get("/api/audit?outcome=maybe", auth(admin)))
                        .get("error")
                        .get("field")
                        .asText())
                .isEqualTo("outcome");
    }

    @Test
    void theSecondPermissionDecisionGets409() {
        JsonNode started = json(startRun(admin, null, "c1"));
        FakeProcess cli = http.runner.last();
        cli.emit(new RunEvent.PermissionRequest(
                "r1", "Write", "Write", Map.of("file_path", "/w/app/a"), null, List.of(), "toolu_1", null));
        String path = "/api/runs/" + started.get("runId").asText() + "/permissions/r1";
        assertThat(http.post(path, "{\"decision\":\"maybe\"}", auth(admin)).statusCode())
                .isEqualTo(400);
        assertThat(http.post(path, "{\"decision\":\"deny\",\"message\":\"no\"}", auth(admin))
                        .statusCode())
                .isEqualTo(204);
        assertThat(http.post(path, "{\"decision\":\"allow\"}", auth(admin)).statusCode())
                .isEqualTo(409);
        assertThat(http.post("/api/runs/" + started.get("runId").asText() + "/interrupt", "", auth(admin))
                        .statusCode())
                .isEqualTo(202);
        assertThat(cli.interrupts).isEqualTo(1);
    }

    @Test
    void sseReplaysTheGapThenStreamsLiveWithSeqAsId() throws Exception {
        JsonNode started = json(startRun(admin, null, "c1"));
        FakeProcess cli = http.runner.last();
        cli.emit(new RunEvent.Status("requesting", Map.of()));
        cli.emit(new RunEvent.Status("requesting", Map.of()));
        var request = http.request("/api/sessions/" + started.get("sessionId").asText() + "/events?afterSeq=1")
                .header("Accept", "text/event-stream")
                .header("Authorization", "Bearer " + admin)
                .GET();
        HttpResponse<InputStream> response =
                http.client.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
        assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/event-stream");
        try (var reader = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
            List<String> ids = new ArrayList<>();
            String line;
            boolean sentLive = false;
            while (ids.size() < 2 && (line = reader.readLine()) != null) {
                if (line.startsWith("id: ")) {
                    ids.add(line.substring(4));
                    if (!sentLive) {
                        sentLive = true;
                        cli.emit(new RunEvent.AssistantDelta("m", 0, "text", "live", null));
                    }
                }
            }
            assertThat(ids).as("the gap after seq 1, then the live event").containsExactly("2", "3");
        }
    }

    @Test
    void theWebSocketSubscribesSendsAndReceivesEventsWithoutGaps() throws Exception {
        JsonNode started = json(startRun(admin, null, "c1"));
        String sessionId = started.get("sessionId").asText();
        FakeProcess cli = http.runner.last();
        cli.emit(new RunEvent.Status("requesting", Map.of()));
        BlockingQueue<JsonNode> frames = new LinkedBlockingQueue<>();
        WebSocket socket = openSocket(frames);
        socket.sendText("{\"type\":\"subscribe\",\"sessionId\":\"" + sessionId + "\",\"afterSeq\":0}", true)
                .get();
        JsonNode subscribed = next(frames, "subscribed");
        assertThat(subscribed.get("lastSeq").asLong()).isEqualTo(1);
        assertThat(subscribed.get("activeRunId").asText())
                .isEqualTo(started.get("runId").asText());
        assertThat(next(frames, "event").get("seq").asLong()).isEqualTo(1);
        cli.completeTurn("done");
        List<Long> seqs = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            seqs.add(next(frames, "event").get("seq").asLong());
        }
        assertThat(seqs).containsExactly(2L, 3L, 4L, 5L, 6L);

        socket.sendText(
                        "{\"type\":\"send\",\"projectId\":\"" + project.id() + "\",\"sessionId\":\"" + sessionId
                                + "\",\"prompt\":\"more\",\"clientMessageId\":\"w1\"}",
                        true)
                .get();
        JsonNode accepted = next(frames, "accepted");
        assertThat(accepted.get("clientMessageId").asText()).isEqualTo("w1");
        assertThat(accepted.get("sessionId").asText()).isEqualTo(sessionId);
        socket.sendText(
                        "{\"type\":\"send\",\"projectId\":\"" + project.id() + "\",\"sessionId\":\"" + sessionId
                                + "\",\"prompt\":\"again\",\"clientMessageId\":\"w2\"}",
                        true)
                .get();
        JsonNode refused = next(frames, "error");
        assertThat(refused.get("code").asText()).isEqualTo("RUN_ACTIVE");
        assertThat(refused.get("clientMessageId").asText()).isEqualTo("w2");
        socket.sendText(
                        "{\"type\":\"interrupt\",\"runId\":\""
                                + accepted.get("runId").asText() + "\"}",
                        true)
                .get();
        socket.sendText("{\"type\":\"ping\"}", true).get();
        next(frames, "pong");
        assertThat(cli.interrupts).isEqualTo(1);
        socket.abort();
    }

    private static JsonNode next(BlockingQueue<JsonNode> frames, String type) throws InterruptedException {
        while (true) {
            JsonNode frame = frames.poll(5, TimeUnit.SECONDS);
            assertThat(frame).as("a " + type + " frame").isNotNull();
            if (frame.get("type").asText().equals(type)) {
                return frame;
            }
            if (!frame.get("type").asText().equals("status")
                    && !frame.get("type").asText().equals("projects_changed")) {
                throw new AssertionError("expected " + type + " but got " + frame);
            }
        }
    }
}
