package dev.ccui.application.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ccui.application.audit.Auditor;
import dev.ccui.application.common.ClientInfo;
import dev.ccui.application.run.port.in.EventSubscription;
import dev.ccui.application.run.port.in.PermissionAnswer;
import dev.ccui.application.run.port.in.StartRunCommand;
import dev.ccui.application.run.port.in.StartedRun;
import dev.ccui.application.testing.FakeClaudeRunner;
import dev.ccui.application.testing.FakeClaudeRunner.FakeProcess;
import dev.ccui.application.testing.InMemoryAuditRepository;
import dev.ccui.application.testing.InMemoryProjectRepository;
import dev.ccui.application.testing.InMemoryQueuedMessages;
import dev.ccui.application.testing.InMemoryRunStore;
import dev.ccui.application.testing.InMemoryUserRepository;
import dev.ccui.application.testing.MutableClock;
import dev.ccui.application.testing.SyncEventBus;
import dev.ccui.domain.audit.AuditAction;
import dev.ccui.domain.audit.AuditEntry;
import dev.ccui.domain.auth.AuthMethod;
import dev.ccui.domain.auth.Principal;
import dev.ccui.domain.error.ConflictException;
import dev.ccui.domain.error.NotFoundException;
import dev.ccui.domain.error.TooManyRequestsException;
import dev.ccui.domain.error.UnavailableException;
import dev.ccui.domain.project.Project;
import dev.ccui.domain.project.ProjectId;
import dev.ccui.domain.run.LoggedRunEvent;
import dev.ccui.domain.run.NodeId;
import dev.ccui.domain.run.PermissionDecision;
import dev.ccui.domain.run.Run;
import dev.ccui.domain.run.RunEvent;
import dev.ccui.domain.run.RunState;
import dev.ccui.domain.session.SessionId;
import dev.ccui.domain.user.Role;
import dev.ccui.domain.user.UserId;
import dev.ccui.domain.user.Username;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class RunServiceTest {
    private static final Instant T0 = Instant.parse("2026-05-01T12:00:00Z");
    private static final ClientInfo CLIENT = new ClientInfo("10.0.0.1", "test");

    private final MutableClock clock = new MutableClock(T0);
    private final FakeClaudeRunner runner = new FakeClaudeRunner();
    private final InMemoryRunStore store = new InMemoryRunStore();
    private final InMemoryProjectRepository projects = new InMemoryProjectRepository();
    private final InMemoryAuditRepository audit = new InMemoryAuditRepository();
    private final SyncEventBus bus = new SyncEventBus();
    private final InMemoryQueuedMessages queue = new InMemoryQueuedMessages();
    private final InMemoryUserRepository users = new InMemoryUserRepository();
    private final Principal olga = principal("olga", Role.MEMBER);
    private final Principal paul = principal("paul", Role.MEMBER);
    private final Project project = project(olga.userId(), "/w/app");
    private RunService service = service(RunSettings.defaults());

    private RunService service(RunSettings settings) {
        return new RunService(
                runner,
                store,
                store,
                store,
                projects,
                id -> Optional.empty(),
                bus,
                new Auditor(audit, clock),
                clock,
                settings,
                queue,
                store,
                users);
    }

    @AfterEach
    void close() {
        service.close();
    }

    private static Principal principal(String name, Role role) {
        return new Principal(UserId.random(), new Username(name), role, AuthMethod.BEARER, null, null, Set.of());
    }

    private Project project(UserId owner, String path) {
        Project created = new Project(ProjectId.random(), path, "app", false, false, false, false, owner, T0, T0);
        projects.insert(created);
        return created;
    }

    private static StartRunCommand prompt(Project project, SessionId session, String text, String clientMessageId) {
        return new StartRunCommand(project.id(), session, text, List.of(), null, null, List.of(), clientMessageId);
    }

    private List<String> kinds(SessionId session) {
        return store.all(session).stream().map(e -> e.event().kind()).toList();
    }

    private static RunEvent.PermissionRequest writeRequest(String requestId) {
        return new RunEvent.PermissionRequest(
                requestId,
                "Write",
                "Write",
                Map.of("file_path", "/w/app/a.txt"),
                null,
                List.of(),
                "toolu_" + requestId,
                null);
    }

    private List<AuditEntry> audits(AuditAction action) {
        return audit.all().stream().filter(e -> e.action() == action).toList();
    }

    @Test
    void aNewSessionRunsTheCliAndLogsEveryEventInOrder() {
        StartedRun started = service.start(olga, prompt(project, null, "hello", "m1"), CLIENT);
        FakeProcess cli = runner.last();
        assertThat(cli.spec.resume()).isFalse();
        assertThat(cli.spec.sessionId()).isEqualTo(started.sessionId());
        assertThat(cli.spec.cwd().toString()).isEqualTo("/w/app");
        assertThat(cli.turns).containsExactly("hello");
        assertThat(service.get(olga, started.runId()).state()).isEqualTo(RunState.STARTING);

        cli.completeTurn("Hi!");
        assertThat(kinds(started.sessionId()))
                .containsExactly("run_started", "assistant_delta", "assistant_text", "result", "run_ended");
        assertThat(store.all(started.sessionId()))
                .extracting(LoggedRunEvent::seq)
                .containsExactly(1L, 2L, 3L, 4L, 5L);
        Run run = service.get(olga, started.runId());
        assertThat(run.state()).isEqualTo(RunState.COMPLETED);
        assertThat(run.endedAt()).isEqualTo(T0);
        assertThat(audits(AuditAction.RUN_STARTED))
                .singleElement()
                .satisfies(e -> assertThat(e.actorUsername()).isEqualTo("olga"));
        assertThat(audits(AuditAction.RUN_STOPPED))
                .singleElement()
                .satisfies(e -> assertThat(e.detail()).isEqualTo("ended completed"));

        StartedRun next = service.start(olga, prompt(project, started.sessionId(), "again", "m2"), CLIENT);
        assertThat(runner.started()).as("the same process takes the next turn").hasSize(1);
        assertThat(cli.turns).containsExactly("hello", "again");
        cli.completeTurn("Again!");
        assertThat(store.all(started.sessionId()))
                .extracting(LoggedRunEvent::seq)
                .endsWith(10L);
        assertThat(store.all(started.sessionId()).getLast().runId()).isEqualTo(next.runId());
    }

    @Test
    void theSameClientMessageIdReturnsTheSameRun() {
        StartedRun first = service.start(olga, prompt(project, null, "hello", "m1"), CLIENT);
        StartedRun again = service.start(olga, prompt(project, null, "hello", "m1"), CLIENT);
        assertThat(again).isEqualTo(first);
        assertThat(runner.started()).hasSize(1);
        assertThat(runner.last().turns).containsExactly("hello");
    }

    @Test
    void aSessionHasOneActiveRunAndOthersCannotUseIt() {
        StartedRun first = service.start(olga, prompt(project, null, "hello", "m1"), CLIENT);
        assertThatThrownBy(() -> service.start(olga, prompt(project, first.sessionId(), "more", "m2"), CLIENT))
                .isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> service.start(paul, prompt(project, null, "x", "p1"), CLIENT))
                .hasMessageContaining("not shared");
        assertThatThrownBy(() -> service.get(paul, first.runId())).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> service.events(paul, first.sessionId(), 0, 10)).hasMessageContaining("not shared");
        projects.addMember(project.id(), paul.userId());
        assertThat(service.get(paul, first.runId()).id()).isEqualTo(first.runId());
    }

    @Test
    void perUserAndGlobalLimitsRefuseWith429() {
        service.close();
        service = service(new RunSettings(
                2, 3, Duration.ofMinutes(5), Duration.ofDays(30), new NodeId("local"), Duration.ofMinutes(2)));
        projects.addMember(project.id(), paul.userId());
        service.start(olga, prompt(project, null, "1", "o1"), CLIENT);
        service.start(olga, prompt(project, null, "2", "o2"), CLIENT);
        assertThatThrownBy(() -> service.start(olga, prompt(project, null, "3", "o3"), CLIENT))
                .isInstanceOf(TooManyRequestsException.class)
                .hasMessageContaining("limit is 2");
        service.start(paul, prompt(project, null, "1", "p1"), CLIENT);
        assertThatThrownBy(() -> service.start(paul, prompt(project, null, "2", "p2"), CLIENT))
                .isInstanceOf(TooManyRequestsException.class)
                .hasMessageContaining("limit of 3");
        runner.started().getFirst().completeTurn("done");
        assertThat(service.start(paul, prompt(project, null, "2", "p2"), CLIENT))
                .isNotNull();
        assertThat(service.activeRuns()).isEqualTo(3);
    }

    @Test
    void idleProcessesAreKeptUpToTheRunLimitAndTheLeastRecentlyUsedEndsFirst() {
        service.close();
        service = service(new RunSettings(
                5, 2, Duration.ofMinutes(5), Duration.ofDays(30), new NodeId("local"), Duration.ofMinutes(2)));
        StartedRun first = service.start(olga, prompt(project, null, "1", "i1"), CLIENT);
        runner.last().completeTurn("done");
        StartedRun second = service.start(olga, prompt(project, null, "2", "i2"), CLIENT);
        runner.last().completeTurn("done");
        assertThat(runner.started()).allMatch(FakeProcess::isAlive);

        // A third session's process: two are idle already, so the one used least recently ends.
        service.start(olga, prompt(project, null, "3", "i3"), CLIENT);
        assertThat(runner.started().get(0).isAlive())
                .as("the first session's idle CLI")
                .isFalse();
        assertThat(runner.started().get(1).isAlive())
                .as("the second session's idle CLI")
                .isTrue();
        runner.last().completeTurn("done");

        // The second session still has its process; the first resumes in a fresh one.
        service.start(olga, prompt(project, second.sessionId(), "again", "i4"), CLIENT);
        assertThat(runner.started()).hasSize(3);
        runner.started().get(1).completeTurn("done");
        service.start(olga, prompt(project, first.sessionId(), "again", "i5"), CLIENT);
        assertThat(runner.started()).hasSize(4);
        assertThat(runner.last().spec.sessionId()).isEqualTo(first.sessionId());
        assertThat(store.findById(first.runId()).orElseThrow().state()).isEqualTo(RunState.COMPLETED);
    }

    @Test
    void exactlyOnePermissionDecisionWinsAndRememberAllowsTheToolForTheSession() {
        StartedRun started = service.start(olga, prompt(project, null, "write", "m1"), CLIENT);
        FakeProcess cli = runner.last();
        cli.emit(writeRequest("r1"));
        assertThat(service.get(olga, started.runId()).state()).isEqualTo(RunState.AWAITING_PERMISSION);

        service.decide(olga, started.runId(), "r1", new PermissionAnswer(true, null, true), CLIENT);
        assertThatThrownBy(() ->
                        service.decide(olga, started.runId(), "r1", new PermissionAnswer(false, "no", false), CLIENT))
                .isInstanceOf(ConflictException.class);
        assertThat(cli.answers()).containsOnlyKeys("r1");
        assertThat(cli.answers().get("r1")).isInstanceOf(PermissionDecision.Allow.class);
        assertThat(service.get(olga, started.runId()).state()).isEqualTo(RunState.RUNNING);

        cli.emit(writeRequest("r2"));
        assertThat(cli.answers().get("r2"))
                .as("remembered for the session")
                .isInstanceOf(PermissionDecision.Allow.class);
        List<RunEvent.PermissionResolved> resolved = store.all(started.sessionId()).stream()
                .map(LoggedRunEvent::event)
                .filter(RunEvent.PermissionResolved.class::isInstance)
                .map(RunEvent.PermissionResolved.class::cast)
                .toList();
        assertThat(resolved).extracting(RunEvent.PermissionResolved::decidedBy).containsExactly("olga", "session_rule");
        assertThat(audits(AuditAction.PERMISSION_DECIDED))
                .singleElement()
                .satisfies(e -> assertThat(e.detail()).startsWith("allow Write (remember)"));
    }

    @Test
    void aDenialReachesTheCliTheLogAndTheAudit() {
        StartedRun started = service.start(olga, prompt(project, null, "write", "m1"), CLIENT);
        FakeProcess cli = runner.last();
        cli.emit(writeRequest("r1"));
        service.decide(olga, started.runId(), "r1", new PermissionAnswer(false, "not that file", false), CLIENT);
        assertThat(((PermissionDecision.Deny) cli.answers().get("r1")).message())
                .isEqualTo("not that file");
        RunEvent last = store.all(started.sessionId()).getLast().event();
        assertThat(last)
                .isEqualTo(new RunEvent.PermissionResolved("r1", "toolu_r1", "Write", "deny", "olga", "not that file"));
        assertThat(audits(AuditAction.PERMISSION_DECIDED))
                .singleElement()
                .satisfies(e -> assertThat(e.detail()).startsWith("deny Write"));
    }

    @Test
    void racingDecisionsHaveOneWinner() throws Exception {
        StartedRun started = service.start(olga, prompt(project, null, "write", "m1"), CLIENT);
        runner.last().emit(writeRequest("r1"));
        List<Object> outcomes = new CopyOnWriteArrayList<>();
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            boolean allow = i % 2 == 0;
            threads.add(Thread.ofPlatform().start(() -> {
                try {
                    service.decide(olga, started.runId(), "r1", new PermissionAnswer(allow, null, false), CLIENT);
                    outcomes.add("won");
                } catch (ConflictException e) {
                    outcomes.add(e);
                }
            }));
        }
        for (Thread thread : threads) {
            thread.join();
        }
        assertThat(outcomes).filteredOn("won"::equals).hasSize(1);
        assertThat(outcomes).filteredOn(ConflictException.class::isInstance).hasSize(7);
        assertThat(kinds(started.sessionId()))
                .filteredOn("permission_resolved"::equals)
                .hasSize(1);
    }

    @Test
    void anUnansweredRequestIsDeniedAfterTheTimeout() throws Exception {
        service.close();
        service = service(new RunSettings(
                3, 10, Duration.ofMillis(50), Duration.ofDays(30), new NodeId("local"), Duration.ofMinutes(2)));
        StartedRun started = service.start(olga, prompt(project, null, "write", "m1"), CLIENT);
        BlockingQueue<LoggedRunEvent> seen = new ArrayBlockingQueue<>(100);
        service.subscribe(olga, started.sessionId(), 0, seen::add).replay();
        runner.last().emit(writeRequest("r1"));
        LoggedRunEvent resolved;
        do {
            resolved = seen.poll(5, TimeUnit.SECONDS);
        } while (resolved != null && !(resolved.event() instanceof RunEvent.PermissionResolved));
        assertThat(resolved).isNotNull();
        assertThat(((RunEvent.PermissionResolved) resolved.event()).decidedBy()).isEqualTo("timeout");
        assertThat(runner.last().answers().get("r1")).isInstanceOf(PermissionDecision.Deny.class);
        assertThatThrownBy(() ->
                        service.decide(olga, started.runId(), "r1", new PermissionAnswer(true, null, false), CLIENT))
                .isInstanceOf(ConflictException.class);
    }

    @Test
    void interruptAsksTheCliAndTheRunEndsInterrupted() {
        StartedRun started = service.start(olga, prompt(project, null, "slow", "m1"), CLIENT);
        FakeProcess cli = runner.last();
        service.interrupt(olga, started.runId(), CLIENT);
        assertThat(cli.interrupts).isEqualTo(1);
        assertThat(service.get(olga, started.runId()).state()).isEqualTo(RunState.INTERRUPTING);
        cli.emit(new RunEvent.RunEnded(RunEvent.EndReason.INTERRUPTED));
        assertThat(service.get(olga, started.runId()).state()).isEqualTo(RunState.INTERRUPTED);
        service.interrupt(olga, started.runId(), CLIENT);
        assertThat(cli.interrupts).as("an ended run is left alone").isEqualTo(1);
        assertThat(service.start(olga, prompt(project, started.sessionId(), "next", "m2"), CLIENT))
                .isNotNull();
        assertThat(cli.turns).containsExactly("slow", "next");
    }

    @Test
    void aMissingCliFailsTheRunWithAnError() {
        runner.missingCli();
        StartedRun started = service.start(olga, prompt(project, null, "hello", "m1"), CLIENT);
        assertThat(kinds(started.sessionId())).containsExactly("error", "run_ended");
        assertThat(((RunEvent.RunEnded) store.all(started.sessionId()).getLast().event()).reason())
                .isEqualTo(RunEvent.EndReason.FAILED);
        assertThat(service.get(olga, started.runId()).state()).isEqualTo(RunState.FAILED);
        assertThat(service.activeRuns()).isZero();
    }

    @Test
    void aCrashMidRunFailsItAndTheNextPromptResumesInANewProcess() {
        StartedRun started = service.start(olga, prompt(project, null, "hello", "m1"), CLIENT);
        FakeProcess first = runner.last();
        first.emit(new RunEvent.RunStarted(started.sessionId().value(), "m", "/w/app", "default", List.of(), "2"));
        first.crash(137);
        assertThat(kinds(started.sessionId())).containsExactly("run_started", "error", "run_ended");
        assertThat(service.get(olga, started.runId()).state()).isEqualTo(RunState.FAILED);

        service.start(olga, prompt(project, started.sessionId(), "again", "m2"), CLIENT);
        assertThat(runner.started()).hasSize(2);
        assertThat(runner.last().spec.resume())
                .as("a failed session resumes once the index has its transcript")
                .isFalse();
    }

    @Test
    void runsActiveWhenTheAppStoppedAreMarkedLostAndTheirSessionResumes() {
        StartedRun started = service.start(olga, prompt(project, null, "hello", "m1"), CLIENT);
        runner.last()
                .emit(new RunEvent.RunStarted(started.sessionId().value(), "m", "/w/app", "default", List.of(), "2"));
        // A new app over the same store: the old process is gone without a word.
        RunService restarted = service(RunSettings.defaults());
        restarted.recoverAfterRestart();
        assertThat(restarted.get(olga, started.runId()).state()).isEqualTo(RunState.LOST);
        assertThat(((RunEvent.RunEnded) store.all(started.sessionId()).getLast().event()).reason())
                .isEqualTo(RunEvent.EndReason.LOST);

        restarted.start(olga, prompt(project, started.sessionId(), "continue", "m2"), CLIENT);
        assertThat(runner.last().spec.resume()).isTrue();
        assertThat(runner.last().turns).containsExactly("continue");
        restarted.close();
    }

    private RunService node(String name) {
        return service(new RunSettings(
                3, 10, Duration.ofMinutes(5), Duration.ofDays(30), new NodeId(name), Duration.ofMinutes(2)));
    }

    private long runEnds(SessionId sessionId) {
        return store.all(sessionId).stream()
                .filter(e -> e.event() instanceof RunEvent.RunEnded)
                .count();
    }

    @Test
    void aNodeStartingLeavesTheActiveRunsOfAnotherLiveNodeAloneAndRecordsItsOwnNodeOnNewRuns() {
        RunService other = node("node-b");
        other.recoverAfterRestart();
        StartedRun theirs = other.start(olga, prompt(project, null, "hello", "m1"), CLIENT);
        runner.last()
                .emit(new RunEvent.RunStarted(theirs.sessionId().value(), "m", "/w/app", "default", List.of(), "2"));
        assertThat(store.findById(theirs.runId()).orElseThrow().nodeId()).isEqualTo(new NodeId("node-b"));

        RunService starting = node("node-a");
        starting.recoverAfterRestart();
        assertThat(starting.get(olga, theirs.runId()).state()).isEqualTo(RunState.RUNNING);
        assertThat(runEnds(theirs.sessionId())).isZero();
        other.close();
        starting.close();
    }

    @Test
    void theRunsOfANodeSilentForTooLongAreLostOnceEvenWhenSeveralNodesNoticeIt() {
        RunService gone = node("node-b");
        gone.recoverAfterRestart();
        StartedRun theirs = gone.start(olga, prompt(project, null, "hello", "m1"), CLIENT);
        runner.last()
                .emit(new RunEvent.RunStarted(theirs.sessionId().value(), "m", "/w/app", "default", List.of(), "2"));
        RunService a = node("node-a");
        RunService c = node("node-c");
        a.recoverAfterRestart();
        c.recoverAfterRestart();

        clock.advance(Duration.ofSeconds(90));
        a.heartbeat();
        c.heartbeat();
        assertThat(a.get(olga, theirs.runId()).state())
                .as("silent for less than 2 minutes")
                .isEqualTo(RunState.RUNNING);

        clock.advance(Duration.ofSeconds(31));
        a.heartbeat();
        c.heartbeat();
        assertThat(a.get(olga, theirs.runId()).state()).isEqualTo(RunState.LOST);
        assertThat(runEnds(theirs.sessionId())).isEqualTo(1);
        assertThat(((RunEvent.RunEnded) store.all(theirs.sessionId()).getLast().event()).reason())
                .isEqualTo(RunEvent.EndReason.LOST);
        // The beating nodes reaped nobody but the silent one.
        assertThat(store.findById(theirs.runId()).orElseThrow().endedAt()).isEqualTo(clock.instant());
        a.close();
        c.close();
        gone.close();
    }

    @Test
    void heartbeatsComeAtLeastFourTimesWithinTheSilencePeriodAndAtMostEvery30Seconds() {
        assertThat(RunSettings.defaults().heartbeatEvery()).isEqualTo(Duration.ofSeconds(30));
        assertThat(new RunSettings(
                                3,
                                10,
                                Duration.ofMinutes(5),
                                Duration.ofDays(30),
                                new NodeId("n"),
                                Duration.ofSeconds(8))
                        .heartbeatEvery())
                .isEqualTo(Duration.ofSeconds(2));
    }

    @Test
    void aSubscriberGetsTheGapFromTheLogThenLiveEventsWithoutDuplicates() {
        StartedRun started = service.start(olga, prompt(project, null, "hello", "m1"), CLIENT);
        FakeProcess cli = runner.last();
        cli.emit(new RunEvent.RunStarted(started.sessionId().value(), "m", "/w/app", "default", List.of(), "2"));
        cli.emit(new RunEvent.AssistantDelta("m", 0, "text", "a", null));
        cli.emit(new RunEvent.AssistantDelta("m", 0, "text", "b", null));

        List<Long> seen = new CopyOnWriteArrayList<>();
        EventSubscription subscription = service.subscribe(olga, started.sessionId(), 1, e -> seen.add(e.seq()));
        assertThat(subscription.lastSeq()).isEqualTo(3);
        assertThat(subscription.activeRunId()).contains(started.runId());
        assertThat(subscription.activeRunFirstSeq())
                .as("a page opened now replays the turn from here")
                .isEqualTo(1);
        // Published while the subscriber has not replayed yet: held back, then delivered once.
        cli.emit(new RunEvent.AssistantDelta("m", 0, "text", "c", null));
        assertThat(seen).isEmpty();
        subscription.replay();
        assertThat(seen).containsExactly(2L, 3L, 4L);
        cli.completeTurn("done");
        assertThat(seen).containsExactly(2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L);
        subscription.close();
        cli.emit(new RunEvent.Status("after", Map.of()));
        assertThat(seen).hasSize(8);
        try (EventSubscription later = service.subscribe(olga, started.sessionId(), 10, e -> {})) {
            assertThat(later.activeRunId()).isEmpty();
            assertThat(later.activeRunFirstSeq()).isZero();
        }
    }

    @Test
    void closingEndsEveryProcess() {
        StartedRun started = service.start(olga, prompt(project, null, "hello", "m1"), CLIENT);
        service.close();
        assertThat(runner.last().isAlive()).isFalse();
        assertThat(store.findById(started.runId()).orElseThrow().state()).isEqualTo(RunState.FAILED);
    }

    @Test
    void aDrainingNodeTakesNoNewRunFindsTheOnesItTookAndHandsTheActiveOnesOverAsLost() {
        StartedRun started = service.start(olga, prompt(project, null, "write", "m1"), CLIENT);
        runner.last().emit(writeRequest("r1"));
        service.stopTakingRuns();

        assertThatThrownBy(() -> service.start(olga, prompt(project, null, "another", "m2"), CLIENT))
                .isInstanceOfSatisfying(UnavailableException.class, e -> {
                    assertThat(e.code()).isEqualTo("DRAINING");
                    assertThat(e.retryAfter()).contains(Duration.ofSeconds(2));
                });
        assertThat(service.start(olga, prompt(project, null, "write", "m1"), CLIENT))
                .as("a repeat of a prompt already taken")
                .isEqualTo(started);
        // Decisions still reach the run while the node drains.
        service.decide(olga, started.runId(), "r1", new PermissionAnswer(true, null, false), CLIENT);
        assertThat(service.awaitNoActiveRuns(Duration.ofMillis(200))).isFalse();

        assertThat(service.handOverActiveRuns()).isEqualTo(1);
        assertThat(service.get(olga, started.runId()).state()).isEqualTo(RunState.LOST);
        assertThat(store.all(started.sessionId()).getLast().event())
                .isEqualTo(new RunEvent.RunEnded(RunEvent.EndReason.LOST));
        assertThat(service.awaitNoActiveRuns(Duration.ZERO)).isTrue();
        // The process ending afterwards adds nothing: the run already ended.
        runner.last().crash(137);
        assertThat(service.get(olga, started.runId()).state()).isEqualTo(RunState.LOST);
        assertThat(kinds(started.sessionId())).filteredOn("run_ended"::equals).hasSize(1);
    }
}
