package dev.ccui.bootstrap.nodes;

import static dev.ccui.bootstrap.testing.ApiClient.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ccui.bootstrap.load.Figures;
import dev.ccui.bootstrap.testing.ApiClient;
import dev.ccui.bootstrap.testing.TimedEventSocket;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A browser following a run from the node that does not run it: two real nodes (PostgreSQL,
 * Redis), the real CLI on node a streaming text deltas, one {@code /ws} subscriber on each node.
 * The subscriber on node b must see every event of the run once, in seq order, the same as node a's
 * subscriber sees. The delay of each event (its {@code at}, stamped by node a as it appends it, to
 * the frame's arrival; both nodes and the sockets share this JVM's clock) and the events per second
 * delivered on node b while several runs stream at once are printed as figures. Sizes can be raised
 * for a measurement: {@code -Dcrossnode.deltas=1000 -Dcrossnode.runs=8}.
 */
@Timeout(300)
class CrossNodeEventsIT {
    private static final int DELTAS = Integer.getInteger("crossnode.deltas", 200);
    private static final int RUNS = Integer.getInteger("crossnode.runs", 3);
    private static final Duration RUN_TIMEOUT = Duration.ofMinutes(2);

    @TempDir
    Path folder;

    private TwoNodes nodes;
    private final List<TimedEventSocket> sockets = new ArrayList<>();

    @BeforeEach
    void start() throws Exception {
        String runs = String.valueOf(RUNS + 2);
        nodes = TwoNodes.start(folder, Map.of("CCUI_RUNS_MAX", runs, "CCUI_RUNS_PER_USER", runs));
    }

    @AfterEach
    void stop() {
        sockets.forEach(TimedEventSocket::close);
        if (nodes != null) {
            nodes.close();
        }
    }

    @Test
    void aRunStreamingOnOneNodeIsFollowedLiveFromTheOtherEveryEventOnceInOrder() throws Exception {
        String sessionId = nodes.startRun(nodes.onA(), "hello").get("sessionId").asText();
        TimedEventSocket onA = subscribe(nodes.onA(), sessionId);
        TimedEventSocket onB = subscribe(nodes.onB(), sessionId);
        assertThat(onA.awaitRunEnded(0, RUN_TIMEOUT)).isEqualTo("completed");
        assertThat(onB.awaitRunEnded(0, RUN_TIMEOUT)).isEqualTo("completed");

        // The measured turn: a delta every 5 ms from the model, so the CLI writes a line per delta.
        long after = onB.lastSeq();
        runIn(sessionId, "STREAM " + DELTAS + " 5");
        assertThat(onB.awaitRunEnded(after, RUN_TIMEOUT)).isEqualTo("completed");
        assertThat(onA.awaitRunEnded(after, RUN_TIMEOUT)).isEqualTo("completed");

        List<JsonNode> seenOnA = events(onA, after);
        List<JsonNode> seenOnB = events(onB, after);
        assertThat(seqs(seenOnB)).as("seqs on node b").isEqualTo(contiguous(after + 1, seenOnB.size()));
        assertThat(seenOnB).as("node b's events are node a's").isEqualTo(seenOnA);
        assertThat(seenOnB.stream()
                        .filter(e -> e.path("event").path("kind").asText().equals("assistant_delta"))
                        .map(e -> e.path("event").path("text").asText())
                        .reduce("", String::concat))
                .as("the text streamed, delta by delta")
                .isEqualTo(words(DELTAS));
        List<Double> delayOnA = delays(onA, after);
        List<Double> delayOnB = delays(onB, after);
        figure("event appended on node a -> frame on node a: " + Figures.percentiles(delayOnA));
        figure("event appended on node a -> frame on node b: " + Figures.percentiles(delayOnB));
        assertThat(delayOnB.stream().mapToDouble(Double::doubleValue).max().orElseThrow())
                .as("the slowest event to reach node b, ms (a person notices a second)")
                .isLessThan(1000);
    }

    @Test
    void severalRunsStreamingAtOnceReachTheOtherNodeWithoutALostEvent() throws Exception {
        List<String> sessions = new ArrayList<>();
        List<TimedEventSocket> onB = new ArrayList<>();
        for (int i = 0; i < RUNS; i++) {
            String sessionId =
                    nodes.startRun(nodes.onA(), "hello " + i).get("sessionId").asText();
            TimedEventSocket socket = subscribe(nodes.onB(), sessionId);
            assertThat(socket.awaitRunEnded(0, RUN_TIMEOUT)).isEqualTo("completed");
            sessions.add(sessionId);
            onB.add(socket);
        }
        List<Long> after = onB.stream().map(TimedEventSocket::lastSeq).toList();
        // Every run at once, deltas as fast as the CLI writes them.
        for (String sessionId : sessions) {
            runIn(sessionId, "STREAM " + DELTAS + " 0");
        }
        long events = 0;
        long first = Long.MAX_VALUE;
        long last = Long.MIN_VALUE;
        List<Double> delays = new ArrayList<>();
        for (int i = 0; i < RUNS; i++) {
            assertThat(onB.get(i).awaitRunEnded(after.get(i), RUN_TIMEOUT)).isEqualTo("completed");
            List<JsonNode> seen = events(onB.get(i), after.get(i));
            assertThat(seqs(seen)).as("seqs of run " + i).isEqualTo(contiguous(after.get(i) + 1, seen.size()));
            assertThat(seen.stream()
                            .filter(e -> e.path("event").path("kind").asText().equals("assistant_delta"))
                            .count())
                    .as("deltas of run " + i)
                    .isEqualTo(DELTAS);
            for (TimedEventSocket.Frame frame : frames(onB.get(i), after.get(i))) {
                events++;
                first = Math.min(first, frame.receivedMicros());
                last = Math.max(last, frame.receivedMicros());
            }
            delays.addAll(delays(onB.get(i), after.get(i)));
        }
        double seconds = Math.max(1, last - first) / 1e6;
        figure(RUNS + " runs streaming " + DELTAS + " deltas each on node a, followed on node b: " + events
                + " events in " + Figures.round(seconds) + " s = " + Figures.round(events / seconds)
                + " events/s; delay " + Figures.percentiles(delays));
    }

    private TimedEventSocket subscribe(ApiClient on, String sessionId) throws Exception {
        TimedEventSocket socket = TimedEventSocket.open(HttpClient.newHttpClient(), on);
        sockets.add(socket);
        socket.subscribe(sessionId, 0);
        socket.awaitSubscribed(Duration.ofSeconds(20));
        return socket;
    }

    /** A turn in an existing session, sent to node a: the node that takes a run runs it. */
    private void runIn(String sessionId, String prompt) {
        var response = nodes.onA()
                .post(
                        "/api/runs",
                        "{\"projectId\":\"" + nodes.projectId() + "\",\"sessionId\":\"" + sessionId
                                + "\",\"prompt\":\"" + prompt + "\",\"clientMessageId\":\"" + UUID.randomUUID()
                                + "\"}");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
    }

    private static List<TimedEventSocket.Frame> frames(TimedEventSocket socket, long afterSeq) {
        return socket.frames().stream()
                .filter(TimedEventSocket.Frame::isEvent)
                .filter(frame -> json(frame.text()).get("seq").asLong() > afterSeq)
                .toList();
    }

    /** The event frames after {@code afterSeq}, parsed. */
    private static List<JsonNode> events(TimedEventSocket socket, long afterSeq) {
        return frames(socket, afterSeq).stream()
                .map(frame -> json(frame.text()))
                .toList();
    }

    /** Each event's {@code at} → its frame's arrival, ms. */
    private static List<Double> delays(TimedEventSocket socket, long afterSeq) {
        return frames(socket, afterSeq).stream()
                .map(frame -> (frame.receivedMicros()
                                - TimedEventSocket.micros(Instant.parse(
                                        json(frame.text()).get("at").asText())))
                        / 1000.0)
                .toList();
    }

    private static List<Long> seqs(List<JsonNode> events) {
        return events.stream().map(e -> e.get("seq").asLong()).toList();
    }

    private static List<Long> contiguous(long from, int count) {
        List<Long> seqs = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            seqs.add(from + i);
        }
        return seqs;
    }

    private static String words(int count) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < count; i++) {
            text.append("word").append(i).append(' ');
        }
        return text.toString();
    }

    private static void figure(String line) {
        System.out.println("[figure] " + line);
    }
}
