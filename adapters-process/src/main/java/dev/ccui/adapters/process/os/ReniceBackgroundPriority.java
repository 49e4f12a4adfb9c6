package dev.ccui.adapters.process.os;

import dev.ccui.application.history.port.out.BackgroundPriority;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Lowers a thread to nice {@value #NICE} with {@code renice} on its Linux thread id (found through
 * {@code /proc/thread-self}). Java's own thread priorities reach Linux only with a JVM flag that
 * warns on every start of a non-root user; lowering one's own priority needs no privilege. Nice 4
 * against the request threads' 0 gives the background about a third of a contended core and all
 * of an idle one. Elsewhere (no {@code /proc/thread-self}, no {@code renice}) threads stay as they are.
 */
public final class ReniceBackgroundPriority implements BackgroundPriority {
    private static final Logger LOG = LoggerFactory.getLogger(ReniceBackgroundPriority.class);
    static final int NICE = 4;
    private static final Path THREAD_SELF = Path.of("/proc/thread-self");

    private final AtomicBoolean unavailable = new AtomicBoolean();

    @Override
    public void lowerCurrentThread() {
        if (unavailable.get()) {
            return;
        }
        try {
            String tid = Files.readSymbolicLink(THREAD_SELF).getFileName().toString();
            Process renice = command(tid).start();
            if (!renice.waitFor(5, TimeUnit.SECONDS)) {
                renice.destroyForcibly();
                giveUp("renice did not answer");
            } else if (renice.exitValue() != 0) {
                giveUp("renice exited with " + renice.exitValue());
            }
        } catch (IOException | UnsupportedOperationException e) {
            giveUp(e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * {@code renice} for the thread {@code tid}, with {@code PATH} as its whole environment: the
     * server's (secrets among it) is none of its business.
     */
    static ProcessBuilder command(String tid) {
        ProcessBuilder builder = new ProcessBuilder("renice", "-n", Integer.toString(NICE), "-p", tid)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD);
        builder.environment().keySet().retainAll(Set.of("PATH"));
        return builder;
    }

    /** Said once: the index then runs at the server's priority, as it always could. */
    private void giveUp(String why) {
        if (unavailable.compareAndSet(false, true)) {
            LOG.info("the index runs at the server's own priority (cannot lower its threads: {})", why);
        }
    }
}
