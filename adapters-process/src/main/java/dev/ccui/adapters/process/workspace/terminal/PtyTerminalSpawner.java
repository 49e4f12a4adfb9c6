package dev.ccui.adapters.process.workspace.terminal;

import com.pty4j.PtyProcess;
import com.pty4j.PtyProcessBuilder;
import com.pty4j.WinSize;
import dev.ccui.adapters.process.sandbox.NoSandbox;
import dev.ccui.adapters.process.sandbox.ProcessStarter;
import dev.ccui.adapters.process.workspace.ProcessEnvironment;
import dev.ccui.application.sandbox.port.out.ProcessSandbox;
import dev.ccui.application.sandbox.port.out.SandboxRequest;
import dev.ccui.application.sandbox.port.out.SandboxedCommand;
import dev.ccui.application.workspace.terminal.port.out.TerminalOutput;
import dev.ccui.application.workspace.terminal.port.out.TerminalProcess;
import dev.ccui.application.workspace.terminal.port.out.TerminalSpawner;
import dev.ccui.application.workspace.terminal.port.out.TerminalSpec;
import dev.ccui.domain.error.UnavailableException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Terminals with pty4j: the login shell ({@code $SHELL -l}, else {@code /bin/bash -l}) or a given
 * program, in the project folder, {@code TERM=xterm-256color}, with the server's environment minus
 * its secrets. One platform thread per terminal reads the PTY and frames whole UTF-8 characters.
 */
public final class PtyTerminalSpawner implements TerminalSpawner {
    private static final Logger LOG = LoggerFactory.getLogger(PtyTerminalSpawner.class);
    private static final int READ_BUFFER = 16 * 1024;

    private final Map<String, String> baseEnvironment;
    private final String shell;
    private final ProcessSandbox sandbox;

    public PtyTerminalSpawner() {
        this(System.getenv());
    }

    public PtyTerminalSpawner(Map<String, String> environment) {
        this(environment, new NoSandbox(null));
    }

    /** Every terminal starts in {@code sandbox}. */
    public PtyTerminalSpawner(Map<String, String> environment, ProcessSandbox sandbox) {
        this.sandbox = sandbox;
        Map<String, String> env = new HashMap<>(environment);
        ProcessEnvironment.scrub(env);
        env.put("TERM", "xterm-256color");
        env.put("COLORTERM", "truecolor");
        env.putIfAbsent("LANG", "C.UTF-8");
        this.baseEnvironment = Map.copyOf(env);
        String configured = environment.get("SHELL");
        this.shell = configured == null || configured.isBlank() ? "/bin/bash" : configured;
    }

    @Override
    public TerminalProcess spawn(TerminalSpec spec, TerminalOutput output) {
        List<String> command = spec.command().isEmpty() ? List.of(shell, "-l") : spec.command();
        Map<String, String> env = new HashMap<>(baseEnvironment);
        env.put("PWD", spec.directory().toString());
        PtyProcess process;
        try {
            // The caller's own CLI configuration, so `claude` typed here (or "Continue in shell") is theirs.
            SandboxedCommand sandboxed = sandbox.prepare(
                    new SandboxRequest(SandboxRequest.Profile.SHELL, spec.directory(), command, env, spec.user()));
            PtyProcessBuilder builder = new PtyProcessBuilder(
                            sandboxed.command().toArray(String[]::new))
                    .setDirectory(sandboxed.directory().toString())
                    .setEnvironment(sandboxed.environment())
                    .setInitialColumns(spec.cols())
                    .setInitialRows(spec.rows())
                    .setConsole(false)
                    .setRedirectErrorStream(true);
            process = ProcessStarter.start(builder::start);
        } catch (IOException | RuntimeException e) {
            LOG.warn("could not start a terminal ({}): {}", command.getFirst(), e.getMessage());
            throw new UnavailableException(
                    "the terminal could not be started: " + command.getFirst() + " failed to run", null, e);
        }
        PtyTerminal terminal = new PtyTerminal(process);
        Thread.ofPlatform().daemon().name("ccui-pty-" + process.pid()).start(() -> terminal.pump(output));
        return terminal;
    }

    private static final class PtyTerminal implements TerminalProcess {
        private final PtyProcess process;
        /** pty4j's process does not implement {@code toHandle()}; the handle comes from the pid. */
        private final ProcessHandle handle;

        private final OutputStream input;
        private final AtomicBoolean killed = new AtomicBoolean();

        PtyTerminal(PtyProcess process) {
            this.process = process;
            this.handle = ProcessHandle.of(process.pid()).orElse(null);
            this.input = process.getOutputStream();
        }

        void pump(TerminalOutput output) {
            Utf8Framer framer = new Utf8Framer(READ_BUFFER);
            byte[] buffer = new byte[READ_BUFFER];
            try (InputStream in = process.getInputStream()) {
                int read;
                while ((read = in.read(buffer)) != -1) {
                    String text = framer.feed(buffer, read);
                    if (!text.isEmpty()) {
                        output.output(text);
                    }
                }
            } catch (IOException e) {
                // Linux answers EIO on the PTY once the last process holding it is gone: the end of output.
            } catch (RuntimeException e) {
                LOG.warn("terminal {} output failed", process.pid(), e);
            }
            String rest = framer.finish();
            if (!rest.isEmpty()) {
                output.output(rest);
            }
            int code;
            try {
                code = process.waitFor();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                code = -1;
            }
            try {
                killTree();
            } finally {
                output.exited(code);
            }
        }

        @Override
        public void write(String data) {
            try {
                input.write(data.getBytes(StandardCharsets.UTF_8));
                input.flush();
            } catch (IOException e) {
                LOG.debug("terminal {} does not take input any more", process.pid());
            }
        }

        @Override
        public void resize(int cols, int rows) {
            if (process.isAlive()) {
                process.setWinSize(new WinSize(cols, rows));
            }
        }

        @Override
        public void kill() {
            if (killed.compareAndSet(false, true)) {
                killTree();
            }
        }

        /**
         * The shell is a session leader, but its jobs sit in process groups of their own (job
         * control), so killing one group is not enough: every descendant known now is killed with
         * the shell (an interactive shell ignores SIGTERM), then the descendants found after, in
         * case one forked while the first pass ran.
         */
        private void killTree() {
            List<ProcessHandle> tree = handle == null
                    ? new ArrayList<>()
                    : new ArrayList<>(handle.descendants().toList());
            process.destroyForcibly();
            tree.forEach(ProcessHandle::destroyForcibly);
            tree.stream().flatMap(ProcessHandle::descendants).forEach(ProcessHandle::destroyForcibly);
        }

        @Override
        public boolean alive() {
            return process.isAlive();
        }

        @Override
        public long pid() {
            return process.pid();
        }
    }
}
