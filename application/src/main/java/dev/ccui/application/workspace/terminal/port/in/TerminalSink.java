package dev.ccui.application.workspace.terminal.port.in;

/**
 * The client side of an attached terminal (a WebSocket). Called while the terminal's lock is
 * held: implementations must not block (queue and return).
 */
public interface TerminalSink {

    void output(long seq, String data);

    void exited(int code);

    /** Another connection attached to the terminal, or it was closed: this one gets nothing more. */
    void detached(String reason);
}
