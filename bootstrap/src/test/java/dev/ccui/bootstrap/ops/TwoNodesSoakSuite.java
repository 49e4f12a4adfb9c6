package dev.ccui.bootstrap.ops;

import static dev.ccui.bootstrap.testing.ApiClient.json;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ccui.bootstrap.load.Soak;
import dev.ccui.bootstrap.nodes.TwoNodes;
import dev.ccui.bootstrap.testing.ApiClient;
import dev.ccui.bootstrap.testing.JsonSocketClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The soak of {@code LoadSuite} across two app nodes (PostgreSQL, Redis, the real CLI on each)
 * behind a real nginx, on demand only (not an {@code *IT}: it runs for minutes):
 * {@code ./mvnw -o -DskipWeb -pl bootstrap -am verify -Dtest=NONE -Dit.test=TwoNodesSoakSuite
 * -Dsurefire.failIfNoSpecifiedTests=false -Dsoak.minutes=30}. Four clients through nginx's TLS
 * side read, create and revoke API keys and ping a {@code /ws} socket; a fifth runs the real CLI
 * turn after turn and follows each run's state through nginx, so from either node. Both nodes run
 * in this JVM: its heap after GC and RSS are sampled every 10 s and the slopes printed.
 */
@Timeout(value = 2, unit = TimeUnit.HOURS)
class TwoNodesSoakSuite {
    private static final double MINUTES = Double.parseDouble(System.getProperty("soak.minutes", "0.5"));
    private static final Pattern UPSTREAM = Pattern.compile(" ua=(127\\.0\\.0\\.1:\\d+)");

    @Test
    void twoNodesBehindNginxAnswerEveryRequestAndKeepMemoryFlat() throws Exception {
        Path folder = Files.createTempDirectory("ccui-two-nodes-soak");
        try (TwoNodes nodes = TwoNodes.start(
                        Files.createDirectories(folder.resolve("nodes")), Map.of("CCUI_RATE_LIMIT_PER_MINUTE", "0"));
                NginxFront nginx = NginxFront.start(
                        folder.resolve("nginx"),
                        List.of(
                                nodes.onA().base().replace("http://", ""),
                                nodes.onB().base().replace("http://", "")),
                        // Every client here comes from one address: nginx's per-address limit is raised.
                        Map.of("API_RATE", "100000r/s"))) {
            // The fake Messages API runs in this JVM: kept requests (whole conversations) would
            // grow the heap this soak measures.
            nodes.api().stopRecording();
            ApiClient front = nodes.onA().via(nginx.base(), nginx.client());
            Map<String, String> auth = Map.of("Authorization", "Bearer " + front.token());
            Soak.Result result = Soak.run(
                    MINUTES,
                    Duration.ofSeconds(MINUTES >= 5 ? 10 : 1),
                    5,
                    client -> client == 4 ? turns(nodes, front) : mixed(front, auth, nginx, client));
            System.out.println(result.line("two nodes behind nginx"));
            Map<String, Long> served = servedPerUpstream(nginx.accessLog());
            System.out.println("LOAD two nodes behind nginx: requests per upstream " + served);
            // Two of 355,779 rounds of the first 30-minute run failed with "EOF reached while reading":
            // a POST on a pooled connection closed under it, which the JDK client does not retry.
            // They are printed and counted; more than one in 10,000 fails the soak.
            System.out.println("LOAD two nodes behind nginx: errors " + result.errors());
            assertThat(result.errorCount())
                    .as("errors during the soak: " + result.errors())
                    .isLessThanOrEqualTo(result.requests() / 10_000);
            assertThat(served).as("both nodes served").hasSize(2);
            if (MINUTES >= 10) {
                assertThat(result.heapSlope())
                        .as("retained heap growth, MB/min")
                        .isLessThan(1.0);
            }
        } finally {
            OpsTools.run(List.of("rm", "-rf", folder.toString()), 60);
        }
    }

    /** Reads, an API key created and revoked, a ping on a held {@code /ws} socket: through nginx. */
    private static Soak.Client mixed(ApiClient front, Map<String, String> auth, NginxFront nginx, int client) {
        JsonSocketClient socket = JsonSocketClient.open(nginx.client(), nginx.base(), "/ws", auth);
        return new Soak.Client() {
            @Override
            public String step(long round) throws Exception {
                String error = Soak.mixedRound(front, client, round);
                socket.awaitPong();
                return error;
            }

            @Override
            public void close() {
                socket.abort();
            }
        };
    }

    /** A turn of the real CLI on whichever node nginx picks, followed to its end through nginx. */
    private static Soak.Client turns(TwoNodes nodes, ApiClient front) {
        return round -> {
            var started = front.post(
                    "/api/runs",
                    "{\"projectId\":\"" + nodes.projectId() + "\",\"prompt\":\"soak turn " + round
                            + "\",\"clientMessageId\":\"" + java.util.UUID.randomUUID() + "\"}");
            if (started.statusCode() != 202) {
                return "run: " + started.statusCode() + " " + started.body();
            }
            String runId = json(started).get("runId").asText();
            long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
            while (System.nanoTime() < deadline) {
                String state = TwoNodes.state(front, runId);
                if (state.equals("completed")) {
                    return null;
                }
                if (List.of("failed", "interrupted", "lost").contains(state)) {
                    return "run " + runId + " ended " + state;
                }
                Thread.sleep(100); // polling the state, as a client without a socket does
            }
            return "run " + runId + " did not end within 2 min";
        };
    }

    private static Map<String, Long> servedPerUpstream(Path accessLog) throws Exception {
        Map<String, Long> served = new java.util.TreeMap<>();
        for (String line : Files.readAllLines(accessLog)) {
            Matcher matcher = UPSTREAM.matcher(line);
            if (matcher.find()) {
                served.merge(matcher.group(1), 1L, Long::sum);
            }
        }
        return served;
    }
}
