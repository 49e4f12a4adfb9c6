package dev.ccui.application.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ccui.application.audit.Auditor;
import dev.ccui.application.run.port.in.PermissionAnswer;
import dev.ccui.application.run.port.out.RunSpec;
import dev.ccui.application.testing.FakeClaudeRunner;
import dev.ccui.application.testing.FakeClaudeRunner.FakeProcess;
import dev.ccui.application.testing.InMemoryAuditRepository;
import dev.ccui.application.testing.InMemoryRunStore;
import dev.ccui.application.testing.MutableClock;
import dev.ccui.application.testing.SyncEventBus;
import dev.ccui.domain.auth.AuthMethod;
import dev.ccui.domain.auth.Principal;
import dev.ccui.domain.error.ConflictException;
import dev.ccui.domain.error.InvalidException;
import dev.ccui.domain.events.AppEvent;
import dev.ccui.domain.permission.ToolRules;
import dev.ccui.domain.project.ProjectId;
import dev.ccui.domain.run.LoggedRunEvent;
import dev.ccui.domain.run.NodeId;
import dev.ccui.domain.run.PermissionDecision;
import dev.ccui.domain.run.PermissionMode;
import dev.ccui.domain.run.Run;
import dev.ccui.domain.run.RunEvent;
import dev.ccui.domain.run.RunId;
import dev.ccui.domain.run.RunState;
import dev.ccui.domain.session.SessionId;
import dev.ccui.domain.user.Role;
import dev.ccui.domain.user.UserId;
import dev.ccui.domain.user.Username;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The permission state machine of one session, on a fake CLI and delayed tasks fired by hand. */
class LiveSessionTest {
    private static final Instant T0 = Instant.parse("2026-05-01T12:00:00Z");

    private final MutableClock clock = new MutableClock(T0);
    private final InMemoryRunStore store = new InMemoryRunStore();
    private final ManualTasks timers = new ManualTasks();
    private final FakeClaudeRunner runner = new FakeClaudeRunner();
    private final SyncEventBus bus = new SyncEventBus();
    private final Principal olga =
            new Principal(UserId.random(), new Username("olga"), Role.MEMBER, AuthMethod.BEARER, null, null, Set.of());
    private final SessionId sessionId = new SessionId(UUID.randomUUID().toString());
    private final Run run = new Run(
            RunId.random(),
            sessionId,
            ProjectId.random(),
            olga.userId(),
            RunState.STARTING,
            "m1",
            T0,
            null,
            new NodeId("local"));
    private LiveSession live;
    private FakeProcess cli;

    @BeforeEach
    void startARun() {
        store.insert(run);
        var services = new LiveSession.Services(
                store,
                new RunEventPublisher(store, bus, clock),
                new Auditor(new InMemoryAuditRepository(), clock),
                clock,
                Duration.ofMinutes(5),
                timers,
                ended -> {});
        live = new LiveSession(sessionId, services, ToolRules.NONE, gone -> {});
        live.begin(run, olga);
        cli = (FakeProcess) runner.start(RunSpec.newSession(Path.of("/w/app"), sessionId), live);
        live.attach(cli);
        cli.emit(new RunEvent.RunStarted(sessionId.value(), "m", "/w/app", "default", List.of(), "2"));
    }

    private static RunEvent.PermissionRequest write(String requestId) {
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

    private List<RunEvent.PermissionResolved> resolutions() {
        return store.all(sessionId).stream()
                .map(LoggedRunEvent::event)
                .filter(RunEvent.PermissionResolved.class::isInstance)
                .map(RunEvent.PermissionResolved.class::cast)
                .toList();
    }

    private RunState state() {
        return store.findById(run.id()).orElseThrow().state();
    }

    @Test
    void theRunSaysItWaitsBeforeAnyoneHearsTheRequest() throws Exception {
        List<RunState> seenWithTheRequest = new ArrayList<>();
        try (var ignored = bus.subscribe(e -> {
            if (e instanceof AppEvent.RunEventLogged logged
                    && logged.logged().event() instanceof RunEvent.PermissionRequest) {
                seenWithTheRequest.add(state());
            }
        })) {
            cli.emit(write("r1"));
        }
        assertThat(seenWithTheRequest).containsExactly(RunState.AWAITING_PERMISSION);
    }

    @Test
    void theFirstDecisionWinsAndTheCliRunsTheToolWithTheInputItAskedAbout() {
        cli.emit(write("r1"));
        assertThat(state()).isEqualTo(RunState.AWAITING_PERMISSION);

        live.decide(run.id(), "r1", new PermissionAnswer(true, null, false), "olga");

        assertThatThrownBy(() -> live.decide(run.id(), "r1", new PermissionAnswer(false, "no", false), "paul"))
                .isInstanceOf(ConflictException.class)
                .hasMessageContaining("already decided");
        assertThat(cli.answers().get("r1"))
                .isEqualTo(new PermissionDecision.Allow(Map.of("file_path", "/w/app/a.txt"), List.of()));
        assertThat(resolutions())
                .extracting(RunEvent.PermissionResolved::decidedBy)
                .containsExactly("olga");
        assertThat(state()).isEqualTo(RunState.RUNNING);
        assertThat(timers.waiting()).as("the decision stopped the timeout").isZero();
    }

    @Test
    void aRequestOfAnotherRunIsNotThisRunsToDecide() {
        cli.emit(write("r1"));

        assertThatThrownBy(() -> live.decide(RunId.random(), "r1", new PermissionAnswer(true, null, false), "olga"))
                .isInstanceOf(ConflictException.class);
        live.decide(run.id(), "r1", new PermissionAnswer(false, null, false), "olga");
        assertThat(cli.answers().get("r1")).isInstanceOf(PermissionDecision.Deny.class);
    }

    @Test
    void anUnansweredRequestIsDeniedWhenItsTimeComesAndNobodyCanAnswerItAfterwards() {
        cli.emit(write("r1"));

        timers.elapse();

        assertThat(cli.answers().get("r1")).isInstanceOf(PermissionDecision.Deny.class);
        assertThat(resolutions()).singleElement().satisfies(resolved -> {
            assertThat(resolved.decidedBy()).isEqualTo("timeout");
            assertThat(resolved.message()).isEqualTo("No decision within 300 s: denied.");
        });
        assertThat(state()).isEqualTo(RunState.RUNNING);
        assertThatThrownBy(() -> live.decide(run.id(), "r1", new PermissionAnswer(true, null, false), "olga"))
                .isInstanceOf(ConflictException.class);
    }

    @Test
    void anInterruptedTurnClearsItsPendingRequestWhenTheCliGivesUpOnIt() {
        cli.emit(write("r1"));

        live.interrupt(run.id());
        cli.cancelPermission("r1");
        cli.emit(new RunEvent.RunEnded(RunEvent.EndReason.INTERRUPTED));

        assertThat(resolutions())
                .containsExactly(new RunEvent.PermissionResolved(
                        "r1", "toolu_r1", "Write", "deny", "cli", "the turn was interrupted before an answer"));
        assertThat(timers.waiting()).as("no timeout denies it later").isZero();
        assertThatThrownBy(() -> live.decide(run.id(), "r1", new PermissionAnswer(true, null, false), "olga"))
                .isInstanceOf(ConflictException.class);
        assertThat(cli.answers())
                .as("nothing was answered to a request the CLI gave up on")
                .isEmpty();
        assertThat(state()).isEqualTo(RunState.INTERRUPTED);
    }

    @Test
    void theEndOfTheRunVoidsItsPendingRequestsEvenWhenTheCliSaidNothingAboutThem() {
        cli.emit(write("r1"));

        cli.emit(new RunEvent.RunEnded(RunEvent.EndReason.INTERRUPTED));

        assertThat(timers.waiting()).isZero();
        assertThatThrownBy(() -> live.decide(run.id(), "r1", new PermissionAnswer(true, null, false), "olga"))
                .isInstanceOf(ConflictException.class);
    }

    @Test
    void theCliGivingUpOnARequestSomeoneAnsweredChangesNothing() {
        cli.emit(write("r1"));
        live.decide(run.id(), "r1", new PermissionAnswer(true, null, false), "olga");

        cli.cancelPermission("r1");

        assertThat(resolutions())
                .extracting(RunEvent.PermissionResolved::decidedBy)
                .containsExactly("olga");
    }

    @Test
    void aRememberedToolIsAllowedForTheRestOfTheSessionWithoutAsking() {
        cli.emit(write("r1"));
        live.decide(run.id(), "r1", new PermissionAnswer(true, null, true), "olga");

        cli.emit(write("r2"));

        assertThat(cli.answers().get("r2")).isInstanceOf(PermissionDecision.Allow.class);
        assertThat(resolutions())
                .extracting(RunEvent.PermissionResolved::decidedBy)
                .containsExactly("olga", "session_rule");
        assertThat(timers.waiting()).isZero();
        assertThat(state()).isEqualTo(RunState.RUNNING);
    }

    private static RunEvent.PermissionRequest question(String requestId) {
        Map<String, Object> asked = Map.of(
                "question",
                "Which database?",
                "header",
                "Database",
                "multiSelect",
                false,
                "options",
                List.of(
                        Map.of("label", "PostgreSQL", "description", "a server"),
                        Map.of("label", "SQLite", "description", "a file")));
        return new RunEvent.PermissionRequest(
                requestId,
                "AskUserQuestion",
                "AskUserQuestion",
                Map.of("questions", List.of(asked)),
                null,
                List.of(),
                "toolu_" + requestId,
                null);
    }

    private static RunEvent.PermissionRequest plan(String requestId) {
        return new RunEvent.PermissionRequest(
                requestId,
                "ExitPlanMode",
                "ExitPlanMode",
                Map.of("plan", "# Plan\n1. write", "planFilePath", "/h/.claude/plans/p.md"),
                null,
                List.of(),
                "toolu_" + requestId,
                null);
    }

    @Test
    void theAnswersToAQuestionTravelInTheInputTheCliRunsTheToolWith() {
        cli.emit(question("q1"));

        live.decide(
                run.id(),
                "q1",
                new PermissionAnswer(true, null, false, Map.of("Which database?", "SQLite"), null),
                "olga");

        PermissionDecision.Allow allow =
                (PermissionDecision.Allow) cli.answers().get("q1");
        assertThat(allow.updatedInput())
                .containsEntry("answers", Map.of("Which database?", "SQLite"))
                .containsKey("questions");
        assertThat(resolutions())
                .extracting(RunEvent.PermissionResolved::decidedBy)
                .containsExactly("olga");
    }

    @Test
    void anAnswerToAQuestionNotAskedIsRefusedAndTheQuestionStaysOpenForAGoodOne() {
        cli.emit(question("q1"));

        assertThatThrownBy(() -> live.decide(
                        run.id(),
                        "q1",
                        new PermissionAnswer(true, null, false, Map.of("Which colour?", "red"), null),
                        "olga"))
                .isInstanceOf(InvalidException.class);
        assertThat(cli.answers()).doesNotContainKey("q1");
        assertThat(state()).isEqualTo(RunState.AWAITING_PERMISSION);

        live.decide(
                run.id(),
                "q1",
                new PermissionAnswer(true, null, false, Map.of("Which database?", "Both, really"), null),
                "olga");
        assertThat(((PermissionDecision.Allow) cli.answers().get("q1")).updatedInput())
                .containsEntry("answers", Map.of("Which database?", "Both, really"));
    }

    @Test
    void aPlanApprovedWithAcceptedEditsLeavesTheSessionInAcceptEditsAndKeepPlanningSendsTheComment() {
        cli.emit(plan("p1"));
        live.decide(
                run.id(), "p1", new PermissionAnswer(true, null, false, Map.of(), PermissionMode.ACCEPT_EDITS), "olga");
        assertThat(cli.answers().get("p1"))
                .isEqualTo(new PermissionDecision.Allow(
                        plan("p1").input(),
                        List.of(Map.of("type", "setMode", "mode", "acceptEdits", "destination", "session"))));

        cli.emit(plan("p2"));
        assertThatThrownBy(() -> live.decide(
                        run.id(),
                        "p2",
                        new PermissionAnswer(true, null, false, Map.of(), PermissionMode.BYPASS_PERMISSIONS),
                        "olga"))
                .isInstanceOf(InvalidException.class);
        live.decide(run.id(), "p2", new PermissionAnswer(false, "Add a README first", false), "olga");
        assertThat(cli.answers().get("p2")).isEqualTo(new PermissionDecision.Deny("Add a README first", false));
    }

    @Test
    void aQuestionIsAskedEveryTimeEvenAfterSomeoneSaidAlwaysAllow() {
        cli.emit(question("q1"));
        live.decide(run.id(), "q1", new PermissionAnswer(true, null, true), "olga");

        cli.emit(question("q2"));

        assertThat(cli.answers()).doesNotContainKey("q2");
        assertThat(state()).isEqualTo(RunState.AWAITING_PERMISSION);
    }
}
