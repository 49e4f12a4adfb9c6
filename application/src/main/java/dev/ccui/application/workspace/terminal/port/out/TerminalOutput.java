package dev.ccui.application.workspace.terminal.port.out;

/** Where a terminal's output goes; called on the adapter's reader thread, in order. */
public interface TerminalOutput {

    void output(String data);

    /** The program ended (after its last output). */
    void exited(int code);
}
