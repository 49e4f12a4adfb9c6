package dev.ccui.application.testing;

import dev.ccui.application.workspace.terminal.port.out.TerminalOutput;
import dev.ccui.application.workspace.terminal.port.out.TerminalProcess;
import dev.ccui.application.workspace.terminal.port.out.TerminalSpawner;
import dev.ccui.application.workspace.terminal.port.out.TerminalSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/** Programs that only pretend: a test makes them print and exit, and sees what they were sent and whether they were killed. */
public final class FakeTerminalSpawner implements TerminalSpawner {
    private final List<FakeTerminal> spawned = new ArrayList<>();

    public synchronized List<FakeTerminal> spawned() {
        return List.copyOf(spawned);
    }

    public synchronized FakeTerminal last() {
        return spawned.getLast();
    }

    @Override
    public synchronized TerminalProcess spawn(TerminalSpec spec, TerminalOutput output) {
        FakeTerminal terminal = new FakeTerminal(spec, output, spawned.size() + 1);
        spawned.add(terminal);
        return terminal;
    }

    public static final class FakeTerminal implements TerminalProcess {
        public final TerminalSpec spec;
        /** Completes when the program is killed, with nothing. */
        public final CompletableFuture<Void> killed = new CompletableFuture<>();

        private final TerminalOutput output;
        private final long pid;
        private final StringBuilder input = new StringBuilder();
        private String size;

        FakeTerminal(TerminalSpec spec, TerminalOutput output, long pid) {
            this.spec = spec;
            this.output = output;
            this.pid = pid;
            this.size = spec.cols() + "x" + spec.rows();
        }

        /** The program prints. */
        public void prints(String data) {
            output.output(data);
        }

        /** The program ends by itself. */
        public void exits(int code) {
            output.exited(code);
        }

        public synchronized String input() {
            return input.toString();
        }

        public synchronized String size() {
            return size;
        }

        @Override
        public synchronized void write(String data) {
            input.append(data);
        }

        @Override
        public synchronized void resize(int cols, int rows) {
            size = cols + "x" + rows;
        }

        @Override
        public void kill() {
            killed.complete(null);
        }

        @Override
        public boolean alive() {
            return !killed.isDone();
        }

        @Override
        public long pid() {
            return pid;
        }
    }
}
