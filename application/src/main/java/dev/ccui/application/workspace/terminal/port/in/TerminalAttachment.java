package dev.ccui.application.workspace.terminal.port.in;

/** A connection's handle on a terminal. */
public interface TerminalAttachment {

    String terminalId();

    void input(String data);

    void resize(int cols, int rows);

    /** The connection went away: the terminal lives on for the grace period. */
    void detach();

    /** Ends the terminal now. */
    void kill();
}
