package dev.ccui.adapters.process.sandbox;

import dev.ccui.application.sandbox.port.out.SandboxedCommand;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;

/**
 * Runs a prepared sandboxed command as git and the one-shot CLI calls need it: to its end, with
 * a timeout that kills its process tree, stdin written and closed, and bounded stdout and stderr
 * (both always drained, so the process never blocks on a full pipe).
 */
public final class SandboxedProcesses {
    private SandboxedProcesses() {}

    /**
     * How it ended. {@code truncated}: stdout passed its cap and the process was stopped there;
     * {@code timedOut}: the timeout stopped it (its exit code is then the kill's).
     */
    public record Finished(int exit, byte[] stdout, boolean truncated, String stderr, boolean timedOut) {}

    /** The process as the sandbox prepared it: its folder and only its environment, nothing inherited. */
    public static ProcessBuilder builder(SandboxedCommand command) {
        ProcessBuilder builder = new ProcessBuilder(command.command())
                .directory(command.directory().toFile());
        builder.environment().clear();
        builder.environment().putAll(command.environment());
        return builder;
    }

    /**
     * Starts {@code builder} (on {@link ProcessStarter}'s thread) and waits for its end.
     *
     * @throws IOException when it cannot be started
     * @throws InterruptedException when the caller is interrupted (the process is killed first)
     */
    public static Finished runToEnd(
            ProcessBuilder builder, byte[] stdin, int maxStdout, int maxStderr, Duration timeout)
            throws IOException, InterruptedException {
        Process process = ProcessStarter.start(builder::start);
        AtomicBoolean timedOut = killAfter(process, timeout);
        ByteArrayOutputStream errors = new ByteArrayOutputStream();
        Thread stderrReader = Thread.ofVirtual()
                .name("sandboxed-stderr")
                .start(() -> copy(process.getErrorStream(), errors, maxStderr, false));
        Thread stdinWriter = Thread.ofVirtual().name("sandboxed-stdin").start(() -> {
            try (OutputStream out = process.getOutputStream()) {
                if (stdin != null) {
                    out.write(stdin);
                }
            } catch (IOException ignored) {
                // It stopped reading (it failed or finished): its exit code says what happened.
            }
        });
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        boolean truncated = copy(process.getInputStream(), output, maxStdout, true);
        if (truncated) {
            kill(process);
        }
        try {
            int exit = process.waitFor();
            stderrReader.join(timeout.toMillis());
            stdinWriter.join(timeout.toMillis());
            String stderr;
            synchronized (errors) {
                stderr = errors.toString(StandardCharsets.UTF_8);
            }
            return new Finished(exit, output.toByteArray(), truncated, stderr, timedOut.get());
        } catch (InterruptedException e) {
            kill(process);
            throw e;
        }
    }

    /** Kills the process tree when it is still running after {@code timeout}; the flag says it did. */
    public static AtomicBoolean killAfter(Process process, Duration timeout) {
        AtomicBoolean timedOut = new AtomicBoolean();
        Thread.ofVirtual().name("sandboxed-watchdog").start(() -> {
            try {
                if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                    timedOut.set(true);
                    kill(process);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        return timedOut;
    }

    public static void kill(Process process) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
    }

    /**
     * Asks the process tree to end (SIGTERM, on which git removes its lock and temporary files, so
     * the repository stays usable) and kills what is still running after {@code grace}. The tree is
     * taken now: a child whose parent ended first is killed all the same.
     */
    public static void stop(Process process, Duration grace) {
        List<ProcessHandle> tree = Stream.concat(process.descendants(), Stream.of(process.toHandle()))
                .toList();
        tree.forEach(ProcessHandle::destroy);
        Thread.ofVirtual().name("sandboxed-stop").start(() -> {
            try {
                process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            // A handle checks the process's start time, so a reused pid is never hit.
            tree.forEach(ProcessHandle::destroyForcibly);
        });
    }

    /**
     * Copies up to {@code limit} bytes; true when there was more, which is then either left unread
     * ({@code stopAtLimit}: the caller stops the process) or drained.
     */
    private static boolean copy(InputStream in, ByteArrayOutputStream out, int limit, boolean stopAtLimit) {
        byte[] buffer = new byte[8192];
        boolean more = false;
        try (in) {
            int read;
            while ((read = in.read(buffer)) != -1) {
                synchronized (out) {
                    int room = limit - out.size();
                    if (read > room) {
                        out.write(buffer, 0, Math.max(0, room));
                        more = true;
                        if (stopAtLimit) {
                            return true;
                        }
                    } else {
                        out.write(buffer, 0, read);
                    }
                }
            }
        } catch (IOException ignored) {
            // The process was killed or closed its end: what was read so far is the answer.
        }
        return more;
    }
}
