package dev.ccui.adapters.persistence.redis;

import io.lettuce.core.RedisURI;
import io.lettuce.core.ScanArgs;
import io.lettuce.core.ScanCursor;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

/**
 * The real Redis the integration tests run against ({@code CCUI_TEST_REDIS_URL}, default the
 * local server), a namespace of its own per test so parallel runs never share keys, condition
 * waits with a deadline, and the stop/start of the server for the restart test.
 */
final class TestRedis {
    static final String URL = System.getenv().getOrDefault("CCUI_TEST_REDIS_URL", "redis://127.0.0.1:6379");
    private static final RedisURI URI = RedisConnection.parse(URL);
    private static final Duration POLL = Duration.ofMillis(10);

    private TestRedis() {}

    static String uniqueNamespace() {
        return "ccui-it-" + UUID.randomUUID().toString().substring(0, 8) + ":";
    }

    static RedisConnection connect(String namespace) {
        return new RedisConnection(URL, namespace, RedisConnection.DEFAULT_COMMAND_TIMEOUT);
    }

    /** Waits until {@code condition} holds; fails with {@code what} after {@code timeout}. Returns the time it took. */
    static Duration await(String what, Duration timeout, BooleanSupplier condition) {
        long start = System.nanoTime();
        long deadline = start + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() - deadline > 0) {
                throw new AssertionError("timed out after " + timeout.toMillis() + " ms waiting until " + what);
            }
            LockSupport.parkNanos(POLL.toNanos());
        }
        return Duration.ofNanos(System.nanoTime() - start);
    }

    /** Like {@link #await} but answers false instead of failing. */
    static boolean awaitQuietly(Duration timeout, BooleanSupplier condition) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() - deadline > 0) {
                return false;
            }
            LockSupport.parkNanos(POLL.toNanos());
        }
        return true;
    }

    /** Removes the keys a test wrote, so a run leaves nothing behind (most would expire anyway). */
    static void deleteNamespace(RedisConnection redis, String namespace) {
        var commands = redis.sync();
        ScanCursor cursor = ScanCursor.INITIAL;
        do {
            var page = commands.scan(
                    cursor, ScanArgs.Builder.matches(namespace + "*").limit(500));
            if (!page.getKeys().isEmpty()) {
                commands.del(page.getKeys().toArray(String[]::new));
            }
            cursor = page;
        } while (!cursor.isFinished());
    }

    static boolean serverAnswers() {
        try {
            return run(List.of("redis-cli", "-h", URI.getHost(), "-p", Integer.toString(URI.getPort()), "ping"))
                    .contains("PONG");
        } catch (IOException e) {
            return false;
        }
    }

    static void shutdownServer() throws IOException {
        run(List.of("redis-cli", "-h", URI.getHost(), "-p", Integer.toString(URI.getPort()), "shutdown", "nosave"));
        await("Redis stopped", Duration.ofSeconds(10), () -> !serverAnswers());
    }

    /** Starts the server as the machine's setup does; a no-op when it already answers. */
    static void startServer() throws IOException {
        if (serverAnswers()) {
            return;
        }
        run(List.of(
                "redis-server",
                "--daemonize",
                "yes",
                "--bind",
                URI.getHost(),
                "--port",
                Integer.toString(URI.getPort()),
                "--save",
                "",
                "--appendonly",
                "no"));
        await("Redis started", Duration.ofSeconds(10), TestRedis::serverAnswers);
    }

    private static String run(List<String> command) throws IOException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IOException("timed out: " + command);
            }
            return new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted: " + command, e);
        }
    }
}
