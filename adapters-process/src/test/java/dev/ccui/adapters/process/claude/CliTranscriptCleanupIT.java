package dev.ccui.adapters.process.claude;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ccui.application.history.CliCleanupPeriod;
import dev.ccui.application.run.port.out.RunSpec;
import dev.ccui.application.run.port.out.RunningProcess;
import dev.ccui.domain.run.RunEvent;
import dev.ccui.domain.session.SessionId;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real CLI's own transcript clean-up ({@code cleanupPeriodDays}, 30 days by default): a long-lived
 * stream-json process deletes older transcripts a few seconds after it starts, then writes
 * {@code .last-cleanup} in its config dir. The app passes its own period, which wins over the user's.
 */
class CliTranscriptCleanupIT {
    private static final Duration CLEANUP_DEADLINE = Duration.ofSeconds(40);

    @TempDir
    Path root;

    private FakeMessagesApi api;
    private Path cwd;
    private Path configDir;
    private Path oldTranscript;
    private Map<String, String> inherited;
    private CliClaudeRunner runner;

    @BeforeEach
    void setUp() throws IOException {
        api = new FakeMessagesApi();
        Path base = root.toRealPath();
        cwd = Files.createDirectories(base.resolve("proj"));
        Path home = Files.createDirectories(base.resolve("home"));
        configDir = Files.createDirectories(home.resolve(".claude"));
        Path tmp = Files.createDirectories(base.resolve("tmp"));
        inherited = new HashMap<>();
        inherited.put("PATH", System.getenv("PATH"));
        inherited.put("LANG", "C.UTF-8");
        inherited.put("HOME", home.toString());
        inherited.put("CLAUDE_CONFIG_DIR", configDir.toString());
        inherited.put("CLAUDE_CODE_TMPDIR", tmp.toString());
        inherited.put("TMPDIR", tmp.toString());
        inherited.putAll(TestCli.fakeApiEnvironment(api.baseUrl()));
        // A session of another project, last written 60 days ago: past the CLI's 30-day default.
        String id = UUID.randomUUID().toString();
        Path folder = Files.createDirectories(configDir.resolve("projects").resolve("-old-project"));
        oldTranscript = Files.writeString(
                folder.resolve(id + ".jsonl"),
                "{\"type\":\"user\",\"sessionId\":\"" + id
                        + "\",\"cwd\":\"/old/project\",\"timestamp\":\"2026-01-01T00:00:00Z\",\"uuid\":\"u1\","
                        + "\"message\":{\"role\":\"user\",\"content\":\"a question from two months ago\"}}\n");
        Files.setLastModifiedTime(oldTranscript, FileTime.from(Instant.now().minus(Duration.ofDays(60))));
    }

    @AfterEach
    void tearDown() {
        if (runner != null) {
            runner.close();
        }
        api.close();
    }

    @Test
    void withTheDefaultKeepAnOldTranscriptSurvivesARunEvenWhenTheUsersOwnSettingSaysOneDay() throws IOException {
        Files.writeString(configDir.resolve("settings.json"), "{\"cleanupPeriodDays\":1}");
        runner = new CliClaudeRunner(
                CliRunnerSettings.defaults(TestCli.path().toString(), inherited), new ObjectMapper());

        runATurn();
        // The CLI writes its marker after deleting: once it is there, the clean-up has run.
        waitFor("the CLI's clean-up marker", () -> Files.exists(configDir.resolve(".last-cleanup")));

        assertThat(oldTranscript).exists().content().contains("a question from two months ago");
    }

    @Test
    void leftToTheCliItsDefaultDeletesTheOldTranscript() {
        runner = new CliClaudeRunner(
                CliRunnerSettings.defaults(TestCli.path().toString(), inherited)
                        .withCleanup(CliCleanupPeriod.cliDefault()),
                new ObjectMapper());

        runATurn();
        waitFor("the CLI to delete the 60-day-old transcript", () -> !Files.exists(oldTranscript));

        assertThat(oldTranscript.getParent()).doesNotExist();
    }

    private void runATurn() {
        var listener = new RecordingListener();
        RunningProcess process = runner.start(
                RunSpec.newSession(cwd, new SessionId(UUID.randomUUID().toString())), listener);
        process.sendUserTurn("hello", List.of());
        assertThat(listener.untilRunEnded().getLast()).isEqualTo(new RunEvent.RunEnded(RunEvent.EndReason.COMPLETED));
    }

    private static void waitFor(String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + CLEANUP_DEADLINE.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                fail("gave up waiting for " + what + " after " + CLEANUP_DEADLINE);
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                fail("interrupted");
            }
        }
    }
}
