package dev.ccui.bootstrap.run;

import static dev.ccui.bootstrap.testing.ApiClient.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ccui.bootstrap.run.RunsHttpIT.Ws;
import dev.ccui.bootstrap.testing.ApiClient;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Issue 15: a project's saved rules with the real CLI and the fake Messages API, in the default
 * permission mode (where {@code touch} is asked about): an allow rule runs the command without a
 * prompt, a deny rule refuses it without one, and removing the allow rule makes the session's next
 * turn ask again (its CLI is restarted with the rules as saved now).
 */
@Timeout(180)
class PermissionRulesIT extends LiveRunTest {
    private JsonNode save(ApiClient who, String behavior, String rule) {
        HttpResponse<String> saved = who.post(
                "/api/projects/" + live.projectId() + "/permission-rules",
                "{\"behavior\":\"" + behavior + "\",\"rule\":\"" + rule + "\"}");
        assertThat(saved.statusCode()).as(saved.body()).isEqualTo(201);
        return json(saved);
    }

    private static List<String> kinds(List<JsonNode> events) {
        return events.stream().map(e -> e.path("event").path("kind").asText()).toList();
    }

    /** The first event of that kind in a run's events. */
    private static JsonNode firstEvent(List<JsonNode> events, String kind) {
        return events.stream()
                .map(e -> e.path("event"))
                .filter(e -> kind.equals(e.path("kind").asText()))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no " + kind + " in " + events));
    }

    /** A deny rule at work: nobody was asked, the CLI refused the call itself and the tool failed. */
    private static void assertRefusedByTheCliWithoutAPrompt(List<JsonNode> events) {
        assertThat(kinds(events)).doesNotContain("permission_request");
        JsonNode refused = firstEvent(events, "permission_resolved");
        assertThat(refused.path("decision").asText()).isEqualTo("deny");
        assertThat(refused.path("decidedBy").asText()).isEqualTo("cli");
        assertThat(firstEvent(events, "tool_result").path("isError").asBoolean())
                .isTrue();
    }

    @Test
    void aSavedAllowRuleRunsTheCommandWithoutAPromptAndADenyRuleRefusesIt() throws Exception {
        JsonNode allow = save(live.admin(), "allow", "Bash(touch:*)");
        save(live.admin(), "deny", "Bash(rm:*)");
        Path made = live.cwd().resolve("made.txt");

        String sessionId;
        List<JsonNode> first;
        try (Ws ws = new Ws(live.admin())) {
            sessionId = live.startRun(live.admin(), null, "BASH touch made.txt", null)
                    .get("sessionId")
                    .asText();
            ws.subscribe(sessionId, 0);
            first = ws.untilRunEnded();
        }
        assertThat(kinds(first)).as("no prompt: the rule allowed it").doesNotContain("permission_request");
        assertThat(firstEvent(first, "tool_result").path("isError").asBoolean()).isFalse();
        assertThat(made).exists();

        List<JsonNode> second;
        try (Ws ws = new Ws(live.admin())) {
            ws.subscribe(sessionId, 0);
            long seq = ws.untilRunEnded().getLast().get("seq").asLong();
            live.startRun(live.admin(), sessionId, "BASH rm -f made.txt", null);
            second = ws.untilRunEnded(seq);
        }
        assertRefusedByTheCliWithoutAPrompt(second);
        assertThat(made).as("the deny rule kept the file").exists();

        // Without the allow rule the same session's next touch is asked about again.
        HttpResponse<String> removed = live.admin()
                .send(
                        "DELETE",
                        "/api/projects/" + live.projectId() + "/permission-rules/"
                                + allow.get("id").asText(),
                        null);
        assertThat(removed.statusCode()).isEqualTo(204);
        try (Ws ws = new Ws(live.admin())) {
            ws.subscribe(sessionId, 0);
            long seq = ws.untilRunEnded().getLast().get("seq").asLong();
            JsonNode run = live.startRun(live.admin(), sessionId, "BASH touch again.txt", null);
            JsonNode asked = ws.awaitKind("permission_request");
            assertThat(asked.path("event").path("toolName").asText()).isEqualTo("Bash");
            HttpResponse<String> denied = live.admin()
                    .post(
                            "/api/runs/" + run.get("runId").asText() + "/permissions/"
                                    + asked.path("event").path("requestId").asText(),
                            "{\"decision\":\"deny\",\"message\":\"not now\"}");
            assertThat(denied.statusCode()).isEqualTo(204);
            ws.untilRunEnded(seq);
        }
        assertThat(Files.exists(live.cwd().resolve("again.txt"))).isFalse();
        assertThat(json(live.admin().get("/api/audit?action=permission.rule_removed"))
                        .toString())
                .contains("allow Bash(touch:*) (project)");
    }

    @Test
    void membersReadTheProjectsRulesKeepTheirOwnAndCannotChangeTheProjects() throws Exception {
        ApiClient mia = live.admin().createMember("mia");
        ApiClient sam = live.admin().createMember("sam");
        HttpResponse<String> shared =
                live.admin().post("/api/projects/" + live.projectId() + "/members", "{\"username\":\"mia\"}");
        assertThat(shared.statusCode()).as(shared.body()).isIn(200, 201, 204);
        save(live.admin(), "deny", "WebFetch");
        String rules = "/api/projects/" + live.projectId() + "/permission-rules";

        JsonNode seen = json(mia.get(rules));
        assertThat(seen.get("canEditProject").asBoolean()).isFalse();
        assertThat(seen.at("/items/0/rule").asText()).isEqualTo("WebFetch");
        HttpResponse<String> widened = mia.post(rules, "{\"behavior\":\"allow\",\"rule\":\"Bash\"}");
        assertThat(widened.statusCode()).isEqualTo(403);
        HttpResponse<String> own =
                mia.post(rules, "{\"behavior\":\"allow\",\"rule\":\"Bash(npm test:*)\",\"scope\":\"personal\"}");
        assertThat(own.statusCode()).as(own.body()).isEqualTo(201);
        assertThat(json(own).get("scope").asText()).isEqualTo("personal");
        assertThat(json(live.admin().get(rules)).get("items"))
                .as("a member's own rule is theirs")
                .hasSize(1);
        HttpResponse<String> removeProjects =
                mia.send("DELETE", rules + "/" + seen.at("/items/0/id").asText(), null);
        assertThat(removeProjects.statusCode()).isEqualTo(403);
        HttpResponse<String> flag =
                live.admin().post(rules, "{\"behavior\":\"allow\",\"rule\":\"--dangerously-skip-permissions\"}");
        assertThat(flag.statusCode()).isEqualTo(400);
        assertThat(json(flag).at("/error/field").asText()).isEqualTo("rule");
        assertThat(sam.get(rules).statusCode()).as("not shared with sam").isEqualTo(403);
    }

    @Test
    void anAccountWideDenyRuleRefusesItsPersonsCallsInAnyProjectAndNobodyElses() throws Exception {
        ApiClient mia = live.admin().createMember("mia");
        HttpResponse<String> shared =
                live.admin().post("/api/projects/" + live.projectId() + "/members", "{\"username\":\"mia\"}");
        assertThat(shared.statusCode()).as(shared.body()).isIn(200, 201, 204);
        // The rule names no project: it is the admin's, for every run they start.
        HttpResponse<String> saved =
                live.admin().post("/api/me/permission-rules", "{\"behavior\":\"deny\",\"rule\":\"Bash(touch:*)\"}");
        assertThat(saved.statusCode()).as(saved.body()).isEqualTo(201);
        JsonNode rule = json(saved);
        assertThat(rule.get("scope").asText()).isEqualTo("account");
        assertThat(json(live.admin().get("/api/projects/" + live.projectId() + "/permission-rules"))
                        .get("items"))
                .as("not one of the project's rules")
                .isEmpty();

        List<JsonNode> admins;
        try (Ws ws = new Ws(live.admin())) {
            String sessionId = live.startRun(live.admin(), null, "BASH touch admins.txt", null)
                    .get("sessionId")
                    .asText();
            ws.subscribe(sessionId, 0);
            admins = ws.untilRunEnded();
        }
        assertRefusedByTheCliWithoutAPrompt(admins);
        assertThat(live.cwd().resolve("admins.txt")).doesNotExist();

        // Mia neither sees nor removes the admin's rule, by either route, and her runs ask as before.
        assertThat(json(mia.get("/api/me/permission-rules")).get("items")).isEmpty();
        HttpResponse<String> removed =
                mia.send("DELETE", "/api/me/permission-rules/" + rule.get("id").asText(), null);
        assertThat(removed.statusCode()).isEqualTo(404);
        assertThat(json(removed).at("/error/code").asText()).isEqualTo("RULE_NOT_FOUND");
        HttpResponse<String> viaProject = mia.send(
                "DELETE",
                "/api/projects/" + live.projectId() + "/permission-rules/"
                        + rule.get("id").asText(),
                null);
        assertThat(viaProject.statusCode()).isEqualTo(404);
        assertThat(json(live.admin().get("/api/me/permission-rules")).get("items"))
                .hasSize(1);
        try (Ws ws = new Ws(mia)) {
            JsonNode run = live.startRun(mia, null, "BASH touch mias.txt", null);
            ws.subscribe(run.get("sessionId").asText(), 0);
            JsonNode asked = ws.awaitKind("permission_request");
            HttpResponse<String> allowed = mia.post(
                    "/api/runs/" + run.get("runId").asText() + "/permissions/"
                            + asked.path("event").path("requestId").asText(),
                    "{\"decision\":\"allow\"}");
            assertThat(allowed.statusCode()).isEqualTo(204);
            ws.untilRunEnded();
        }
        assertThat(live.cwd().resolve("mias.txt"))
                .as("mia's call ran once she allowed it")
                .exists();
        assertThat(json(live.admin().get("/api/audit?action=permission.rule_added"))
                        .toString())
                .contains("deny Bash(touch:*) (account)");
    }

    @Test
    void aPathRuleLetsTheCliWriteUnderItsFolderAndTheToolCallNamesIt() throws Exception {
        save(live.admin(), "allow", "Edit(src/**)");
        Files.createDirectories(live.cwd().resolve("src/deep"));
        Path inside = live.cwd().resolve("src/deep/made.txt");

        List<JsonNode> events;
        String sessionId;
        try (Ws ws = new Ws(live.admin())) {
            sessionId = live.startRun(live.admin(), null, "WRITE " + inside, null)
                    .get("sessionId")
                    .asText();
            ws.subscribe(sessionId, 0);
            events = ws.untilRunEnded();
        }
        assertThat(kinds(events)).as("the CLI took the rule: no prompt").doesNotContain("permission_request");
        assertThat(inside).exists();
        JsonNode write = firstEvent(events, "tool_use");
        assertThat(write.path("name").asText()).isEqualTo("Write");
        assertThat(write.path("savedRule").path("behavior").asText()).isEqualTo("allow");
        assertThat(write.path("savedRule").path("rule").asText()).isEqualTo("Edit(src/**)");

        // Outside the folder the CLI asks, and the call names no rule.
        Path outside = live.cwd().resolve("notes.txt");
        try (Ws ws = new Ws(live.admin())) {
            ws.subscribe(sessionId, 0);
            long seq = ws.untilRunEnded().getLast().get("seq").asLong();
            JsonNode run = live.startRun(live.admin(), sessionId, "WRITE " + outside, null);
            JsonNode asked = ws.awaitKind("permission_request");
            HttpResponse<String> denied = live.admin()
                    .post(
                            "/api/runs/" + run.get("runId").asText() + "/permissions/"
                                    + asked.path("event").path("requestId").asText(),
                            "{\"decision\":\"deny\"}");
            assertThat(denied.statusCode()).isEqualTo(204);
            ws.untilRunEnded(seq);
            List<JsonNode> second = new java.util.ArrayList<>();
            json(live.admin().get("/api/sessions/" + sessionId + "/events?afterSeq=" + seq))
                    .get("items")
                    .forEach(second::add);
            JsonNode call = firstEvent(second, "tool_use");
            assertThat(call.path("toolUseId").asText())
                    .isEqualTo(asked.path("event").path("toolUseId").asText());
            assertThat(call.path("savedRule").isNull()).isTrue();
        }
        assertThat(outside).doesNotExist();
    }
}
