package dev.ccui.adapters.process.claude;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ccui.application.run.port.out.ProcessExit;
import dev.ccui.application.run.port.out.RunSpec;
import dev.ccui.application.run.port.out.RunningProcess;
import dev.ccui.domain.error.UnavailableException;
import dev.ccui.domain.run.PermissionDecision;
import dev.ccui.domain.run.PermissionMode;
import dev.ccui.domain.run.RunEvent;
import dev.ccui.domain.session.SessionId;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The real {@code claude} CLI against {@link FakeMessagesApi}, in a hermetic home. */
class CliClaudeRunnerIT {
    private static final Duration EXIT_TIMEOUT = Duration.ofSeconds(15);

    @TempDir
    Path root;

    private FakeMessagesApi api;
    private Path cwd;
    private Path configDir;
    private Map<String, String> inherited;
    private CliClaudeRunner runner;
    private final ObjectMapper mapper = new ObjectMapper();

    @BeforeEach
    void setUp() throws IOException {
        api = new FakeMessagesApi();
        Path base = root.toRealPath();
        cwd = Files.createDirectories(base.resolve("proj"));
        Path home = Files.createDirectories(base.resolve("home"));
        configDir = Files.createDirectories(home.resolve(".claude"));
        Path tmp = Files.createDirectories(base.resolve("tmp"));
        Files.createDirectories(base.resolve("run"));
        inherited = new HashMap<>();
        inherited.put("PATH", System.getenv("PATH"));
        inherited.put("LANG", "C.UTF-8");
        inherited.put("HOME", home.toString());
        inherited.put("CLAUDE_CONFIG_DIR", configDir.toString());
        inherited.put("XDG_RUNTIME_DIR", base.resolve("run").toString());
        inherited.put("CLAUDE_CODE_TMPDIR", tmp.toString());
        inherited.put("TMPDIR", tmp.toString());
        inherited.putAll(TestCli.fakeApiEnvironment(api.baseUrl()));
        // The app's own secrets, which must never reach the CLI.
        inherited.put("JWT_SECRET", "leaked-jwt-secret");
        inherited.put("DATABASE_URL", "postgresql://leaked");
        inherited.put("REDIS_URL", "redis://leaked");
        inherited.put("METRICS_TOKEN", "leaked-metrics");
        inherited.put("CCUI_ADMIN_PASSWORD", "leaked-admin");
        runner = newRunner(CliRunnerSettings.defaults(TestCli.path().toString(), inherited));
    }

    private CliClaudeRunner newRunner(CliRunnerSettings settings) {
        return new CliClaudeRunner(settings, mapper);
    }

    @AfterEach
    void tearDown() {
        runner.close();
        assertThat(runner.liveProcesses()).isZero();
        api.close();
    }

    private RunSpec newSession() {
        return RunSpec.newSession(cwd, new SessionId(UUID.randomUUID().toString()));
    }

    @Test
    void aTextTurnStreamsDeltasThenAResultAndTheProcessServesTheNextTurn() {
        RunSpec spec = newSession();
        var listener = new RecordingListener();
        RunningProcess process = runner.start(spec, listener);
        long pid = process.pid().orElseThrow();

        process.sendUserTurn("hello there", List.of());
        List<RunEvent> turn = listener.untilRunEnded();

        assertThat(turn.getFirst()).isInstanceOf(RunEvent.RunStarted.class);
        var started = (RunEvent.RunStarted) turn.getFirst();
        assertThat(started.sessionId()).isEqualTo(spec.sessionId().value());
        assertThat(started.cwd()).isEqualTo(cwd.toString());
        assertThat(started.cliVersion()).isEqualTo(TestCli.VERSION);
        List<RunEvent.AssistantDelta> deltas = of(turn, RunEvent.AssistantDelta.class);
        assertThat(deltas)
                .hasSizeGreaterThanOrEqualTo(2)
                .allMatch(delta -> delta.blockType().equals("text"));
        var text = of(turn, RunEvent.AssistantText.class).getFirst();
        assertThat(String.join(
                        "", deltas.stream().map(RunEvent.AssistantDelta::text).toList()))
                .isEqualTo(text.text());
        assertThat(text.text()).endsWith("You said: hello there");
        assertThat(turn.indexOf(deltas.getLast())).isLessThan(turn.indexOf(text));
        var result = of(turn, RunEvent.Result.class).getFirst();
        assertThat(result.subtype()).isEqualTo("success");
        assertThat(result.isError()).isFalse();
        assertThat(result.inputTokens()).isPositive();
        assertThat(result.outputTokens()).isPositive();
        assertThat(result.costUsd()).isPositive();
        assertThat(result.durationMs()).isPositive();
        assertThat(turn.getLast()).isEqualTo(new RunEvent.RunEnded(RunEvent.EndReason.COMPLETED));
        assertThat(process.turnActive()).isFalse();
        Path transcript = configDir
                .resolve("projects")
                .resolve(cwd.toString().replaceAll("[^A-Za-z0-9]", "-"))
                .resolve(spec.sessionId().value() + ".jsonl");
        assertThat(transcript).exists();

        process.sendUserTurn("second turn", List.of());
        List<RunEvent> second = listener.untilRunEnded();

        assertThat(process.pid()).hasValue(pid);
        assertThat(of(second, RunEvent.AssistantText.class).getFirst().text()).endsWith("You said: second turn");
        var secondResult = of(second, RunEvent.Result.class).getFirst();
        assertThat(secondResult.totalCostUsd()).isGreaterThan(result.totalCostUsd());
        assertThat(secondResult.costUsd()).isLessThan(secondResult.totalCostUsd());
        assertThat(second.getLast()).isEqualTo(new RunEvent.RunEnded(RunEvent.EndReason.COMPLETED));
        assertThat(api.messageRequests()).hasSize(2);
        assertThat(api.messageRequests().getLast().path("messages").toString()).contains("hello there");
    }

    @Test
    void aToolUseAsksForPermissionAndAnAllowLetsItRun() {
        var listener = new RecordingListener();
        RunningProcess process = runner.start(newSession(), listener);
        Path file = cwd.resolve("allowed.txt");

        process.sendUserTurn("WRITE " + file, List.of());
        var toolUse = listener.next(RunEvent.ToolUse.class);
        var request = listener.next(RunEvent.PermissionRequest.class);
        assertThat(request.toolName()).isEqualTo("Write");
        assertThat(request.toolUseId()).isEqualTo(toolUse.toolUseId());
        assertThat(request.input()).containsEntry("file_path", file.toString());
        assertThat(process.turnActive()).isTrue();
        process.answerPermission(request.requestId(), PermissionDecision.allowOnce());
        List<RunEvent> rest = listener.untilRunEnded();

        assertThat(file).hasContent("written by fake model");
        var toolResult = of(rest, RunEvent.ToolResult.class).getFirst();
        assertThat(toolResult.toolUseId()).isEqualTo(toolUse.toolUseId());
        assertThat(toolResult.isError()).isFalse();
        assertThat(rest.getLast()).isEqualTo(new RunEvent.RunEnded(RunEvent.EndReason.COMPLETED));
    }

    @Test
    void aDeniedToolDoesNotRunAndTheDenialIsInTheEvents() {
        var listener = new RecordingListener();
        RunningProcess process = runner.start(newSession(), listener);
        Path file = cwd.resolve("denied.txt");

        process.sendUserTurn("WRITE " + file, List.of());
        var request = listener.next(RunEvent.PermissionRequest.class);
        process.answerPermission(request.requestId(), PermissionDecision.deny("Denied by the web UI user"));
        List<RunEvent> rest = listener.untilRunEnded();

        assertThat(file).doesNotExist();
        var toolResult = of(rest, RunEvent.ToolResult.class).getFirst();
        assertThat(toolResult.isError()).isTrue();
        assertThat(toolResult.content()).contains("Denied by the web UI user");
        var result = of(rest, RunEvent.Result.class).getFirst();
        assertThat(result.permissionDenials()).hasSize(1);
        assertThat(rest.getLast()).isEqualTo(new RunEvent.RunEnded(RunEvent.EndReason.COMPLETED));
    }

    @Test
    void anInterruptEndsASlowTurnWithinASecondAndTheNextPromptWorks() {
        var listener = new RecordingListener();
        RunningProcess process = runner.start(newSession(), listener);

        process.sendUserTurn("SLOW please", List.of());
        listener.next(RunEvent.AssistantDelta.class);
        long start = System.nanoTime();
        process.interrupt();
        List<RunEvent> rest = listener.untilRunEnded();
        Duration took = Duration.ofNanos(System.nanoTime() - start);

        assertThat(took).isLessThan(Duration.ofSeconds(1));
        assertThat(rest.getLast()).isEqualTo(new RunEvent.RunEnded(RunEvent.EndReason.INTERRUPTED));
        var result = of(rest, RunEvent.Result.class).getFirst();
        assertThat(result.subtype().equals("error_during_execution")
                        || "aborted_streaming".equals(result.terminalReason()))
                .as("result %s", result)
                .isTrue();
        assertThat(process.isAlive()).isTrue();

        process.sendUserTurn("after the interrupt", List.of());
        List<RunEvent> next = listener.untilRunEnded();
        assertThat(of(next, RunEvent.AssistantText.class).getFirst().text()).endsWith("You said: after the interrupt");
        assertThat(next.getLast()).isEqualTo(new RunEvent.RunEnded(RunEvent.EndReason.COMPLETED));
    }

    @Test
    void anInterruptWhileAPermissionIsOpenCancelsIt() {
        var listener = new RecordingListener();
        RunningProcess process = runner.start(newSession(), listener);
        Path file = cwd.resolve("never.txt");
        process.sendUserTurn("WRITE " + file, List.of());
        var request = listener.next(RunEvent.PermissionRequest.class);

        process.interrupt();
        var resolved = listener.next(RunEvent.PermissionResolved.class);
        List<RunEvent> rest = listener.untilRunEnded();

        assertThat(resolved.requestId()).isEqualTo(request.requestId());
        assertThat(resolved.decision()).isEqualTo("deny");
        assertThat(resolved.decidedBy()).isEqualTo("cli");
        assertThat(rest.getLast()).isEqualTo(new RunEvent.RunEnded(RunEvent.EndReason.INTERRUPTED));
        assertThat(file).doesNotExist();
    }

    @Test
    void aResumedSessionCarriesItsHistoryToTheApi() {
        RunSpec spec = newSession();
        var first = new RecordingListener();
        RunningProcess process = runner.start(spec, first);
        process.sendUserTurn("remember the word PINEAPPLE", List.of());
        first.untilRunEnded();
        process.close();
        assertThat(first.awaitExit(EXIT_TIMEOUT).cause()).isEqualTo(ProcessExit.Cause.CLOSED);

        var second = new RecordingListener();
        RunningProcess resumed = runner.start(RunSpec.resume(cwd, spec.sessionId()), second);
        resumed.sendUserTurn("which word was it?", List.of());
        List<RunEvent> turn = second.untilRunEnded();

        assertThat(((RunEvent.RunStarted) turn.getFirst()).sessionId())
                .isEqualTo(spec.sessionId().value());
        assertThat(turn.getLast()).isEqualTo(new RunEvent.RunEnded(RunEvent.EndReason.COMPLETED));
        JsonNode request = api.messageRequests().getLast();
        assertThat(request.path("messages").toString())
                .contains("remember the word PINEAPPLE")
                .contains("which word was it?");
    }

    @Test
    void anApiErrorEndsTheTurnFailed() {
        var listener = new RecordingListener();
        RunningProcess process = runner.start(newSession(), listener);

        process.sendUserTurn("FAIL now", List.of());
        List<RunEvent> turn = listener.untilRunEnded();

        var result = of(turn, RunEvent.Result.class).getFirst();
        assertThat(result.isError()).isTrue();
        assertThat(turn.getLast()).isEqualTo(new RunEvent.RunEnded(RunEvent.EndReason.FAILED));
        assertThat(process.isAlive()).isTrue();
    }

    @Test
    void aMissingCliGivesAnErrorAndAFailedRun() {
        var listener = new RecordingListener();
        var missing = newRunner(
                CliRunnerSettings.defaults(root.resolve("no-such-claude").toString(), inherited));
        try {
            RunningProcess process = missing.start(newSession(), listener);

            assertThat(listener.all()).hasSize(2);
            assertThat(listener.all().getFirst())
                    .isInstanceOfSatisfying(
                            RunEvent.Error.class,
                            error -> assertThat(error.code()).isEqualTo("cli_start_failed"));
            assertThat(listener.all().getLast()).isEqualTo(new RunEvent.RunEnded(RunEvent.EndReason.FAILED));
            assertThat(listener.awaitExit(Duration.ZERO).cause()).isEqualTo(ProcessExit.Cause.START_FAILED);
            assertThat(process.isAlive()).isFalse();
            assertThat(process.pid()).isEmpty();
            assertThatThrownBy(() -> process.sendUserTurn("hi", List.of())).isInstanceOf(UnavailableException.class);
        } finally {
            missing.close();
        }
    }

    @Test
    void aCliKilledMidTurnGivesAnErrorAndAFailedRun() {
        var listener = new RecordingListener();
        RunningProcess process = runner.start(newSession(), listener);
        process.sendUserTurn("SLOW please", List.of());
        listener.next(RunEvent.AssistantDelta.class);

        ProcessHandle.of(process.pid().orElseThrow()).orElseThrow().destroyForcibly();
        var error = listener.next(RunEvent.Error.class);
        var ended = listener.next(RunEvent.RunEnded.class);

        assertThat(error.code()).isEqualTo("cli_exited");
        assertThat(error.details()).containsEntry("exitCode", 137);
        assertThat(ended.reason()).isEqualTo(RunEvent.EndReason.FAILED);
        assertThat(listener.awaitExit(EXIT_TIMEOUT).cause()).isEqualTo(ProcessExit.Cause.EXITED);
        assertThat(process.isAlive()).isFalse();
        assertThatThrownBy(() -> process.sendUserTurn("hi", List.of())).isInstanceOf(UnavailableException.class);
    }

    @Test
    void closeLeavesNoProcessBehindAndTheCliSeesNoAppSecrets() throws Exception {
        var listener = new RecordingListener();
        RunSpec spec = newSession();
        spec = new RunSpec(
                spec.cwd(),
                spec.sessionId(),
                false,
                null,
                null,
                List.of("Bash"),
                List.of(),
                Map.of("CCUI_EXTRA", "leaked-extra"));
        RunningProcess process = runner.start(spec, listener);
        long pid = process.pid().orElseThrow();
        Path envFile = cwd.resolve("env.txt");

        process.sendUserTurn("BASH env > " + envFile, List.of());
        List<RunEvent> turn = listener.untilRunEnded();
        assertThat(turn).noneMatch(event -> event instanceof RunEvent.PermissionRequest);
        String env = Files.readString(envFile);
        assertThat(env).contains("ANTHROPIC_BASE_URL=" + api.baseUrl()).doesNotContain("leaked");
        List<ProcessHandle> tree =
                ProcessHandle.of(pid).orElseThrow().descendants().toList();

        process.close();

        assertThat(ProcessHandle.of(pid).filter(ProcessHandle::isAlive)).isEmpty();
        assertThat(tree).noneMatch(ProcessHandle::isAlive);
        assertThat(listener.awaitExit(Duration.ZERO).cause()).isEqualTo(ProcessExit.Cause.CLOSED);
        assertThat(listener.protocolViolations()).isEmpty();
        process.close();
    }

    @Test
    void anIdleProcessIsClosed() {
        runner.close();
        runner = newRunner(CliRunnerSettings.defaults(TestCli.path().toString(), inherited)
                .withIdleTimeout(Duration.ofMillis(500)));
        var listener = new RecordingListener();
        RunningProcess process = runner.start(newSession(), listener);
        process.sendUserTurn("hello", List.of());
        listener.untilRunEnded();

        ProcessExit exit = listener.awaitExit(EXIT_TIMEOUT);

        assertThat(exit.cause()).isEqualTo(ProcessExit.Cause.IDLE_TIMEOUT);
        assertThat(exit.exitCode()).isZero();
        assertThat(process.isAlive()).isFalse();
    }

    @Test
    void theModelAndThePermissionModeChangeMidSession() throws Exception {
        var listener = new RecordingListener();
        RunningProcess process = runner.start(newSession().withModel("sonnet"), listener);
        process.sendUserTurn("first", List.of());
        listener.untilRunEnded();

        process.setModel("haiku").get(10, TimeUnit.SECONDS);
        process.setPermissionMode(PermissionMode.ACCEPT_EDITS).get(10, TimeUnit.SECONDS);
        Path file = cwd.resolve("accepted.txt");
        process.sendUserTurn("WRITE " + file, List.of());
        List<RunEvent> turn = listener.untilRunEnded();

        List<JsonNode> requests = api.messageRequests();
        assertThat(requests.getFirst().path("model").asText()).containsIgnoringCase("sonnet");
        assertThat(requests.getLast().path("model").asText()).containsIgnoringCase("haiku");
        assertThat(turn).noneMatch(event -> event instanceof RunEvent.PermissionRequest);
        assertThat(file).exists();
    }

    @Test
    void severalSessionsRunAtOnceEachOnItsOwnProcess() {
        List<RecordingListener> listeners =
                List.of(new RecordingListener(), new RecordingListener(), new RecordingListener());
        List<RunningProcess> processes = listeners.stream()
                .map(listener -> runner.start(newSession(), listener))
                .toList();
        for (int i = 0; i < processes.size(); i++) {
            processes.get(i).sendUserTurn("session number " + i, List.of());
        }

        for (int i = 0; i < processes.size(); i++) {
            List<RunEvent> turn = listeners.get(i).untilRunEnded();
            assertThat(of(turn, RunEvent.AssistantText.class).getFirst().text())
                    .endsWith("You said: session number " + i);
        }
        assertThat(processes).extracting(process -> process.pid().orElseThrow()).doesNotHaveDuplicates();
        assertThat(runner.liveProcesses()).isEqualTo(3);
    }

    @Test
    void aTerminatedAppLeavesNoCliBehind() throws Exception {
        Path javaBin = Path.of(System.getProperty("java.home"), "bin", "java");
        var builder = new ProcessBuilder(
                        javaBin.toString(),
                        "-cp",
                        System.getProperty("java.class.path"),
                        ShutdownChild.class.getName(),
                        TestCli.path().toString(),
                        cwd.toString())
                .redirectErrorStream(true);
        builder.environment().clear();
        builder.environment().putAll(inherited);
        Process app = builder.start();
        try (var out = new BufferedReader(new InputStreamReader(app.getInputStream(), StandardCharsets.UTF_8))) {
            long cliPid = -1;
            String line;
            while (cliPid < 0 && (line = out.readLine()) != null) {
                if (line.startsWith("CLI_PID ")) {
                    cliPid = Long.parseLong(line.substring(8).strip());
                }
            }
            assertThat(cliPid).as("the child app reported its CLI").isPositive();
            ProcessHandle cli = ProcessHandle.of(cliPid).orElseThrow();

            app.toHandle().destroy();

            // The CLI would also end on its own when its stdin closes with the app; the hook is what
            // makes it sure (a stuck CLI, its children), so check that the hook did it.
            String rest = out.lines().collect(Collectors.joining("\n"));
            assertThat(app.waitFor(EXIT_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS))
                    .isTrue();
            cli.onExit().get(EXIT_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            assertThat(cli.isAlive()).isFalse();
            assertThat(rest).contains("JVM shutdown: killing 1 claude CLI process(es)");
        } finally {
            app.destroyForcibly().waitFor();
        }
    }

    private static <T extends RunEvent> List<T> of(List<RunEvent> events, Class<T> type) {
        return events.stream().filter(type::isInstance).map(type::cast).toList();
    }
}
