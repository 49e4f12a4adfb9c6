package dev.ccui.bootstrap.run;

import static dev.ccui.adapters.process.claude.FakeMessagesApi.DATABASE_QUESTION;
import static dev.ccui.adapters.process.claude.FakeMessagesApi.EXTRAS_QUESTION;
import static dev.ccui.bootstrap.testing.ApiClient.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ccui.adapters.process.claude.FakeMessagesApi;
import dev.ccui.bootstrap.run.RunsHttpIT.Ws;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Claude asking a question ({@code AskUserQuestion}) and presenting a plan ({@code ExitPlanMode})
 * through the public API, with the real CLI and a fake model that asks and plans as a real one.
 * What counts is what the model hears back: its next request.
 */
@Timeout(120)
class QuestionsAndPlansIT extends LiveRunTest {
    /** The tool result the model got in its latest request. */
    private JsonNode lastToolResult() {
        JsonNode messages = api.messageRequests().getLast().path("messages");
        for (int i = messages.size() - 1; i >= 0; i--) {
            for (JsonNode block : messages.get(i).path("content")) {
                if ("tool_result".equals(block.path("type").asText())) {
                    return block;
                }
            }
        }
        throw new AssertionError("the model's last request carries no tool result");
    }

    private String decide(JsonNode started, JsonNode request, String body) {
        var response = live.admin()
                .post(
                        "/api/runs/" + started.get("runId").asText() + "/permissions/"
                                + request.get("requestId").asText(),
                        body);
        return response.statusCode() + " " + response.body();
    }

    @Test
    void aQuestionAnsweredOverTheSocketReachesTheModelAndASecondAnswerLoses() throws Exception {
        try (Ws ws = new Ws(live.admin())) {
            JsonNode started = live.startRun(live.admin(), null, "ASK", null);
            ws.subscribe(started.get("sessionId").asText(), 0);
            JsonNode request = ws.awaitKind("permission_request").get("event");
            assertThat(request.get("toolName").asText()).isEqualTo("AskUserQuestion");
            JsonNode questions = request.get("questions");
            assertThat(questions).hasSize(2);
            assertThat(questions.get(0).get("question").asText()).isEqualTo(DATABASE_QUESTION);
            assertThat(questions.get(0).get("options").findValuesAsText("label"))
                    .containsExactly("PostgreSQL", "SQLite");
            assertThat(questions.get(0).get("multiSelect").asBoolean()).isFalse();
            assertThat(questions.get(1).get("multiSelect").asBoolean()).isTrue();

            ws.send("{\"type\":\"permission\",\"runId\":\""
                    + started.get("runId").asText() + "\",\"requestId\":\""
                    + request.get("requestId").asText() + "\",\"decision\":\"allow\",\"answers\":{\""
                    + DATABASE_QUESTION + "\":\"SQLite\",\"" + EXTRAS_QUESTION + "\":\"Metrics, nightly backups\"}}");
            JsonNode resolved = ws.awaitKind("permission_resolved").get("event");
            assertThat(resolved.get("decision").asText()).isEqualTo("allow");
            assertThat(decide(
                            started,
                            request,
                            "{\"decision\":\"allow\",\"answers\":{\"" + DATABASE_QUESTION + "\":\"PostgreSQL\"}}"))
                    .startsWith("409");
            ws.untilRunEnded();
        }
        // An answer in the person's own words (not only option labels) makes the CLI word it this way.
        assertThat(lastToolResult().get("content").asText())
                .startsWith("The user answered: \"" + DATABASE_QUESTION + "\"=\"SQLite\", \"" + EXTRAS_QUESTION
                        + "\"=\"Metrics, nightly backups\". Read the answers carefully");
        assertThat(json(live.admin().get("/api/audit?limit=50")).toString())
                .contains("allow AskUserQuestion (answered 2)");
    }

    @Test
    void aPlanApprovedWithAcceptedEditsIsCarriedOutWithoutAskingForEdits() throws Exception {
        try (Ws ws = new Ws(live.admin())) {
            JsonNode started = live.startRun(live.admin(), null, "PLAN please", "plan");
            String sessionId = started.get("sessionId").asText();
            ws.subscribe(sessionId, 0);
            JsonNode request = ws.awaitKind("permission_request").get("event");
            assertThat(request.get("toolName").asText()).isEqualTo("ExitPlanMode");
            assertThat(request.get("plan").asText()).isEqualTo(FakeMessagesApi.PLAN);
            assertThat(decide(started, request, "{\"decision\":\"allow\",\"permissionMode\":\"bypassPermissions\"}"))
                    .as("a plan is not a way into bypassPermissions")
                    .startsWith("400");
            assertThat(decide(started, request, "{\"decision\":\"allow\",\"permissionMode\":\"acceptEdits\"}"))
                    .startsWith("204");
            ws.untilRunEnded();
            assertThat(lastToolResult().get("content").asText())
                    .startsWith("User has approved your plan.")
                    .contains("## Approved Plan:\n" + FakeMessagesApi.PLAN);

            // acceptEdits lets a file edit in the project run unasked: the next turn writes without a prompt.
            Path written = live.cwd().resolve("hello.txt");
            live.startRun(live.admin(), sessionId, "WRITE " + written, null);
            ws.untilRunEnded(ws.awaitKind("run_started").get("seq").asLong());
            assertThat(written).exists();
        }
        assertThat(json(live.admin().get("/api/audit?limit=50")).toString())
                .contains("allow ExitPlanMode (then acceptEdits)");
    }

    @Test
    void aPlanSentBackWithACommentGivesTheModelTheComment() throws Exception {
        try (Ws ws = new Ws(live.admin())) {
            JsonNode started = live.startRun(live.admin(), null, "PLAN please", "plan");
            ws.subscribe(started.get("sessionId").asText(), 0);
            JsonNode request = ws.awaitKind("permission_request").get("event");
            assertThat(decide(started, request, "{\"decision\":\"deny\",\"message\":\"Also add a README first\"}"))
                    .startsWith("204");
            JsonNode resolved = ws.awaitKind("permission_resolved").get("event");
            assertThat(resolved.get("decision").asText()).isEqualTo("deny");
            assertThat(resolved.get("message").asText()).isEqualTo("Also add a README first");
            ws.untilRunEnded();
        }
        JsonNode result = lastToolResult();
        assertThat(result.get("content").asText()).isEqualTo("Also add a README first");
        assertThat(result.get("is_error").asBoolean()).isTrue();
    }
}
