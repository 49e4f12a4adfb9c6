package dev.ccui.application.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ccui.application.run.port.out.NodeHeartbeats;
import dev.ccui.application.run.port.out.RunEventLog;
import dev.ccui.application.run.port.out.RunRepository;
import dev.ccui.domain.project.ProjectId;
import dev.ccui.domain.run.LoggedRunEvent;
import dev.ccui.domain.run.NodeId;
import dev.ccui.domain.run.Run;
import dev.ccui.domain.run.RunEvent;
import dev.ccui.domain.run.RunId;
import dev.ccui.domain.run.RunState;
import dev.ccui.domain.session.SessionId;
import dev.ccui.domain.user.UserId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * One contract for the run repository, the event log and the node heartbeats, run against every
 * database we support and against the in-memory store the use-case tests use.
 */
public abstract class RunStoreContract {
    /** The three ports over one store. */
    public record Ports(RunRepository runs, RunEventLog log, NodeHeartbeats heartbeats) {}

    /** Fresh, empty ports over one store; called once before each test. */
    protected abstract Ports ports();

    private Ports ports;

    @BeforeEach
    void open() {
        ports = ports();
    }

    private static final Instant T0 = Instant.parse("2026-03-01T10:00:00.123Z");
    private static final SessionId SESSION = new SessionId("0b7c61c4-5d35-4a49-9a8e-7d1c7f0e2a11");

    private RunEventLog log() {
        return ports.log();
    }

    private RunRepository runs() {
        return ports.runs();
    }

    private static Run run(UserId user, String clientMessageId, Instant startedAt) {
        return run(user, clientMessageId, startedAt, null);
    }

    /** A run in a session of its own: a session has one active run at a time. */
    private static Run run(UserId user, String clientMessageId, Instant startedAt, NodeId node) {
        return run(
                user,
                clientMessageId,
                startedAt,
                node,
                new SessionId(UUID.randomUUID().toString()));
    }

    private static Run run(UserId user, String clientMessageId, Instant startedAt, NodeId node, SessionId session) {
        return new Run(
                RunId.random(),
                session,
                ProjectId.random(),
                user,
                RunState.STARTING,
                clientMessageId,
                startedAt,
                null,
                node);
    }

    @Test
    void runsRememberTheirNodeAndOnlyRunsOfSilentOrUnknownNodesAreReapable() {
        var runs = runs();
        var heartbeats = ports.heartbeats();
        NodeId self = new NodeId("node-a");
        NodeId live = new NodeId("node-b");
        NodeId silent = new NodeId("node-c.example-1");
        UserId olga = UserId.random();
        Run mine = run(olga, "1", T0, self);
        Run livesElsewhere = run(olga, "2", T0.plusSeconds(1), live);
        Run ofSilent = run(olga, "3", T0.plusSeconds(2), silent);
        Run legacy = run(olga, "4", T0.plusSeconds(3), null);
        Run neverBeat = run(olga, "5", T0.plusSeconds(4), new NodeId("node-d"));
        Run endedOfSilent = run(olga, "6", T0.plusSeconds(5), silent);
        List.of(mine, livesElsewhere, ofSilent, legacy, neverBeat, endedOfSilent)
                .forEach(runs::insert);
        runs.updateState(endedOfSilent.id(), RunState.COMPLETED, T0.plusSeconds(6));
        heartbeats.beat(self, T0.plusSeconds(100));
        heartbeats.beat(silent, T0);
        heartbeats.beat(live, T0.plusSeconds(10));
        heartbeats.beat(live, T0.plusSeconds(100));

        assertThat(runs.findById(ofSilent.id()).orElseThrow()).isEqualTo(ofSilent);
        assertThat(runs.findById(legacy.id()).orElseThrow().nodeId()).isNull();
        assertThat(runs.activeOnNode(self)).extracting(Run::id).containsExactly(mine.id());
        assertThat(runs.activeOnNode(silent)).extracting(Run::id).containsExactly(ofSilent.id());
        assertThat(runs.activeOnSilentNodes(self, T0.plusSeconds(60)))
                .extracting(Run::id)
                .containsExactly(ofSilent.id(), legacy.id(), neverBeat.id());
        // Seen from the silent node itself (back again), its own runs are not "silent".
        assertThat(runs.activeOnSilentNodes(silent, T0.plusSeconds(60)))
                .extracting(Run::id)
                .containsExactly(legacy.id(), neverBeat.id());
    }

    @Test
    void onlyOneOfSeveralReapersEndsARun() {
        var runs = runs();
        Run run = run(UserId.random(), "1", T0, new NodeId("gone"));
        runs.insert(run);
        assertThat(runs.endIfActive(run.id(), RunState.LOST, T0.plusSeconds(5))).isTrue();
        assertThat(runs.endIfActive(run.id(), RunState.LOST, T0.plusSeconds(6))).isFalse();
        assertThat(runs.findById(run.id()).orElseThrow()).isEqualTo(run.withState(RunState.LOST, T0.plusSeconds(5)));
        assertThat(runs.endIfActive(RunId.random(), RunState.LOST, T0)).isFalse();
    }

    static List<RunEvent> everyKind() {
        Map<String, Object> input = new LinkedHashMap<>();
        input.put("file_path", "/w/a.txt");
        input.put("content", "hi");
        input.put("nothing", null);
        input.put("nested", Map.of("list", List.of(1, "two", true)));
        return List.of(
                new RunEvent.RunStarted(
                        "s-1",
                        "claude-sonnet",
                        "/w",
                        "default",
                        List.of("Bash", "Write"),
                        "2.1.328",
                        List.of("compact", "deploy-docs")),
                new RunEvent.AssistantDelta("m1", 0, "text", "Hel", null),
                new RunEvent.AssistantText("m1", "Hello", "toolu_parent"),
                new RunEvent.Thinking("m1", "hmm", null),
                new RunEvent.ToolUse("m1", "toolu_1", "Write", input, null),
                new RunEvent.PermissionRequest(
                        "req-1",
                        "Write",
                        "Write file",
                        input,
                        "Write a.txt",
                        List.of(Map.of("type", "addRules")),
                        "toolu_1",
                        "/w/a.txt"),
                new RunEvent.PermissionResolved("req-1", "toolu_1", "Write", "deny", "olga", "no"),
                new RunEvent.ToolResult("toolu_1", "denied", true, null),
                new RunEvent.Status("requesting", Map.of("attempt", 1)),
                new RunEvent.Result(
                        "success",
                        false,
                        "Done",
                        10,
                        20,
                        3,
                        4,
                        0.0123,
                        0.5,
                        1500,
                        1200,
                        2,
                        "end_turn",
                        "completed",
                        List.of("e"),
                        List.of(Map.of("tool_name", "Write")),
                        "s-1"),
                new RunEvent.Error("cli_missing", "no CLI", Map.of("path", "/x")),
                new RunEvent.RunEnded(RunEvent.EndReason.INTERRUPTED));
    }

    @Test
    void everyKindRoundTripsWithSequenceNumbersPerSession() {
        var log = log();
        RunId runId = RunId.random();
        List<RunEvent> events = everyKind();
        List<Long> seqs = new ArrayList<>();
        for (RunEvent event : events) {
            seqs.add(log.append(SESSION, runId, event, T0).seq());
        }
        assertThat(seqs).containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L, 11L, 12L);
        List<LoggedRunEvent> stored = log.after(SESSION, 0, 100);
        assertThat(stored).extracting(LoggedRunEvent::event).containsExactlyElementsOf(events);
        assertThat(stored).allSatisfy(e -> {
            assertThat(e.runId()).isEqualTo(runId);
            assertThat(e.at()).isEqualTo(T0);
            assertThat(e.sessionId()).isEqualTo(SESSION);
        });
        assertThat(log.after(SESSION, 10, 100)).extracting(LoggedRunEvent::seq).containsExactly(11L, 12L);
        assertThat(log.after(SESSION, 0, 2)).extracting(LoggedRunEvent::seq).containsExactly(1L, 2L);
        assertThat(log.lastSeq(SESSION)).isEqualTo(12);

        SessionId other = new SessionId("other-session");
        assertThat(log.lastSeq(other)).isZero();
        assertThat(log.append(other, runId, new RunEvent.RunEnded(RunEvent.EndReason.LOST), T0)
                        .seq())
                .isEqualTo(1);
        assertThat(log.after(other, 0, 10)).hasSize(1);
    }

    @Test
    void firstSeqOfARunIsWhereItsTurnStartsInItsSession() {
        var log = log();
        RunId first = RunId.random();
        RunId second = RunId.random();
        log.append(SESSION, first, new RunEvent.Status("a", Map.of()), T0);
        log.append(SESSION, first, new RunEvent.RunEnded(RunEvent.EndReason.COMPLETED), T0);
        log.append(SESSION, second, new RunEvent.Status("b", Map.of()), T0.plusSeconds(3600));
        log.append(SESSION, second, new RunEvent.Status("c", Map.of()), T0.plusSeconds(3600));
        assertThat(log.firstSeqOfRun(SESSION, first)).isEqualTo(1);
        assertThat(log.firstSeqOfRun(SESSION, second)).isEqualTo(3);
        assertThat(log.firstSeqOfRun(new SessionId("other-session"), second)).isZero();
        assertThat(log.firstSeqOfRun(SESSION, RunId.random())).isZero();
        log.deleteOlderThan(T0.plusSeconds(60));
        assertThat(log.firstSeqOfRun(SESSION, first)).isZero();
    }

    @Test
    void retentionForgetsOldEventsButNeverReusesTheirNumbers() {
        var log = log();
        RunId runId = RunId.random();
        log.append(SESSION, runId, new RunEvent.Status("old", Map.of()), T0);
        log.append(SESSION, runId, new RunEvent.Status("old", Map.of()), T0);
        log.append(SESSION, runId, new RunEvent.Status("new", Map.of()), T0.plusSeconds(3600));
        assertThat(log.deleteOlderThan(T0.plusSeconds(60))).isEqualTo(2);
        assertThat(log.after(SESSION, 0, 10)).extracting(LoggedRunEvent::seq).containsExactly(3L);
        assertThat(log.append(SESSION, runId, new RunEvent.Status("next", Map.of()), T0.plusSeconds(7200))
                        .seq())
                .isEqualTo(4);
    }

    @Test
    void runsAreIdempotentByUserAndClientMessageId() {
        var runs = runs();
        UserId olga = UserId.random();
        UserId paul = UserId.random();
        Run first = run(olga, "msg-1", T0);
        assertThat(runs.insert(first)).isTrue();
        assertThat(runs.insert(run(olga, "msg-1", T0.plusSeconds(1)))).isFalse();
        assertThat(runs.insert(run(paul, "msg-1", T0.plusSeconds(1))))
                .as("another user's id")
                .isTrue();
        assertThat(runs.findByClientMessageId(olga, "msg-1")).contains(first);
        assertThat(runs.findByClientMessageId(olga, "msg-2")).isEmpty();
        assertThat(runs.findById(first.id())).contains(first);
        assertThat(runs.findById(RunId.random())).isEmpty();
    }

    @Test
    void statesAreUpdatedListedAndPruned() {
        var runs = runs();
        UserId olga = UserId.random();
        UserId paul = UserId.random();
        Run older = run(olga, "a", T0, null, SESSION);
        Run newer = run(olga, "b", T0.plusSeconds(10), null, SESSION);
        Run pauls = run(paul, "c", T0.plusSeconds(5));
        runs.insert(older);
        runs.updateState(older.id(), RunState.COMPLETED, T0.plusSeconds(2));
        List.of(newer, pauls).forEach(runs::insert);
        runs.updateState(newer.id(), RunState.RUNNING, null);

        assertThat(runs.findById(older.id()).orElseThrow())
                .isEqualTo(older.withState(RunState.COMPLETED, T0.plusSeconds(2)));
        assertThat(runs.list(olga, false, 10)).extracting(Run::id).containsExactly(newer.id(), older.id());
        assertThat(runs.list(olga, true, 10)).extracting(Run::id).containsExactly(newer.id());
        assertThat(runs.list(null, false, 10)).extracting(Run::id).containsExactly(newer.id(), pauls.id(), older.id());
        assertThat(runs.list(null, false, 1)).extracting(Run::id).containsExactly(newer.id());
        assertThat(runs.latestOfSession(SESSION).orElseThrow().id()).isEqualTo(newer.id());
        assertThat(runs.latestOfSession(new SessionId("never-run"))).isEmpty();

        assertThat(runs.deleteEndedBefore(T0.plusSeconds(60))).isEqualTo(1);
        assertThat(runs.findById(older.id())).isEmpty();
        assertThat(runs.findById(newer.id())).isPresent();
    }

    @Test
    void aSessionHasOneActiveRunOnWhicheverNode() {
        var runs = runs();
        UserId olga = UserId.random();
        Run onA = run(olga, "a", T0, new NodeId("node-a"), SESSION);
        assertThat(runs.insert(onA)).isTrue();
        assertThat(runs.activeOfSession(SESSION)).contains(onA);

        for (RunState active : List.of(RunState.RUNNING, RunState.AWAITING_PERMISSION, RunState.INTERRUPTING)) {
            runs.updateState(onA.id(), active, null);
            Run onB = run(UserId.random(), "b", T0.plusSeconds(1), new NodeId("node-b"), SESSION);
            assertThat(runs.insert(onB))
                    .as("a second run while the first is " + active)
                    .isFalse();
            assertThat(runs.findById(onB.id())).isEmpty();
        }
        assertThat(runs.insert(run(olga, "c", T0.plusSeconds(1), new NodeId("node-b"))))
                .as("another session")
                .isTrue();

        runs.updateState(onA.id(), RunState.INTERRUPTED, T0.plusSeconds(2));
        assertThat(runs.activeOfSession(SESSION)).isEmpty();
        Run next = run(olga, "d", T0.plusSeconds(3), new NodeId("node-b"), SESSION);
        assertThat(runs.insert(next)).as("once the first has ended").isTrue();
        assertThat(runs.activeOfSession(SESSION)).contains(next);
    }
}
