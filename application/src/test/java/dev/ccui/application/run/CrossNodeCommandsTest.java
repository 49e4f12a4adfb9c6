package dev.ccui.application.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ccui.application.audit.Auditor;
import dev.ccui.application.common.ClientInfo;
import dev.ccui.application.project.ProjectAccess;
import dev.ccui.application.run.port.in.PermissionAnswer;
import dev.ccui.application.run.port.in.SendOutcome;
import dev.ccui.application.run.port.in.StartRunCommand;
import dev.ccui.application.run.port.in.StartedRun;
import dev.ccui.application.run.port.out.RunCommand;
import dev.ccui.application.run.port.out.RunCommandRelay;
import dev.ccui.application.run.port.out.RunCommandReply;
import dev.ccui.application.testing.FakeClaudeRunner;
import dev.ccui.application.testing.InMemoryAuditRepository;
import dev.ccui.application.testing.InMemoryPermissionRules;
import dev.ccui.application.testing.InMemoryProjectRepository;
import dev.ccui.application.testing.InMemoryQueuedMessages;
import dev.ccui.application.testing.InMemoryRunStore;
import dev.ccui.application.testing.InMemoryUserRepository;
import dev.ccui.application.testing.MutableClock;
import dev.ccui.application.testing.SyncEventBus;
import dev.ccui.domain.auth.AuthMethod;
import dev.ccui.domain.auth.Principal;
import dev.ccui.domain.error.ConflictException;
import dev.ccui.domain.error.ForbiddenException;
import dev.ccui.domain.error.InvalidException;
import dev.ccui.domain.error.NotFoundException;
import dev.ccui.domain.error.UnavailableException;
import dev.ccui.domain.project.Project;
import dev.ccui.domain.project.ProjectId;
import dev.ccui.domain.run.NodeId;
import dev.ccui.domain.run.PermissionDecision;
import dev.ccui.domain.run.Run;
import dev.ccui.domain.run.RunEvent;
import dev.ccui.domain.run.RunId;
import dev.ccui.domain.run.RunState;
import dev.ccui.domain.session.SessionId;
import dev.ccui.domain.user.Role;
import dev.ccui.domain.user.User;
import dev.ccui.domain.user.UserId;
import dev.ccui.domain.user.Username;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Two nodes on one store, joined by a relay in memory that can lose replies or whole nodes. */
class CrossNodeCommandsTest {
    private static final Instant T0 = Instant.parse("2026-05-01T12:00:00Z");
    private static final ClientInfo CLIENT = new ClientInfo("10.0.0.1", "test");
    private static final NodeId A = new NodeId("a");
    private static final NodeId B = new NodeId("b");

    private final MutableClock clock = new MutableClock(T0);
    private final InMemoryRunStore store = new InMemoryRunStore();
    private final InMemoryProjectRepository projects = new InMemoryProjectRepository();
    private final InMemoryAuditRepository audit = new InMemoryAuditRepository();
    private final SyncEventBus bus = new SyncEventBus();
    private final Relay relay = new Relay();
    private final InMemoryQueuedMessages queued = new InMemoryQueuedMessages();
    private final InMemoryUserRepository users = new InMemoryUserRepository();
    private final FakeClaudeRunner runnerA = new FakeClaudeRunner();
    private final Principal olga =
            new Principal(UserId.random(), new Username("olga"), Role.MEMBER, AuthMethod.BEARER, null, null, Set.of());
    private final Project project =
            new Project(ProjectId.random(), "/w/app", "app", false, false, false, false, olga.userId(), T0, T0);
    private final RunService nodeA = node(A, runnerA);
    private final RunService nodeB = node(B, new FakeClaudeRunner());

    /** Delivers synchronously; each delivery can be repeated (as a resend would) or the owner made silent. */
    private static final class Relay implements RunCommandRelay {
        final Map<NodeId, Function<RunCommand, RunCommandReply>> nodes = new ConcurrentHashMap<>();
        final AtomicInteger deliveries = new AtomicInteger();
        volatile int copies = 1;

        @Override
        public boolean connected() {
            return true;
        }

        @Override
        public Optional<RunCommandReply> send(NodeId owner, RunCommand command, Duration timeout) {
            var handler = nodes.get(owner);
            if (handler == null) {
                return Optional.empty();
            }
            RunCommandReply reply = null;
            for (int i = 0; i < copies; i++) {
                deliveries.incrementAndGet();
                reply = handler.apply(command);
            }
            return Optional.of(reply);
        }

        @Override
        public AutoCloseable serve(NodeId self, Function<RunCommand, RunCommandReply> handler) {
            nodes.put(self, handler);
            return () -> nodes.remove(self);
        }
    }

    CrossNodeCommandsTest() {
        projects.insert(project);
        users.insert(new User(olga.userId(), olga.username(), Role.MEMBER, false, "x", T0, T0, null));
        nodeA.recoverAfterRestart();
        nodeB.recoverAfterRestart();
    }

    private RunService node(NodeId id, FakeClaudeRunner runner) {
        RunSettings settings = new RunSettings(
                3, 10, Duration.ofMinutes(5), Duration.ofDays(30), id, Duration.ofMinutes(2), Duration.ofSeconds(1));
        return new RunService(
                runner,
                store,
                store,
                store,
                projects,
                sessionId -> Optional.empty(),
                bus,
                new Auditor(audit, clock),
                clock,
                settings,
                new ProjectAccess(projects),
                queued,
                store,
                users,
                relay,
                new InMemoryPermissionRules());
    }

    @AfterEach
    void close() {
        nodeA.close();
        nodeB.close();
    }

    private StartedRun awaitingOnA(String requestId) {
        StartedRun started = nodeA.start(
                olga,
                new StartRunCommand(project.id(), null, "write", List.of(), null, null, List.of(), "m-" + requestId),
                CLIENT);
        runnerA.last()
                .emit(new RunEvent.PermissionRequest(
                        requestId,
                        "Write",
                        "Write",
                        Map.of("file_path", "/w/app/a.txt"),
                        null,
                        List.of(),
                        "toolu_" + requestId,
                        null));
        return started;
    }

    private long resolvedCount(StartedRun started) {
        return store.all(started.sessionId()).stream()
                .filter(e -> e.event() instanceof RunEvent.PermissionResolved)
                .count();
    }

    private StartRunCommand prompt(SessionId session, String text, String clientMessageId) {
        return new StartRunCommand(project.id(), session, text, List.of(), null, null, List.of(), clientMessageId);
    }

    /** The queue is sent on a thread of its own once a turn ends. */
    private static void await(String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("not within 10 s: " + what).isLessThan(deadline);
            LockSupport.parkNanos(Duration.ofMillis(1).toNanos());
        }
    }

    @Test
    void aPromptToTheOtherNodeWhileTheSessionsTurnRunsIsRefusedOrQueuedAndNeverASecondTurn() {
        StartedRun started = awaitingOnA("r1");

        assertThatThrownBy(() -> nodeB.start(olga, prompt(started.sessionId(), "meanwhile", "m-2"), CLIENT))
                .isInstanceOfSatisfying(
                        ConflictException.class, e -> assertThat(e.code()).isEqualTo("RUN_ACTIVE"));
        SendOutcome outcome = nodeB.sendOrQueue(olga, prompt(started.sessionId(), "after that", "m-3"), CLIENT);

        assertThat(outcome).isInstanceOf(SendOutcome.Queued.class);
        assertThat(store.list(null, true, 10)).extracting(Run::id).containsExactly(started.runId());
        // The turn ends on node a: node a sends what waited, in the same process.
        nodeB.decide(olga, started.runId(), "r1", new PermissionAnswer(true, null, false), CLIENT);
        runnerA.last().completeTurn("written");
        await("node a sends the queued message", () -> runnerA.last().turns.contains("after that"));
        assertThat(store.activeOfSession(started.sessionId()).orElseThrow().nodeId())
                .isEqualTo(A);
        assertThat(queued.ofSession(started.sessionId())).isEmpty();
    }

    @Test
    void sendNowOnTheOtherNodeStopsTheTurnOnItsOwnerAndTheMessageGoesNext() {
        StartedRun started = awaitingOnA("r1");
        var first = (SendOutcome.Queued) nodeB.sendOrQueue(olga, prompt(started.sessionId(), "later", "m-2"), CLIENT);
        var second = (SendOutcome.Queued) nodeB.sendOrQueue(olga, prompt(started.sessionId(), "now", "m-3"), CLIENT);

        SendOutcome outcome =
                nodeB.sendNow(olga, started.sessionId(), second.message().id(), CLIENT);

        assertThat(outcome)
                .isInstanceOfSatisfying(
                        SendOutcome.Queued.class,
                        q -> assertThat(q.interrupting()).isTrue());
        assertThat(runnerA.last().interrupts).isEqualTo(1);
        assertThat(store.findById(started.runId()).orElseThrow().state()).isEqualTo(RunState.INTERRUPTING);
        runnerA.last().emit(new RunEvent.RunEnded(RunEvent.EndReason.INTERRUPTED));
        await("node a sends the message sent now", () -> runnerA.last().turns.contains("now"));
        assertThat(runnerA.last().turns).doesNotContain("later");
        assertThat(queued.ofSession(started.sessionId()))
                .extracting(m -> m.id())
                .containsExactly(first.message().id());
    }

    @Test
    void anotherMemberCannotReachTheSessionThroughTheOtherNodeNorStopItsTurn() {
        StartedRun started = awaitingOnA("r1");
        var waiting = (SendOutcome.Queued) nodeB.sendOrQueue(olga, prompt(started.sessionId(), "mine", "m-2"), CLIENT);
        Principal mallory = new Principal(
                UserId.random(), new Username("mallory"), Role.MEMBER, AuthMethod.BEARER, null, null, Set.of());
        users.insert(new User(mallory.userId(), mallory.username(), Role.MEMBER, false, "x", T0, T0, null));

        // Refused as any request of theirs on this project is, never "busy" nor "queued".
        for (ThrowingCallable attempt : List.<ThrowingCallable>of(
                () -> nodeB.start(mallory, prompt(started.sessionId(), "hijack", "x-1"), CLIENT),
                () -> nodeB.sendOrQueue(mallory, prompt(started.sessionId(), "hijack", "x-2"), CLIENT),
                () -> nodeB.sendNow(
                        mallory, started.sessionId(), waiting.message().id(), CLIENT))) {
            assertThatThrownBy(attempt).isInstanceOfAny(ForbiddenException.class, NotFoundException.class);
        }

        assertThat(runnerA.last().interrupts).isZero();
        assertThat(store.findById(started.runId()).orElseThrow().state()).isEqualTo(RunState.AWAITING_PERMISSION);
        assertThat(queued.ofSession(started.sessionId()))
                .extracting(m -> m.prompt())
                .containsExactly("mine");
    }

    @Test
    void aRunThisNodeLeftActiveWithoutAProcessDoesNotBlockItsSession() {
        SessionId session = new SessionId("left-over");
        Run leftOver = new Run(
                RunId.random(), session, project.id(), olga.userId(), RunState.RUNNING, "m-0", T0, null, A, null, null);
        assertThat(store.insert(leftOver)).isTrue();

        StartedRun started = nodeA.start(olga, prompt(session, "go on", "m-1"), CLIENT);

        assertThat(store.findById(leftOver.id()).orElseThrow().state()).isEqualTo(RunState.LOST);
        assertThat(store.activeOfSession(session).orElseThrow().id()).isEqualTo(started.runId());
        // The same row left by node a blocks node b: node a may still be running it.
        Run onA = store.findById(started.runId()).orElseThrow();
        assertThat(onA.nodeId()).isEqualTo(A);
        assertThatThrownBy(() -> nodeB.start(olga, prompt(session, "from b", "m-2"), CLIENT))
                .isInstanceOfSatisfying(
                        ConflictException.class, e -> assertThat(e.code()).isEqualTo("RUN_ACTIVE"));
    }

    @Test
    void aDecisionDeliveredTwiceIsAppliedOnceAndTheRepeatGetsTheFirstReply() {
        StartedRun started = awaitingOnA("r1");
        relay.copies = 2;
        nodeB.decide(olga, started.runId(), "r1", new PermissionAnswer(true, null, false), CLIENT);
        assertThat(relay.deliveries).hasValue(2);
        assertThat(runnerA.last().answers()).containsOnlyKeys("r1");
        assertThat(runnerA.last().answers().get("r1")).isInstanceOf(PermissionDecision.Allow.class);
        assertThat(resolvedCount(started)).isEqualTo(1);
        assertThat(audit.all())
                .filteredOn(e -> e.detail().startsWith("allow Write"))
                .hasSize(1);

        relay.copies = 1;
        assertThatThrownBy(() ->
                        nodeB.decide(olga, started.runId(), "r1", new PermissionAnswer(false, "no", false), CLIENT))
                .isInstanceOf(ConflictException.class)
                .hasMessage(LiveSession.NOT_PENDING);
    }

    @Test
    void theOwnersRefusalsArriveAsTheSameExceptions() {
        StartedRun started = awaitingOnA("r1");
        // A question's answer to a request that is not a question: the owner's 400 is the caller's 400.
        assertThatThrownBy(() -> nodeB.decide(
                        olga,
                        started.runId(),
                        "r1",
                        new PermissionAnswer(true, null, false, Map.of("Which?", "that"), null),
                        CLIENT))
                .isInstanceOfSatisfying(InvalidException.class, e -> {
                    assertThat(e.field()).contains("answers");
                    assertThat(e.getMessage()).isEqualTo("only a question (AskUserQuestion) takes answers");
                });
        assertThat(resolvedCount(started)).isZero();
        // …and the request stays pending for a good answer, from either node.
        nodeB.decide(olga, started.runId(), "r1", new PermissionAnswer(false, "no", false), CLIENT);
        assertThat(resolvedCount(started)).isEqualTo(1);
    }

    @Test
    void anInterruptReachesTheOwnersProcess() {
        StartedRun started = awaitingOnA("r1");
        nodeB.interrupt(olga, started.runId(), CLIENT);
        assertThat(runnerA.last().interrupts).isEqualTo(1);
        assertThat(store.findById(started.runId()).orElseThrow().state()).isEqualTo(RunState.INTERRUPTING);
    }

    @Test
    void anOwnerStillBeatingButNotAnsweringIsUnavailableAndOneSilentTooLongHasLostTheRun() {
        StartedRun started = awaitingOnA("r1");
        relay.nodes.remove(A);
        store.beat(A, clock.instant());
        assertThatThrownBy(() -> nodeB.interrupt(olga, started.runId(), CLIENT))
                .isInstanceOfSatisfying(
                        UnavailableException.class, e -> assertThat(e.code()).isEqualTo("NODE_UNREACHABLE"));
        assertThat(store.findById(started.runId()).orElseThrow().state()).isEqualTo(RunState.AWAITING_PERMISSION);

        clock.advance(Duration.ofMinutes(3));
        assertThatThrownBy(() ->
                        nodeB.decide(olga, started.runId(), "r1", new PermissionAnswer(true, null, false), CLIENT))
                .isInstanceOfSatisfying(
                        ConflictException.class, e -> assertThat(e.code()).isEqualTo("RUN_LOST"));
        assertThat(store.findById(started.runId()).orElseThrow().state()).isEqualTo(RunState.LOST);
        assertThat(store.all(started.sessionId()).getLast().event())
                .isEqualTo(new RunEvent.RunEnded(RunEvent.EndReason.LOST));
    }
}
