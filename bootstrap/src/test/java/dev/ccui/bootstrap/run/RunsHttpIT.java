package dev.ccui.bootstrap.run;

import static dev.ccui.bootstrap.testing.ApiClient.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ccui.adapters.process.claude.FakeMessagesApi;
import dev.ccui.adapters.process.claude.TestCli;
import dev.ccui.bootstrap.testing.ApiClient;
import dev.ccui.bootstrap.testing.TestApplication;
import dev.ccui.bootstrap.testing.WsFrames;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Live runs through the public API (REST and {@code /ws}) with the real, pinned claude CLI
 * talking to a fake Messages API: the app as {@code Main} builds it, on SQLite.
 */
@Timeout(120)
class RunsHttpIT {
    @TempDir
    Path root;

    private FakeMessagesApi api;
    private LiveRunApp live;
    private TestApplication app;
    private ApiClient admin;
    private Path cwd;
    private String projectId;

    @BeforeEach
    void setUp() throws Exception {
        api = new FakeMessagesApi();
        start(TestCli.path().toString());
    }

    private void start(String cli) throws Exception {
        live = LiveRunApp.start(root, api, cli);
        app = live.app();
        admin = live.admin();
        cwd = live.cwd();
        projectId = live.projectId();
    }

    @AfterEach
    void tearDown() {
        if (app != null) {
            app.close();
        }
        api.close();
    }

    private JsonNode startRun(ApiClient client, String sessionId, String prompt) {
        return live.startRun(client, sessionId, prompt, null);
    }

    /** A {@code /ws} client keeping every frame as JSON. */
    static final class Ws implements AutoCloseable {
        final WsFrames raw;

        Ws(ApiClient client) throws Exception {
            raw = WsFrames.open(client);
        }

        void send(String text) {
            raw.send(text);
        }

        JsonNode await(Predicate<JsonNode> wanted, long timeoutMs) throws InterruptedException {
            long deadline = System.currentTimeMillis() + timeoutMs;
            while (true) {
                long left = deadline - System.currentTimeMillis();
                String text = left <= 0 ? null : raw.next(left);
                if (text == null) {
                    throw new AssertionError("no such frame within " + timeoutMs + " ms");
                }
                JsonNode frame = ApiClient.json(text);
                if (wanted.test(frame)) {
                    return frame;
                }
            }
        }

        JsonNode awaitType(String type) throws InterruptedException {
            return await(f -> type.equals(f.path("type").asText()), 60_000);
        }

        JsonNode awaitKind(String kind) throws InterruptedException {
            return await(
                    f -> "event".equals(f.path("type").asText())
                            && kind.equals(f.path("event").path("kind").asText()),
                    60_000);
        }

        /** Event frames until (and with) the next run_ended. */
        List<JsonNode> untilRunEnded() throws InterruptedException {
            return untilRunEnded(0);
        }

        /** Event frames after {@code afterSeq} until (and with) the next run_ended. */
        List<JsonNode> untilRunEnded(long afterSeq) throws InterruptedException {
            List<JsonNode> events = new ArrayList<>();
            while (true) {
                JsonNode frame = await(
                        f -> "event".equals(f.path("type").asText())
                                && f.path("seq").asLong() > afterSeq,
                        60_000);
                events.add(frame);
                if ("run_ended".equals(frame.path("event").path("kind").asText())) {
                    return events;
                }
            }
        }

        void subscribe(String sessionId, long afterSeq) {
            send("{\"type\":\"subscribe\",\"sessionId\":\"" + sessionId + "\",\"afterSeq\":" + afterSeq + "}");
        }

        @Override
        public void close() {
            raw.close();
        }
    }

    private static List<String> kinds(List<JsonNode> events) {
        return events.stream().map(e -> e.path("event").path("kind").asText()).toList();
    }

    @Test
    void aNewSessionStreamsDeltasAndEndsWithAResultCarryingTokensAndCost() throws Exception {
        try (Ws ws = new Ws(admin)) {
            JsonNode started = startRun(admin, null, "hello there");
            String sessionId = started.get("sessionId").asText();
            ws.subscribe(sessionId, 0);
            ws.awaitType("subscribed");
            List<JsonNode> events = ws.untilRunEnded();
            assertThat(kinds(events))
                    .startsWith("run_started")
                    .contains("assistant_delta", "assistant_text", "result")
                    .endsWith("run_ended");
            assertThat(events).extracting(e -> e.get("seq").asLong()).isSorted().doesNotHaveDuplicates();
            JsonNode result = events.stream()
                    .filter(e -> "result".equals(e.path("event").path("kind").asText()))
                    .findFirst()
                    .orElseThrow()
                    .get("event");
            assertThat(result.get("inputTokens").asLong()).isPositive();
            assertThat(result.get("outputTokens").asLong()).isPositive();
            assertThat(result.has("costUsd")).isTrue();
            assertThat(events.getLast().path("event").path("reason").asText()).isEqualTo("completed");
            assertThat(json(admin.get("/api/runs/" + started.get("runId").asText()))
                            .get("state")
                            .asText())
                    .isEqualTo("completed");

            // The CLI wrote its transcript where the indexer reads; a scan (the watcher's job in the app) indexes it.
            try (var files = Files.walk(root.toRealPath().resolve("claude").resolve("projects"))) {
                assertThat(files.map(Path::getFileName).map(Path::toString)).contains(sessionId + ".jsonl");
            }
            app.application().history().indexer().scanAll();
            assertThat(admin.get("/api/sessions/" + sessionId).statusCode()).isEqualTo(200);
            assertThat(json(admin.get("/api/sessions/" + sessionId))
                            .get("projectId")
                            .asText())
                    .isEqualTo(projectId);
            var audit = json(admin.get("/api/audit?limit=50")).toString();
            assertThat(audit).contains("run.started", "run.stopped");
        }
    }

    @Test
    void aWriteToolAsksForPermissionAndAllowWritesTheFileWhileDenyDoesNot() throws Exception {
        try (Ws ws = new Ws(admin)) {
            Path allowed = cwd.resolve("allowed.txt");
            JsonNode first = startRun(admin, null, "WRITE " + allowed);
            String sessionId = first.get("sessionId").asText();
            String runId = first.get("runId").asText();
            ws.subscribe(sessionId, 0);
            JsonNode request = ws.awaitKind("permission_request").get("event");
            String requestId = request.get("requestId").asText();
            assertThat(request.get("toolName").asText()).isEqualTo("Write");
            var win = admin.post("/api/runs/" + runId + "/permissions/" + requestId, "{\"decision\":\"allow\"}");
            var lose = admin.post("/api/runs/" + runId + "/permissions/" + requestId, "{\"decision\":\"deny\"}");
            assertThat(win.statusCode()).isEqualTo(204);
            assertThat(lose.statusCode()).isEqualTo(409);
            ws.untilRunEnded();
            assertThat(allowed).exists();

            Path denied = cwd.resolve("denied.txt");
            JsonNode second = startRun(admin, sessionId, "WRITE " + denied);
            JsonNode deniedRequest = ws.awaitKind("permission_request").get("event");
            assertThat(admin.post(
                                    "/api/runs/" + second.get("runId").asText() + "/permissions/"
                                            + deniedRequest.get("requestId").asText(),
                                    "{\"decision\":\"deny\",\"message\":\"not this one\"}")
                            .statusCode())
                    .isEqualTo(204);
            JsonNode resolved = ws.awaitKind("permission_resolved").get("event");
            assertThat(resolved.get("decision").asText()).isEqualTo("deny");
            assertThat(resolved.get("decidedBy").asText()).isEqualTo("admin");
            ws.untilRunEnded();
            assertThat(denied).doesNotExist();
            assertThat(json(admin.get("/api/audit?limit=50")).toString()).contains("permission.decided", "deny Write");
        }
    }

    @Test
    void twoClientsRacingToDecideHaveExactlyOneWinner() throws Exception {
        try (Ws ws = new Ws(admin)) {
            JsonNode started = startRun(admin, null, "WRITE " + cwd.resolve("race.txt"));
            ws.subscribe(started.get("sessionId").asText(), 0);
            String requestId = ws.awaitKind("permission_request")
                    .get("event")
                    .get("requestId")
                    .asText();
            String path = "/api/runs/" + started.get("runId").asText() + "/permissions/" + requestId;
            List<Integer> statuses = Collections.synchronizedList(new ArrayList<>());
            List<Thread> racers = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                String decision = i % 2 == 0 ? "allow" : "deny";
                racers.add(Thread.ofPlatform()
                        .start(() -> statuses.add(admin.post(path, "{\"decision\":\"" + decision + "\"}")
                                .statusCode())));
            }
            for (Thread racer : racers) {
                racer.join();
            }
            assertThat(statuses).containsOnlyOnce(204).containsOnly(204, 409);
            ws.untilRunEnded();
        }
    }

    @Test
    void anInterruptDuringASlowStreamEndsTheTurnWithinASecondAndTheNextPromptWorks() throws Exception {
        try (Ws ws = new Ws(admin)) {
            JsonNode started = startRun(admin, null, "SLOW please");
            String sessionId = started.get("sessionId").asText();
            ws.subscribe(sessionId, 0);
            ws.awaitKind("assistant_delta");
            long asked = System.nanoTime();
            assertThat(admin.post("/api/runs/" + started.get("runId").asText() + "/interrupt", "")
                            .statusCode())
                    .isEqualTo(202);
            JsonNode ended = ws.awaitKind("run_ended");
            long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - asked);
            assertThat(ended.get("event").get("reason").asText()).isEqualTo("interrupted");
            assertThat(millis).as("interrupt to run_ended").isLessThan(1000);

            startRun(admin, sessionId, "after the interrupt");
            List<JsonNode> next = ws.untilRunEnded();
            assertThat(next.getLast().get("event").get("reason").asText()).isEqualTo("completed");
            assertThat(next.toString()).contains("after the interrupt");
        }
    }

    @Test
    void aDroppedClientCatchesUpWithExactlyTheSameEventsAsOneThatStayed() throws Exception {
        try (Ws steady = new Ws(admin)) {
            JsonNode started = startRun(admin, null, "SLOW please");
            String sessionId = started.get("sessionId").asText();
            steady.subscribe(sessionId, 0);
            steady.awaitType("subscribed");
            List<JsonNode> dropped = new ArrayList<>();
            try (Ws flaky = new Ws(admin)) {
                flaky.subscribe(sessionId, 0);
                flaky.awaitType("subscribed");
                for (int i = 0; i < 5; i++) {
                    dropped.add(flaky.await(f -> "event".equals(f.path("type").asText()), 60_000));
                }
            }
            try (Ws back = new Ws(admin)) {
                back.subscribe(sessionId, dropped.getLast().get("seq").asLong());
                back.awaitType("subscribed");
                dropped.addAll(back.untilRunEnded());
            }
            List<JsonNode> stayed = steady.untilRunEnded();
            assertThat(dropped.stream().map(JsonNode::toString).toList())
                    .containsExactlyElementsOf(
                            stayed.stream().map(JsonNode::toString).toList());
        }
    }

    @Test
    void aMissingCliFailsTheRunWithAnErrorAndHealthSaysSo() throws Exception {
        app.close();
        app = null;
        start(root.resolve("no-such-claude").toString());
        try (Ws ws = new Ws(admin)) {
            JsonNode started = startRun(admin, null, "hello");
            ws.subscribe(started.get("sessionId").asText(), 0);
            List<JsonNode> events = ws.untilRunEnded();
            assertThat(kinds(events)).containsExactly("error", "run_ended");
            assertThat(events.getLast().get("event").get("reason").asText()).isEqualTo("failed");
            assertThat(json(admin.get("/api/runs/" + started.get("runId").asText()))
                            .get("state")
                            .asText())
                    .isEqualTo("failed");
        }
        JsonNode health = json(admin.get("/api/health"));
        assertThat(health.get("checks").get("claudeCli").get("status").asText()).isEqualTo("missing");
    }

    @Test
    void resumingAnEarlierSessionCarriesItsHistoryToTheApi() throws Exception {
        try (Ws ws = new Ws(admin)) {
            JsonNode first = startRun(admin, null, "remember the word pineapple");
            String sessionId = first.get("sessionId").asText();
            firstSession = sessionId;
            ws.subscribe(sessionId, 0);
            ws.untilRunEnded();
        }
        // A new app over the same data: the session's process is gone, continuing it resumes.
        app.close();
        app = null;
        start(TestCli.path().toString());
        try (Ws ws = new Ws(admin)) {
            ws.subscribe(first(), 0);
            long lastSeq = ws.awaitType("subscribed").get("lastSeq").asLong();
            JsonNode second = startRun(admin, first(), "which word?");
            assertThat(second.get("sessionId").asText()).isEqualTo(first());
            List<JsonNode> events = ws.untilRunEnded(lastSeq);
            assertThat(events.getFirst().get("seq").asLong()).isGreaterThan(lastSeq);
            assertThat(events.getLast().get("event").get("reason").asText()).isEqualTo("completed");
        }
        assertThat(api.messageRequests())
                .as("a request of the resumed session carries the earlier turn")
                .anySatisfy(request -> assertThat(request.toString())
                        .contains("remember the word pineapple")
                        .contains("which word?"));
    }

    private String firstSession;

    private String first() {
        return firstSession;
    }
}
