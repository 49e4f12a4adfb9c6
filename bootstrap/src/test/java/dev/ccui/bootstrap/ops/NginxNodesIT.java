package dev.ccui.bootstrap.ops;

import static dev.ccui.bootstrap.ops.OpsTools.figure;
import static dev.ccui.bootstrap.testing.ApiClient.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ccui.adapters.persistence.db.Database;
import dev.ccui.adapters.persistence.db.DatabaseSettings;
import dev.ccui.adapters.persistence.run.JdbiRunRepository;
import dev.ccui.bootstrap.nodes.TwoNodes;
import dev.ccui.bootstrap.testing.JsonSocketClient;
import dev.ccui.domain.run.RunId;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;

/**
 * Two real app nodes (PostgreSQL, Redis, the real CLI on each) behind a real nginx running the
 * project's config rendered for both: the API and {@code /ws} balanced over the nodes, a decision
 * reaching either node applied once, a terminal reached through the same node on every
 * reconnection.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(300)
class NginxNodesIT {
    private static final Pattern ACCESS = Pattern.compile("\"(\\w+) (\\S+) HTTP/[^\"]+\" (\\d+) .* ua=(\\S+)");

    private Path folder;
    private TwoNodes nodes;
    private NginxFront nginx;
    private HttpClient tls;
    private Database database;
    private Map<String, String> nodeOfPort;

    @BeforeAll
    void start() throws Exception {
        folder = Files.createTempDirectory("ccui-nginx-nodes-it");
        nodes = TwoNodes.start(Files.createDirectories(folder.resolve("nodes")), Map.of());
        database = Database.open(DatabaseSettings.fromUrl(nodes.a().postgresUrl(), 2));
        String a = nodes.onA().base().replace("http://", "");
        String b = nodes.onB().base().replace("http://", "");
        nodeOfPort = Map.of(
                a, nodes.a().application().config().runs().nodeId().orElseThrow(),
                b, nodes.b().application().config().runs().nodeId().orElseThrow());

        nginx = NginxFront.start(folder.resolve("nginx"), List.of(a, b));
        tls = nginx.client();
    }

    @AfterAll
    void stop() throws Exception {
        if (nginx != null) {
            nginx.close();
        }
        if (database != null) {
            database.close();
        }
        if (nodes != null) {
            nodes.close();
        }
        if (folder != null) {
            OpsTools.run(List.of("rm", "-rf", folder.toString()), 30);
        }
    }

    private HttpResponse<String> send(String method, String path, String body) throws Exception {
        var request = HttpRequest.newBuilder(URI.create(nginx.base() + path))
                .timeout(Duration.ofSeconds(20))
                .header("Authorization", "Bearer " + nodes.onA().token())
                .header("Content-Type", "application/json")
                .method(
                        method,
                        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        return tls.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private JsonNode startRun(String prompt) throws Exception {
        var response = send(
                "POST",
                "/api/runs",
                "{\"projectId\":\"" + nodes.projectId() + "\",\"prompt\":\"" + prompt + "\",\"clientMessageId\":\""
                        + UUID.randomUUID() + "\"}");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
        return json(response);
    }

    private String ownerOf(String runId) {
        return new JdbiRunRepository(database.jdbi())
                .findById(RunId.parse(runId).orElseThrow())
                .orElseThrow()
                .nodeId()
                .value();
    }

    /** The node that served each access-log line for {@code path}, oldest first, with its status. */
    private List<String> servedBy(String path) throws Exception {
        List<String> served = new ArrayList<>();
        for (String line : Files.readAllLines(nginx.accessLog())) {
            var matcher = ACCESS.matcher(line);
            if (matcher.find() && matcher.group(2).equals(path)) {
                served.add(matcher.group(3) + " " + nodeOfPort.get(matcher.group(4)));
            }
        }
        return served;
    }

    @Test
    void runsAreBalancedOverBothNodesAndEitherNodeAppliesADecisionOnce() throws Exception {
        Set<String> owners = new HashSet<>();
        for (int i = 0; i < 4; i++) {
            String runId = startRun("hello " + i).get("runId").asText();
            owners.add(ownerOf(runId));
            TwoNodes.await(
                    "run " + i + " ends",
                    () -> TwoNodes.state(nodes.onA(), runId).equals("completed"));
        }
        assertThat(owners).as("the nodes that ran the runs").containsExactlyInAnyOrderElementsOf(nodeOfPort.values());

        // A run whose file write waits for a decision; two decisions back to back through nginx go
        // to the two nodes in turn: one of them is not the run's owner.
        JsonNode started = startRun("WRITE " + nodes.cwd().resolve("through-nginx.txt"));
        String runId = started.get("runId").asText();
        // The state and the event are written one after the other: wait for the event itself.
        TwoNodes.await(
                "the run waits for a permission",
                () -> TwoNodes.state(nodes.onA(), runId).equals("awaiting_permission")
                        && !TwoNodes.events(nodes.onA(), started, "permission_request")
                                .isEmpty());
        String requestId = TwoNodes.events(nodes.onA(), started, "permission_request")
                .getFirst()
                .get("requestId")
                .asText();
        String path = "/api/runs/" + runId + "/permissions/" + requestId;
        var first = send("POST", path, "{\"decision\":\"allow\"}");
        var second = send("POST", path, "{\"decision\":\"deny\"}");
        assertThat(List.of(first.statusCode(), second.statusCode())).containsExactly(204, 409);
        assertThat(json(second).get("error").get("code").asText()).isEqualTo("PERMISSION_NOT_PENDING");
        TwoNodes.await(
                "the run completes", () -> TwoNodes.state(nodes.onA(), runId).equals("completed"));
        assertThat(TwoNodes.events(nodes.onA(), started, "permission_resolved")).hasSize(1);
        assertThat(Files.exists(nodes.cwd().resolve("through-nginx.txt"))).isTrue();
        TwoNodes.await("nginx logged both decisions", () -> {
            try {
                return servedBy(path).size() == 2;
            } catch (Exception e) {
                return false;
            }
        });
        List<String> served = servedBy(path);
        figure("run on " + ownerOf(runId) + ", decisions served: " + served);
        assertThat(served).extracting(s -> s.substring(4)).doesNotHaveDuplicates();
    }

    @Test
    void everySocketOfATerminalReachesTheNodeThatHoldsIt() throws Exception {
        Map<String, String> auth =
                Map.of("Authorization", "Bearer " + nodes.onA().token());
        String base = nginx.base();
        int terminals = 4;
        for (int t = 0; t < terminals; t++) {
            String terminalId = UUID.randomUUID().toString();
            String query = "/ws/terminal?projectId=" + nodes.projectId() + "&terminalId=" + terminalId;
            JsonSocketClient opening =
                    JsonSocketClient.open(tls, base, query, auth).waitingUpTo(Duration.ofSeconds(40));
            opening.send("{\"type\":\"open\",\"cols\":80,\"rows\":24,\"terminalId\":\"" + terminalId + "\"}");
            assertThat(opening.await("opened").get("terminalId").asText()).isEqualTo(terminalId);
            opening.input("echo mark-$((" + t + "*7))\n");
            opening.awaitOutput(Pattern.compile("mark-" + (t * 7)));
            long seen = opening.lastSeq();
            opening.abort();
            for (int again = 0; again < 3; again++) {
                JsonSocketClient back =
                        JsonSocketClient.open(tls, base, query, auth).waitingUpTo(Duration.ofSeconds(40));
                back.attach(terminalId, seen);
                JsonNode answer = back.await("opened");
                assertThat(answer.get("terminalId").asText())
                        .as("reconnection " + again)
                        .isEqualTo(terminalId);
                back.input("echo again-$((" + again + "+100))\n");
                back.awaitOutput(Pattern.compile("again-" + (again + 100)));
                seen = back.lastSeq();
                back.abort();
            }
        }
        int onA = nodes.a().application().workspace().terminals().openCount();
        int onB = nodes.b().application().workspace().terminals().openCount();
        figure("terminals through nginx: " + onA + " on node a, " + onB + " on node b");
        assertThat(onA + onB).isEqualTo(terminals);
    }
}
