package dev.ccui.bootstrap.nodes;

import static dev.ccui.bootstrap.nodes.TwoNodes.await;
import static dev.ccui.bootstrap.nodes.TwoNodes.events;
import static dev.ccui.bootstrap.nodes.TwoNodes.state;
import static dev.ccui.bootstrap.testing.ApiClient.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ccui.bootstrap.testing.ApiClient;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Commands on a run that reach a node other than its owner: two real nodes (PostgreSQL, Redis),
 * the real CLI on node a. Whatever the caller posts to node b is applied by node a exactly once,
 * and node b answers what node a would have answered.
 */
@Timeout(240)
class CrossNodeCommandsIT {
    @TempDir
    Path folder;

    private TwoNodes nodes;

    @BeforeEach
    void start() throws Exception {
        nodes = TwoNodes.start(folder, Map.of());
    }

    @AfterEach
    void stop() {
        if (nodes != null) {
            nodes.close();
        }
    }

    private static String auditOf(TwoNodes nodes, String requestId) {
        return json(nodes.onA().get("/api/audit?limit=200")).get("items").findValues("detail").stream()
                .map(JsonNode::asText)
                .filter(detail -> detail.endsWith("request " + requestId))
                .toList()
                .toString();
    }

    /** The resident memory of every process this JVM started (the CLIs of node a: node b runs none). */
    private static long cliRssKb() {
        return ProcessHandle.current()
                .descendants()
                .mapToLong(process -> {
                    try {
                        return Files.readAllLines(Path.of("/proc/" + process.pid() + "/status")).stream()
                                .filter(line -> line.startsWith("VmRSS:"))
                                .mapToLong(line -> Long.parseLong(line.replaceAll("[^0-9]", "")))
                                .sum();
                    } catch (IOException | RuntimeException e) {
                        return 0;
                    }
                })
                .sum();
    }

    @Test
    void aDecisionPostedToTheOtherNodeIsAppliedOnTheOwnerOnceAndARepeatGetsTheOwnersAnswer() throws Exception {
        TwoNodes.Pending pending = nodes.awaitingRunOnA("one.txt");

        long cliKb = cliRssKb();
        long sent = System.nanoTime();
        HttpResponse<String> allowed = nodes.onB().post(pending.decisionPath(), "{\"decision\":\"allow\"}");
        long tookMs = (System.nanoTime() - sent) / 1_000_000;
        assertThat(allowed.statusCode()).as(allowed.body()).isEqualTo(204);
        System.out.println("figure: decision posted to node b, applied on node a and answered: " + tookMs
                + " ms; the run's claude CLI process tree on node a: " + cliKb / 1024 + " MB RSS");
        await(
                "the run ends on node a",
                () -> state(nodes.onB(), pending.runId()).equals("completed"));
        assertThat(Files.readString(nodes.cwd().resolve("one.txt"))).isNotEmpty();
        List<JsonNode> resolved = events(nodes.onA(), pending.started(), "permission_resolved");
        assertThat(resolved).hasSize(1);
        assertThat(resolved.getFirst().get("decision").asText()).isEqualTo("allow");
        assertThat(resolved.getFirst().get("decidedBy").asText()).isEqualTo("admin");

        // A second decision: node b answers exactly what node a answers its own callers.
        HttpResponse<String> againOnB = nodes.onB().post(pending.decisionPath(), "{\"decision\":\"deny\"}");
        HttpResponse<String> againOnA = nodes.onA().post(pending.decisionPath(), "{\"decision\":\"deny\"}");
        assertThat(againOnB.statusCode()).isEqualTo(409);
        assertThat(againOnA.statusCode()).isEqualTo(409);
        assertThat(json(againOnB).get("error").get("code").asText()).isEqualTo("PERMISSION_NOT_PENDING");
        assertThat(json(againOnB).get("error").get("message"))
                .isEqualTo(json(againOnA).get("error").get("message"));
        assertThat(events(nodes.onA(), pending.started(), "permission_resolved"))
                .hasSize(1);
        assertThat(auditOf(nodes, pending.requestId())).isEqualTo("[allow Write request " + pending.requestId() + "]");
    }

    @Test
    void concurrentDecisionsFromBothNodesHaveOneWinner() throws Exception {
        for (int round = 0; round < 3; round++) {
            TwoNodes.Pending pending = nodes.awaitingRunOnA("race-" + round + ".txt");
            CountDownLatch go = new CountDownLatch(1);
            List<CompletableFuture<HttpResponse<String>>> decisions = new ArrayList<>();
            for (var client : List.of(nodes.onA(), nodes.onB())) {
                String decision = client == nodes.onA() ? "allow" : "deny";
                decisions.add(CompletableFuture.supplyAsync(() -> {
                    try {
                        go.await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    return client.post(pending.decisionPath(), "{\"decision\":\"" + decision + "\"}");
                }));
            }
            go.countDown();
            List<Integer> statuses = decisions.stream()
                    .map(CompletableFuture::join)
                    .map(HttpResponse::statusCode)
                    .sorted()
                    .toList();
            assertThat(statuses).as("round " + round).containsExactly(204, 409);
            await(
                    "the run ends",
                    () -> !List.of("starting", "running", "awaiting_permission")
                            .contains(state(nodes.onA(), pending.runId())));
            assertThat(events(nodes.onA(), pending.started(), "permission_resolved"))
                    .as("round " + round)
                    .hasSize(1);
        }
    }

    @Test
    void anInterruptPostedToTheOtherNodeStopsTheRunOnItsOwner() {
        TwoNodes.Pending pending = nodes.awaitingRunOnA("never.txt");

        long sent = System.nanoTime();
        HttpResponse<String> interrupted = nodes.onB().post("/api/runs/" + pending.runId() + "/interrupt", null);
        System.out.println("figure: interrupt posted to node b, applied on node a and answered: "
                + (System.nanoTime() - sent) / 1_000_000 + " ms");
        assertThat(interrupted.statusCode()).as(interrupted.body()).isEqualTo(202);
        JsonNode body = json(interrupted);
        assertThat(body.get("id").asText()).isEqualTo(pending.runId());
        assertThat(body.get("state").asText()).isIn("interrupting", "interrupted");
        await(
                "the run ends interrupted",
                () -> state(nodes.onA(), pending.runId()).equals("interrupted"));
        // The run's row says how it ended just before run_ended is told (LiveSession.end).
        await(
                "run_ended is in the shared log",
                () -> !events(nodes.onA(), pending.started(), "run_ended").isEmpty());
        assertThat(events(nodes.onA(), pending.started(), "run_ended"))
                .extracting(e -> e.get("reason").asText())
                .containsExactly("interrupted");
        assertThat(Files.exists(nodes.cwd().resolve("never.txt"))).isFalse();

        // Once it ended, an interrupt is a no-op on either node, with the same answer.
        HttpResponse<String> lateOnB = nodes.onB().post("/api/runs/" + pending.runId() + "/interrupt", null);
        HttpResponse<String> lateOnA = nodes.onA().post("/api/runs/" + pending.runId() + "/interrupt", null);
        assertThat(lateOnB.statusCode()).isEqualTo(202);
        assertThat(json(lateOnB)).isEqualTo(json(lateOnA));
    }

    /** {@code POST /api/runs} in the pending run's session, through {@code on}. */
    private HttpResponse<String> sendInSession(
            ApiClient on, TwoNodes.Pending pending, String prompt, String clientMessageId, boolean queue) {
        return on.post(
                "/api/runs",
                "{\"projectId\":\"" + nodes.projectId() + "\",\"sessionId\":\""
                        + pending.started().get("sessionId").asText() + "\",\"prompt\":\"" + prompt
                        + "\",\"clientMessageId\":\"" + clientMessageId + "\"" + (queue ? ",\"queue\":true" : "")
                        + "}");
    }

    /** The session's runs, oldest first, as node b lists them. */
    private List<JsonNode> runsOfSession(TwoNodes.Pending pending) {
        String sessionId = pending.started().get("sessionId").asText();
        List<JsonNode> runs = new ArrayList<>();
        json(nodes.onB().get("/api/runs")).get("items").forEach(run -> {
            if (run.get("sessionId").asText().equals(sessionId)) {
                runs.addFirst(run);
            }
        });
        return runs;
    }

    @Test
    void aMessageToTheOtherNodeWhileTheTurnRunsIsRefusedOrQueuedAndNeverStartsASecondCli() throws Exception {
        TwoNodes.Pending pending = nodes.awaitingRunOnA("first.txt");

        HttpResponse<String> refused = sendInSession(nodes.onB(), pending, "meanwhile", "m-refused", false);
        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(409);
        assertThat(json(refused).get("error").get("code").asText()).isEqualTo("RUN_ACTIVE");
        HttpResponse<String> queued =
                sendInSession(nodes.onB(), pending, "WRITE " + nodes.cwd().resolve("second.txt"), "m-queued", true);
        assertThat(queued.statusCode()).as(queued.body()).isEqualTo(202);
        assertThat(json(queued).has("queued")).as(queued.body()).isTrue();
        assertThat(runsOfSession(pending)).hasSize(1);

        // The turn ends on node a; node a sends what waited, as its own next turn.
        assertThat(nodes.onB()
                        .post(pending.decisionPath(), "{\"decision\":\"allow\"}")
                        .statusCode())
                .isEqualTo(204);
        await("the queued message runs", () -> runsOfSession(pending).size() == 2);
        JsonNode second = runsOfSession(pending).getLast();
        await(
                "the queued message waits for its own decision",
                () -> state(nodes.onB(), second.get("id").asText()).equals("awaiting_permission"));
        assertThat(state(nodes.onA(), pending.runId())).isEqualTo("completed");
        assertThat(Files.exists(nodes.cwd().resolve("first.txt"))).isTrue();
        assertThat(json(nodes.onB()
                                .get("/api/sessions/"
                                        + pending.started().get("sessionId").asText() + "/queue"))
                        .get("items"))
                .isEmpty();
    }

    @Test
    void sendNowThroughTheOtherNodeStopsTheTurnOnItsOwnerAndTheMessageGoesNext() throws Exception {
        TwoNodes.Pending pending = nodes.awaitingRunOnA("never-written.txt");
        String sessionId = pending.started().get("sessionId").asText();
        sendInSession(nodes.onB(), pending, "zebra-later", "m-later", true);
        HttpResponse<String> now = sendInSession(nodes.onB(), pending, "zebra-now", "m-now", true);
        String nowId = json(now).get("queued").get("id").asText();

        HttpResponse<String> sent =
                nodes.onB().post("/api/sessions/" + sessionId + "/queue/" + nowId + "/send-now", null);

        assertThat(sent.statusCode()).as(sent.body()).isEqualTo(202);
        assertThat(json(sent).get("interrupting").asBoolean()).as(sent.body()).isTrue();
        await(
                "the turn on node a is interrupted",
                () -> state(nodes.onA(), pending.runId()).equals("interrupted"));
        // Node a's turn end sends the queue: the message sent now first, then the one before it.
        await("both queued messages ran", () -> {
            List<JsonNode> runs = runsOfSession(pending);
            return runs.size() == 3
                    && state(nodes.onB(), runs.getLast().get("id").asText()).equals("completed");
        });
        // What the model was sent, in order: the first request holding each message is its turn.
        List<String> sentToModel =
                nodes.api().messageRequests().stream().map(JsonNode::toString).toList();
        int nowAt = firstHolding(sentToModel, "zebra-now");
        assertThat(nowAt).as("the message sent now reached the model").isNotNegative();
        assertThat(nowAt).as("before the message queued first").isLessThan(firstHolding(sentToModel, "zebra-later"));
        assertThat(Files.exists(nodes.cwd().resolve("never-written.txt"))).isFalse();
        assertThat(json(nodes.onB().get("/api/sessions/" + sessionId + "/queue"))
                        .get("items"))
                .isEmpty();
    }

    private static int firstHolding(List<String> requests, String text) {
        for (int i = 0; i < requests.size(); i++) {
            if (requests.get(i).contains(text)) {
                return i;
            }
        }
        return -1;
    }
}
