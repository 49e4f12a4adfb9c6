package dev.ccui.adapters.process.workspace.terminal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ccui.application.workspace.terminal.port.out.TerminalOutput;
import dev.ccui.application.workspace.terminal.port.out.TerminalProcess;
import dev.ccui.application.workspace.terminal.port.out.TerminalSpec;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A real bash in a real PTY. */
class PtyTerminalSpawnerTest {
    @TempDir
    Path project;

    /** Collects output; waits for a pattern with a deadline (no sleeps). */
    static final class Screen implements TerminalOutput {
        private final StringBuilder text = new StringBuilder();
        final CompletableFuture<Integer> exit = new CompletableFuture<>();

        @Override
        public synchronized void output(String data) {
            text.append(data);
            notifyAll();
        }

        @Override
        public void exited(int code) {
            exit.complete(code);
        }

        synchronized Matcher await(Pattern pattern, Duration timeout) throws InterruptedException {
            long deadline = System.nanoTime() + timeout.toNanos();
            while (true) {
                Matcher matcher = pattern.matcher(text);
                if (matcher.find()) {
                    return matcher;
                }
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new AssertionError("no " + pattern + " in: " + text);
                }
                TimeUnit.NANOSECONDS.timedWait(this, left);
            }
        }

        synchronized String text() {
            return text.toString();
        }
    }

    private static PtyTerminalSpawner spawner() {
        Map<String, String> env = new HashMap<>(System.getenv());
        env.put("SHELL", "/bin/bash");
        env.put("JWT_SECRET", "must-not-leak-into-the-shell");
        env.put("CCUI_SOMETHING", "nor-this");
        return new PtyTerminalSpawner(env);
    }

    @Test
    void typesIntoBashReadsTheAnswerResizesAndEndsTheWholeTree() throws Exception {
        Screen screen = new Screen();
        TerminalProcess shell = spawner().spawn(new TerminalSpec(project, List.of(), 80, 24), screen);
        shell.write("echo hello-$((6*7))\n");
        screen.await(Pattern.compile("hello-42"), Duration.ofSeconds(15));
        shell.write("echo \"cwd=$PWD term=$TERM secret=${JWT_SECRET:-none} ccui=${CCUI_SOMETHING:-none}\"\n");
        screen.await(
                Pattern.compile("cwd=" + Pattern.quote(project.toRealPath().toString())
                        + " term=xterm-256color secret=none ccui=none"),
                Duration.ofSeconds(10));
        shell.resize(132, 40);
        shell.write("stty size\n");
        screen.await(Pattern.compile("40 132"), Duration.ofSeconds(10));
        shell.write("printf 'utf8: \\xc3\\xa9\\xe2\\x82\\xac\\n'\n");
        screen.await(Pattern.compile("utf8: é€"), Duration.ofSeconds(10));

        shell.write("sleep 300 & echo bg=$!\n");
        long background = Long.parseLong(screen.await(Pattern.compile("bg=(\\d+)"), Duration.ofSeconds(10))
                .group(1));
        assertThat(ProcessHandle.of(background)).isPresent();
        shell.kill();
        screen.exit.get(10, TimeUnit.SECONDS);
        assertThat(shell.alive()).isFalse();
        ProcessHandle.of(background)
                .ifPresent(handle ->
                        handle.onExit().orTimeout(10, TimeUnit.SECONDS).join());
        assertThat(ProcessHandle.of(background).map(ProcessHandle::isAlive).orElse(false))
                .isFalse();
    }

    @Test
    void exitReportsTheCode() throws Exception {
        Screen screen = new Screen();
        TerminalProcess shell = spawner()
                .spawn(new TerminalSpec(project, List.of("/bin/bash", "--norc", "-c", "exit 3"), 80, 24), screen);
        assertThat(screen.exit.get(10, TimeUnit.SECONDS)).isEqualTo(3);
        assertThat(shell.alive()).isFalse();
    }
}
