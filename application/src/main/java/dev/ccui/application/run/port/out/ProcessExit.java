package dev.ccui.application.run.port.out;

import java.util.Objects;

/**
 * How a CLI process ended.
 *
 * @param exitCode   {@code null} when it never started
 * @param stderrTail the last lines it wrote to stderr, for the log and the health check
 */
public record ProcessExit(Integer exitCode, Cause cause, String stderrTail) {
    public ProcessExit {
        Objects.requireNonNull(cause, "cause");
        stderrTail = stderrTail == null ? "" : stderrTail;
    }

    public enum Cause {
        /** {@link RunningProcess#close()}: asked to end. */
        CLOSED,
        /** No turn for the configured idle time. */
        IDLE_TIMEOUT,
        /** It did not end its turn after an interrupt, so it was killed. */
        INTERRUPT_TIMEOUT,
        /** A turn printed nothing for the configured time (a hung CLI), so it was killed. */
        SILENCE_TIMEOUT,
        /** It ended on its own (crash, killed by someone else, bad arguments). */
        EXITED,
        /** It could not be started (missing or not executable). */
        START_FAILED
    }
}
