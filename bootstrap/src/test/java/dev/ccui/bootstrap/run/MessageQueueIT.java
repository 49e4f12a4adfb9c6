package dev.ccui.bootstrap.run;

import static dev.ccui.bootstrap.testing.ApiClient.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ccui.bootstrap.run.RunsHttpIT.Ws;
import dev.ccui.bootstrap.testing.ApiClient;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Messages sent while a turn runs wait in the session's queue and reach the model in order once
 * it ends, with the real CLI and the fake Messages API: what counts is the model's next requests.
 * A turn is kept running by {@code SLOW} (a reply of many words, one every 100 ms).
 */
@Timeout(180)
class MessageQueueIT extends LiveRunTest {
    @Test
    void twoMessagesQueuedDuringATurnReachTheModelInOrderAfterIt() throws Exception {
        try (Ws ws = new Ws(live.admin())) {
            JsonNode started = live.startRun(live.admin(), null, "SLOW start", null);
            String sessionId = started.get("sessionId").asText();
            ws.subscribe(sessionId, 0);
            ws.awaitKind("assistant_delta");

            JsonNode first = queue(live.admin(), sessionId, "FIRST queued");
            JsonNode second = queue(live.admin(), sessionId, "SECOND queued");
            assertThat(first.has("runId"))
                    .as("a busy session queues, it does not refuse")
                    .isFalse();
            assertThat(first.at("/queued/prompt").asText()).isEqualTo("FIRST queued");
            assertThat(first.at("/queued/author").asText()).isEqualTo("admin");
            assertThat(json(live.admin().get("/api/sessions/" + sessionId + "/queue"))
                            .get("items")
                            .findValuesAsText("prompt"))
                    .containsExactly("FIRST queued", "SECOND queued");
            // Every watcher hears of it on the session's stream: the whole queue after each change.
            JsonNode changed = ws.awaitKind("queue_changed").get("event");
            assertThat(changed.get("change").asText()).isEqualTo("queued");
            assertThat(changed.at("/message/prompt").asText()).isEqualTo("FIRST queued");
            JsonNode again = ws.awaitKind("queue_changed").get("event");
            assertThat(again.get("items").findValuesAsText("prompt")).containsExactly("FIRST queued", "SECOND queued");
            // Sending the same client message id again answers the same place in the queue.
            assertThat(json(live.admin()
                                    .post(
                                            "/api/runs",
                                            queueBody(
                                                    sessionId,
                                                    "FIRST queued",
                                                    first.at("/queued/clientMessageId")
                                                            .asText())))
                            .at("/queued/id")
                            .asText())
                    .isEqualTo(first.at("/queued/id").asText());

            ws.untilRunEnded();
            JsonNode sent = ws.await(
                            f -> "queue_changed".equals(f.at("/event/kind").asText())
                                    && "sent".equals(f.at("/event/change").asText()),
                            60_000)
                    .get("event");
            assertThat(sent.at("/message/prompt").asText()).isEqualTo("FIRST queued");
            assertThat(sent.get("items").findValuesAsText("prompt")).containsExactly("SECOND queued");
            await(() -> prompts().contains("SECOND queued") && activeRuns() == 0);
            assertThat(json(live.admin().get("/api/audit?limit=50&action=run.queue_changed"))
                            .toString())
                    .contains("queued in " + sessionId);
        }
        List<String> prompts = prompts();
        assertThat(prompts).containsSubsequence("SLOW start", "FIRST queued", "SECOND queued");
        assertThat(prompts.indexOf("SECOND queued")).isEqualTo(prompts.size() - 1);
        // One conversation: the last request carries the earlier prompts before the latest one.
        assertThat(api.messageRequests().getLast().get("messages").toString()).contains("SLOW start", "FIRST queued");
    }

    @Test
    void waitingMessagesAreEditedRemovedAndOneSentNowOverTheSocketAndRest() throws Exception {
        ApiClient bob = live.admin().createMember("bob");
        share(bob);
        try (Ws ws = new Ws(live.admin());
                Ws watcher = new Ws(bob)) {
            JsonNode started = live.startRun(live.admin(), null, "SLOW start", null);
            String sessionId = started.get("sessionId").asText();
            ws.subscribe(sessionId, 0);
            watcher.subscribe(sessionId, 0);
            ws.awaitKind("assistant_delta");

            ws.send(sendFrame(sessionId, "ALPHA waits", "c-alpha"));
            String alpha = ws.awaitType("queued").at("/queued/id").asText();
            ws.send(sendFrame(sessionId, "BRAVO waits", "c-bravo"));
            String bravo = ws.awaitType("queued").at("/queued/id").asText();
            JsonNode charlie = queue(bob, sessionId, "CHARLIE waits");

            ws.send("{\"type\":\"queue_edit\",\"sessionId\":\"" + sessionId + "\",\"messageId\":\"" + bravo
                    + "\",\"prompt\":\"BRAVO edited\",\"clientMessageId\":\"e1\"}");
            assertThat(ws.awaitType("queue_edited").at("/message/prompt").asText())
                    .isEqualTo("BRAVO edited");
            // Whoever may steer the session may change what waits: bob removes the admin's message.
            assertThat(bob.send("DELETE", "/api/sessions/" + sessionId + "/queue/" + alpha, null)
                            .statusCode())
                    .isEqualTo(204);
            assertThat(bob.send("DELETE", "/api/sessions/" + sessionId + "/queue/" + alpha, null)
                            .statusCode())
                    .as("removed once")
                    .isEqualTo(404);
            JsonNode removed = watcher.await(
                            f -> "removed".equals(f.at("/event/change").asText()), 60_000)
                    .get("event");
            assertThat(removed.get("items").findValuesAsText("prompt"))
                    .containsExactly("BRAVO edited", "CHARLIE waits");
            var badEdit = live.admin()
                    .send("PATCH", "/api/sessions/" + sessionId + "/queue/" + bravo, "{\"effort\":\"turbo\"}");
            assertThat(badEdit.statusCode()).isEqualTo(400);
            assertThat(json(badEdit).at("/error/field").asText()).isEqualTo("effort");

            // Send now: CHARLIE goes first, the running turn is interrupted for it.
            var now = live.admin()
                    .post(
                            "/api/sessions/" + sessionId + "/queue/"
                                    + charlie.at("/queued/id").asText() + "/send-now",
                            null);
            assertThat(now.statusCode()).as(now.body()).isEqualTo(202);
            assertThat(json(now).get("interrupting").asBoolean()).isTrue();
            JsonNode ended =
                    ws.await(f -> "run_ended".equals(f.at("/event/kind").asText()), 60_000);
            assertThat(ended.at("/event/reason").asText()).isEqualTo("interrupted");
            await(() -> prompts().contains("BRAVO edited") && activeRuns() == 0);
            assertThat(json(live.admin().get("/api/sessions/" + sessionId + "/queue"))
                            .get("items"))
                    .isEmpty();
        }
        List<String> prompts = prompts();
        assertThat(prompts).containsSubsequence("SLOW start", "CHARLIE waits", "BRAVO edited");
        assertThat(prompts).doesNotContain("ALPHA waits", "BRAVO waits");
    }

    @Test
    void someoneWithoutTheProjectCannotQueueSeeEditRemoveNorSendNow() throws Exception {
        ApiClient sam = live.admin().createMember("sam");
        try (Ws ws = new Ws(live.admin());
                Ws samWs = new Ws(sam)) {
            JsonNode started = live.startRun(live.admin(), null, "SLOW start", null);
            String sessionId = started.get("sessionId").asText();
            ws.subscribe(sessionId, 0);
            ws.awaitKind("assistant_delta");
            String id = queue(live.admin(), sessionId, "MINE waits")
                    .at("/queued/id")
                    .asText();
            String path = "/api/sessions/" + sessionId + "/queue";

            assertThat(sam.post("/api/runs", queueBody(sessionId, "EVIL queued", "sam-1"))
                            .statusCode())
                    .isIn(403, 404);
            assertThat(sam.get(path).statusCode()).isEqualTo(403);
            assertThat(sam.send("PATCH", path + "/" + id, "{\"prompt\":\"EVIL edit\"}")
                            .statusCode())
                    .isEqualTo(403);
            assertThat(sam.send("DELETE", path + "/" + id, null).statusCode()).isEqualTo(403);
            assertThat(sam.post(path + "/" + id + "/send-now", null).statusCode())
                    .isEqualTo(403);
            for (String frame : List.of(
                    "{\"type\":\"queue_edit\",\"sessionId\":\"" + sessionId + "\",\"messageId\":\"" + id
                            + "\",\"prompt\":\"EVIL\"}",
                    "{\"type\":\"queue_remove\",\"sessionId\":\"" + sessionId + "\",\"messageId\":\"" + id + "\"}",
                    "{\"type\":\"queue_send_now\",\"sessionId\":\"" + sessionId + "\",\"messageId\":\"" + id + "\"}",
                    sendFrame(sessionId, "EVIL queued", "sam-2"))) {
                samWs.send(frame);
                assertThat(samWs.awaitType("error").get("code").asText()).isIn("FORBIDDEN", "NOT_FOUND");
            }
            // A message id of another session is no message of this one.
            String other = live.startRun(live.admin(), null, "hello", null)
                    .get("sessionId")
                    .asText();
            assertThat(live.admin()
                            .send("DELETE", "/api/sessions/" + other + "/queue/" + id, null)
                            .statusCode())
                    .isEqualTo(404);

            JsonNode items = json(live.admin().get(path)).get("items");
            assertThat(items.findValuesAsText("prompt")).containsExactly("MINE waits");
            ws.untilRunEnded();
            await(() -> prompts().contains("MINE waits") && activeRuns() == 0);
        }
        assertThat(prompts()).doesNotContain("EVIL queued", "EVIL edit", "EVIL");
    }

    private void share(ApiClient member) {
        var shared = live.admin()
                .post("/api/projects/" + live.projectId() + "/members", "{\"userId\":\"" + member.userId() + "\"}");
        assertThat(shared.statusCode()).as(shared.body()).isIn(200, 201, 204);
    }

    private String queueBody(String sessionId, String prompt, String clientMessageId) {
        ObjectNode body = JsonNodeFactory.instance
                .objectNode()
                .put("projectId", live.projectId())
                .put("sessionId", sessionId)
                .put("prompt", prompt)
                .put("clientMessageId", clientMessageId)
                .put("queue", true);
        return body.toString();
    }

    private String sendFrame(String sessionId, String prompt, String clientMessageId) {
        ObjectNode frame = (ObjectNode) json(queueBody(sessionId, prompt, clientMessageId));
        return frame.put("type", "send").toString();
    }

    private JsonNode queue(ApiClient client, String sessionId, String prompt) {
        HttpResponse<String> response = client.post(
                "/api/runs", queueBody(sessionId, prompt, UUID.randomUUID().toString()));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
        return json(response);
    }

    private int activeRuns() {
        return json(live.admin().get("/api/runs?active=true")).get("items").size();
    }

    /** The latest thing the person typed in each request the model got, in order. */
    private List<String> prompts() {
        List<String> prompts = new ArrayList<>();
        for (JsonNode request : api.messageRequests()) {
            String latest = null;
            for (JsonNode message : request.path("messages")) {
                if (!"user".equals(message.path("role").asText())) {
                    continue;
                }
                JsonNode content = message.path("content");
                if (content.isTextual()) {
                    latest = content.asText();
                }
                for (JsonNode block : content) {
                    String text = block.path("text").asText("");
                    if ("text".equals(block.path("type").asText()) && !text.startsWith("<system-reminder>")) {
                        latest = text;
                    }
                }
            }
            if (latest != null) {
                prompts.add(latest);
            }
        }
        return prompts;
    }

    private static void await(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 90_000;
        while (!condition.getAsBoolean()) {
            if (System.currentTimeMillis() > deadline) {
                throw new AssertionError("not within 90 s");
            }
            Thread.sleep(100);
        }
    }
}
