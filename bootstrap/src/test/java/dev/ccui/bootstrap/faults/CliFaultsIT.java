package dev.ccui.bootstrap.faults;

import static dev.ccui.bootstrap.testing.ApiClient.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ccui.adapters.process.claude.FakeMessagesApi;
import dev.ccui.adapters.process.claude.TestCli;
import dev.ccui.bootstrap.testing.ApiClient;
import dev.ccui.bootstrap.testing.TestApplication;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real claude CLI failing under a run: killed with SIGKILL in the middle of a streamed
 * answer, and hanging without a word (a wrapper around the real CLI that stops printing). Each
 * ends the run {@code failed} with an error event saying why, leaves no process behind, and the
 * session goes on with the next message.
 */
@Timeout(150)
class CliFaultsIT {
    @TempDir
    Path root;

    private FakeMessagesApi api;
    private TestApplication app;
    private ApiClient admin;
    private String projectId;
    private Path hangFlag;

    @BeforeEach
    void setUp() throws Exception {
        Path base = root.toRealPath();
        Path cwd = Files.createDirectories(base.resolve("work").resolve("app"));
        hangFlag = base.resolve("hang");
        // The real CLI, its output passed on line by line; once the flag file exists the next line
        // is held back for good, as a CLI stuck on a dead connection goes quiet mid-turn.
        Path wrapper = base.resolve("bin").resolve("claude");
        Files.createDirectories(wrapper.getParent());
        Files.writeString(
                wrapper,
                "#!/bin/sh\n'" + TestCli.path() + "' \"$@\" | while IFS= read -r line; do\n"
                        + "  if [ -e '" + hangFlag + "' ]; then sleep 600; fi\n"
                        + "  printf '%s\\n' \"$line\"\n"
                        + "done\n");
        Files.setPosixFilePermissions(wrapper, PosixFilePermissions.fromString("rwxr-xr-x"));
        api = new FakeMessagesApi();
        Map<String, String> env =
                new HashMap<>(TestApplication.cliEnvironment(base, wrapper.toString(), api.baseUrl()));
        // Long enough for a sound CLI to start and answer on a loaded machine (CI saw a first turn's
        // CLI stay silent for over 3 s at a load of 11), short enough to keep the hang test quick.
        env.put("CCUI_RUN_SILENCE_TIMEOUT", "12s");
        // The wrapper calls the real CLI by its own path, which a bubblewrap sandbox built for the
        // wrapper's folder does not mount: the fault here is the process's, not the sandbox's.
        env.put("CCUI_SANDBOX", "none");
        app = TestApplication.sqlite(base, env);
        String url = app.startHttp();
        admin = ApiClient.setUpAdmin(url);
        projectId = json(admin.post("/api/projects", "{\"path\":\"" + cwd + "\"}"))
                .get("id")
                .asText();
    }

    @AfterEach
    void tearDown() {
        if (app != null) {
            app.close();
        }
        api.close();
    }

    @Test
    void aCliKilledWithSigkillMidTurnFailsTheRunAndTheSessionGoesOn() throws Exception {
        String sessionId = completedFirstTurn();
        JsonNode slow = startRun(sessionId, "SLOW please");
        String runId = slow.get("runId").asText();
        Poll.until(
                "a streamed word of the slow answer",
                Duration.ofSeconds(60),
                () -> kinds(sessionId, 0).stream()
                                        .filter("assistant_delta"::equals)
                                        .count()
                                > 3
                        ? true
                        : null);
        List<ProcessHandle> cli = cliProcesses(sessionId);
        List<ProcessHandle> node = cli.stream()
                .filter(p -> p.info().command().orElse("").contains("node"))
                .toList();
        assertThat(node)
                .as("the CLI (node) of session " + sessionId + " among " + cli)
                .isNotEmpty();
        List<ProcessHandle> tree = treeOf(cli);

        node.forEach(ProcessHandle::destroyForcibly);

        assertThat(awaitEnd(runId)).isEqualTo("failed");
        JsonNode error = lastOfKind(sessionId, "error");
        assertThat(error.path("code").asText()).isEqualTo("cli_exited");
        assertThat(error.path("message").asText()).contains("exited unexpectedly");
        assertThat(lastOfKind(sessionId, "run_ended").path("reason").asText()).isEqualTo("failed");
        assertNothingLeft(tree);

        assertThat(awaitEnd(startRun(sessionId, "after the kill").get("runId").asText()))
                .isEqualTo("completed");
        assertSeqsWithoutGaps(sessionId);
    }

    @Test
    void aCliHangingWithoutOutputIsKilledAfterTheSilenceTimeoutAndTheSessionGoesOn() throws Exception {
        String sessionId = completedFirstTurn();
        Files.writeString(hangFlag, "");
        JsonNode hung = startRun(sessionId, "are you there?");
        String runId = hung.get("runId").asText();
        List<ProcessHandle> cli = Poll.until("the hanging CLI process", Duration.ofSeconds(10), () -> {
            List<ProcessHandle> found = cliProcesses(sessionId);
            return found.isEmpty() ? null : found;
        });
        List<ProcessHandle> tree = treeOf(cli);
        long asked = System.nanoTime();

        assertThat(awaitEnd(runId)).isEqualTo("failed");
        assertThat(Duration.ofNanos(System.nanoTime() - asked))
                .as("silence timeout 12s, then the kill")
                .isLessThan(Duration.ofSeconds(40));
        JsonNode error = lastOfKind(sessionId, "error");
        assertThat(error.path("code").asText()).isEqualTo("cli_silent");
        assertThat(error.path("message").asText()).contains("printed nothing");
        assertNothingLeft(tree);

        Files.delete(hangFlag);
        assertThat(awaitEnd(startRun(sessionId, "back again").get("runId").asText()))
                .isEqualTo("completed");
        assertSeqsWithoutGaps(sessionId);
        assertThat(api.messageRequests())
                .as("the resumed CLI carries the first turn")
                .anySatisfy(
                        r -> assertThat(r.toString()).contains("first words").contains("back again"));
    }

    private String completedFirstTurn() {
        JsonNode first = startRun(null, "first words");
        assertThat(awaitEnd(first.get("runId").asText())).isEqualTo("completed");
        return first.get("sessionId").asText();
    }

    private JsonNode startRun(String sessionId, String prompt) {
        var body = ApiClient.JSON
                .createObjectNode()
                .put("projectId", projectId)
                .put("prompt", prompt)
                .put("clientMessageId", UUID.randomUUID().toString());
        if (sessionId != null) {
            body.put("sessionId", sessionId);
        }
        var response = admin.post("/api/runs", body.toString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
        return json(response);
    }

    /** The run's final state, once it has one. */
    private String awaitEnd(String runId) {
        return Poll.until("run " + runId + " to end", Duration.ofSeconds(60), () -> {
            String state = json(admin.get("/api/runs/" + runId)).path("state").asText();
            return List.of("completed", "failed", "interrupted", "lost").contains(state) ? state : null;
        });
    }

    private List<JsonNode> events(String sessionId, long afterSeq) {
        return json(admin.get("/api/sessions/" + sessionId + "/events?afterSeq=" + afterSeq + "&limit=1000"))
                .path("items")
                .valueStream()
                .toList();
    }

    private List<String> kinds(String sessionId, long afterSeq) {
        return events(sessionId, afterSeq).stream()
                .map(e -> e.path("event").path("kind").asText())
                .toList();
    }

    private JsonNode lastOfKind(String sessionId, String kind) {
        return events(sessionId, 0).stream()
                .map(e -> e.path("event"))
                .filter(e -> kind.equals(e.path("kind").asText()))
                .reduce((a, b) -> b)
                .orElseThrow(() -> new AssertionError("no " + kind + " event in " + kinds(sessionId, 0)));
    }

    private void assertSeqsWithoutGaps(String sessionId) {
        List<Long> seqs =
                events(sessionId, 0).stream().map(e -> e.path("seq").asLong()).toList();
        for (int i = 1; i < seqs.size(); i++) {
            assertThat(seqs.get(i)).as("seq after " + seqs.get(i - 1)).isEqualTo(seqs.get(i - 1) + 1);
        }
    }

    /** This JVM's processes run for the session (its id is on their command line), wrappers and sandboxes aside. */
    private static List<ProcessHandle> cliProcesses(String sessionId) {
        return ProcessHandle.current()
                .descendants()
                .filter(p -> p.info().commandLine().orElse("").contains(sessionId))
                .filter(p -> !p.info().command().orElse("").endsWith("bwrap"))
                .toList();
    }

    private static List<ProcessHandle> treeOf(List<ProcessHandle> roots) {
        List<ProcessHandle> tree = new ArrayList<>(roots);
        roots.forEach(p -> tree.addAll(p.descendants().toList()));
        return tree;
    }

    private static void assertNothingLeft(List<ProcessHandle> tree) {
        assertThat(Poll.within(Duration.ofSeconds(10), () -> tree.stream().noneMatch(ProcessHandle::isAlive)))
                .as("processes left: "
                        + tree.stream()
                                .filter(ProcessHandle::isAlive)
                                .map(p -> p.pid() + " " + p.info().commandLine().orElse("?"))
                                .toList())
                .isTrue();
    }
}
