package dev.ccui.application.workspace.terminal.port.out;

/** Starts programs in a pseudo-terminal. */
public interface TerminalSpawner {

    /**
     * Starts {@code spec} and reports its output (whole characters, never half of a multi-byte
     * one) and its exit to {@code output}, on a thread of the adapter.
     */
    TerminalProcess spawn(TerminalSpec spec, TerminalOutput output);
}
