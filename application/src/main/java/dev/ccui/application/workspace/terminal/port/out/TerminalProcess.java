package dev.ccui.application.workspace.terminal.port.out;

/** A running program in a pseudo-terminal. */
public interface TerminalProcess {

    void write(String data);

    void resize(int cols, int rows);

    /** Ends the program and everything it started (its process group). Idempotent. */
    void kill();

    boolean alive();

    long pid();
}
