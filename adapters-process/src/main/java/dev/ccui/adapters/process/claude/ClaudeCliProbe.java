package dev.ccui.adapters.process.claude;

import dev.ccui.application.health.port.in.ProbeResult;
import dev.ccui.application.health.port.out.HealthProbe;
import dev.ccui.application.history.CliCleanupPeriod;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Whether the {@code claude} CLI can be run, and its version ({@code claude --version}). A missing
 * CLI degrades the service (no live chat) but does not take it down: history, files and git
 * still work. The answer is cached, because health is polled often and the CLI starts slowly.
 */
public final class ClaudeCliProbe implements HealthProbe {
    private static final Logger LOG = LoggerFactory.getLogger(ClaudeCliProbe.class);
    private static final Pattern VERSION = Pattern.compile("(\\d+\\.\\d+\\.\\d+)");
    private static final Duration TIMEOUT = Duration.ofSeconds(15);
    private static final int MAX_OUTPUT = 4096;

    private final String executable;
    private final List<String> arguments;
    private final Clock clock;
    private final Duration cacheFor;
    private final ReentrantLock refreshing = new ReentrantLock();
    private volatile Cached cached;

    public ClaudeCliProbe(String executable, Clock clock, Duration cacheFor) {
        this(executable, CliCleanupPeriod.keep(), clock, cacheFor);
    }

    /** {@code cleanup}: passed to the probe too, so no CLI the app starts runs with another period. */
    public ClaudeCliProbe(String executable, CliCleanupPeriod cleanup, Clock clock, Duration cacheFor) {
        this.executable = executable;
        this.arguments = cleanup.arguments();
        this.clock = clock;
        this.cacheFor = cacheFor;
    }

    private record Cached(ProbeResult result, Instant at) {}

    @Override
    public String name() {
        return "claudeCli";
    }

    @Override
    public boolean required() {
        return false;
    }

    /**
     * One caller runs the CLI when the answer is due; the others keep the previous answer meanwhile
     * (only the very first callers wait for it): a busy health endpoint must not start one CLI per
     * request each time the cache runs out.
     */
    @Override
    public ProbeResult check() {
        Cached current = cached;
        if (fresh(current)) {
            return current.result();
        }
        if (current != null && !refreshing.tryLock()) {
            return current.result();
        }
        if (current == null) {
            refreshing.lock();
        }
        try {
            current = cached;
            if (fresh(current)) {
                return current.result();
            }
            ProbeResult result = probe();
            cached = new Cached(result, clock.instant());
            return result;
        } finally {
            refreshing.unlock();
        }
    }

    private boolean fresh(Cached current) {
        return current != null && current.at().plus(cacheFor).isAfter(clock.instant());
    }

    private ProbeResult probe() {
        long start = System.nanoTime();
        Process process;
        try {
            var command = new ArrayList<String>();
            command.add(executable);
            command.addAll(arguments);
            command.add("--version");
            process = new ProcessBuilder(command).redirectErrorStream(true).start();
        } catch (IOException e) {
            LOG.warn("claude CLI not found at '{}': live chat is unavailable", executable);
            return new ProbeResult(ProbeResult.MISSING, null, Map.of("path", executable));
        }
        try (InputStream out = process.getInputStream()) {
            process.getOutputStream().close();
            if (!process.waitFor(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
                return new ProbeResult(
                        ProbeResult.DEGRADED, null, Map.of("path", executable, "error", "no answer to --version"));
            }
            String text = new String(out.readNBytes(MAX_OUTPUT), StandardCharsets.UTF_8);
            long latency = (System.nanoTime() - start) / 1_000_000;
            Matcher matcher = VERSION.matcher(text);
            if (process.exitValue() != 0 || !matcher.find()) {
                return new ProbeResult(
                        ProbeResult.DEGRADED,
                        latency,
                        Map.of(
                                "path",
                                executable,
                                "error",
                                "the CLI did not report a version (exit " + process.exitValue() + ")"));
            }
            return new ProbeResult(ProbeResult.UP, latency, Map.of("path", executable, "version", matcher.group(1)));
        } catch (IOException e) {
            return new ProbeResult(
                    ProbeResult.DEGRADED, null, Map.of("path", executable, "error", "could not read its output"));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
            return new ProbeResult(ProbeResult.DEGRADED, null, Map.of("path", executable, "error", "interrupted"));
        }
    }
}
