package dev.ccui.bootstrap.testing;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/** The built executable jar run as its own process, as an operator runs it, with its output read line by line. */
public final class JarProcess implements AutoCloseable {
    private final Process process;
    private final Path log;
    private int consumed;

    private JarProcess(Process process, Path log) {
        this.process = process;
        this.log = log;
    }

    public static Path jar() {
        return Path.of(System.getProperty("ccui.jar", "target/ccui.jar")).toAbsolutePath();
    }

    /**
     * Starts the jar with exactly {@code env} (plus PATH). Its output goes to a file rather than a
     * pipe: the JDK may close a pipe under a reader when the process exits, losing the last lines.
     */
    public static JarProcess start(Map<String, String> env, String... args) throws IOException {
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = new ArrayList<>(List.of(java, "-jar", jar().toString()));
        command.addAll(List.of(args));
        Path log = Files.createTempFile("ccui-jar", ".log");
        ProcessBuilder builder =
                new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().clear();
        builder.environment().put("PATH", System.getenv().getOrDefault("PATH", "/usr/bin:/bin"));
        builder.environment().putAll(env);
        return new JarProcess(builder.start(), log);
    }

    public void writeStdin(String text) throws IOException {
        try (OutputStream in = process.getOutputStream()) {
            in.write(text.getBytes(StandardCharsets.UTF_8));
        }
    }

    /** Waits for the next output line matching {@code condition}; fails with all output when none comes. */
    public String awaitLine(Predicate<String> condition, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            boolean exited = !process.isAlive();
            List<String> all = output();
            while (consumed < all.size()) {
                String line = all.get(consumed++);
                if (condition.test(line)) {
                    return line;
                }
            }
            if (exited || System.nanoTime() > deadline) {
                throw new AssertionError("no such line within " + timeout + (exited ? " (the process ended)" : "")
                        + "; output was:\n" + String.join("\n", all));
            }
            // The output is a file another process appends to: look again shortly.
            process.waitFor(50, TimeUnit.MILLISECONDS);
        }
    }

    public int awaitExit(Duration timeout) throws InterruptedException {
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new AssertionError("still running after " + timeout + "; output:\n" + String.join("\n", output()));
        }
        return process.exitValue();
    }

    /** Waits up to {@code timeout} for the process to end; false when it is still running. */
    public boolean awaitExitQuietly(Duration timeout) throws InterruptedException {
        return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Every complete line printed so far. */
    public List<String> output() {
        try {
            String text = Files.readString(log, StandardCharsets.UTF_8);
            int end = text.lastIndexOf('\n');
            return end < 0 ? List.of() : List.of(text.substring(0, end).split("\n", -1));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Sends SIGTERM, as a service manager or {@code docker stop} does. */
    public void terminate() {
        process.destroy();
    }

    public long pid() {
        return process.pid();
    }

    @Override
    public void close() throws IOException {
        process.destroyForcibly();
        Files.deleteIfExists(log);
    }
}
