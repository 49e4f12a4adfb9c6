package dev.ccui.application.run.port.out;

/**
 * Starts the Claude Code CLI for one session and keeps it alive across turns. Failures of the
 * CLI (missing, crashing, unreadable output) are reported to the listener as events, never
 * thrown: the run service stores them like any other event.
 */
public interface ClaudeRunner {

    /**
     * Starts the CLI for {@code spec}. It waits for the first {@link RunningProcess#sendUserTurn}.
     * When the CLI cannot be started, the listener gets an {@code error} and a
     * {@code run_ended failed} event and an exit before this returns, and the returned process is
     * not alive.
     */
    RunningProcess start(RunSpec spec, RunListener listener);
}
