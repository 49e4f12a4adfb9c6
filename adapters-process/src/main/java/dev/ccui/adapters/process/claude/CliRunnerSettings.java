package dev.ccui.adapters.process.claude;

import dev.ccui.application.history.CliCleanupPeriod;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * How {@link CliClaudeRunner} runs the CLI.
 *
 * @param executable       path or name (looked up on {@code PATH}) of {@code claude}
 * @param inherited        the environment the CLI's is filtered from (usually the app's own)
 * @param idleTimeout      a process with no turn for this long is closed
 * @param interruptTimeout how long an interrupted turn may take to end before the tree is killed
 * @param closeTimeout     how long a closed process may take to exit before the tree is killed
 * @param maxLineBytes     longer stdout lines are skipped with an {@code error} event
 * @param cleanup          the transcript clean-up period every process is started with
 * @param silenceTimeout   a turn with no output for this long (and no permission prompt waiting on
 *                         a person) is taken for a hung CLI: its tree is killed and the run fails
 */
public record CliRunnerSettings(
        String executable,
        Map<String, String> inherited,
        Duration idleTimeout,
        Duration interruptTimeout,
        Duration closeTimeout,
        int maxLineBytes,
        CliCleanupPeriod cleanup,
        Duration silenceTimeout) {
    public static final int DEFAULT_MAX_LINE_BYTES = 16 * 1024 * 1024;

    public CliRunnerSettings {
        Objects.requireNonNull(executable, "executable");
        inherited = Map.copyOf(inherited);
        Objects.requireNonNull(cleanup, "cleanup");
        requirePositive("idleTimeout", idleTimeout);
        requirePositive("interruptTimeout", interruptTimeout);
        requirePositive("closeTimeout", closeTimeout);
        requirePositive("silenceTimeout", silenceTimeout);
        if (maxLineBytes < 1024) {
            throw new IllegalArgumentException("maxLineBytes must be at least 1024");
        }
    }

    /**
     * Ten minutes idle, five seconds to obey an interrupt, three to exit, 16 MiB lines, transcripts
     * kept, thirty minutes of silence in a turn (a tool such as Bash may run quietly for long).
     */
    public static CliRunnerSettings defaults(String executable, Map<String, String> inherited) {
        return new CliRunnerSettings(
                executable,
                inherited,
                Duration.ofMinutes(10),
                Duration.ofSeconds(5),
                Duration.ofSeconds(3),
                DEFAULT_MAX_LINE_BYTES,
                CliCleanupPeriod.keep(),
                Duration.ofMinutes(30));
    }

    public CliRunnerSettings withCleanup(CliCleanupPeriod period) {
        return new CliRunnerSettings(
                executable,
                inherited,
                idleTimeout,
                interruptTimeout,
                closeTimeout,
                maxLineBytes,
                period,
                silenceTimeout);
    }

    public CliRunnerSettings withIdleTimeout(Duration timeout) {
        return new CliRunnerSettings(
                executable, inherited, timeout, interruptTimeout, closeTimeout, maxLineBytes, cleanup, silenceTimeout);
    }

    public CliRunnerSettings withInterruptTimeout(Duration timeout) {
        return new CliRunnerSettings(
                executable, inherited, idleTimeout, timeout, closeTimeout, maxLineBytes, cleanup, silenceTimeout);
    }

    public CliRunnerSettings withMaxLineBytes(int bytes) {
        return new CliRunnerSettings(
                executable, inherited, idleTimeout, interruptTimeout, closeTimeout, bytes, cleanup, silenceTimeout);
    }

    public CliRunnerSettings withSilenceTimeout(Duration timeout) {
        return new CliRunnerSettings(
                executable, inherited, idleTimeout, interruptTimeout, closeTimeout, maxLineBytes, cleanup, timeout);
    }

    private static void requirePositive(String name, Duration value) {
        if (value == null || value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(name + " must be positive");
        }
    }
}
