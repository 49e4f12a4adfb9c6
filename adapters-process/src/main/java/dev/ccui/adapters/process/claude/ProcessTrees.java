package dev.ccui.adapters.process.claude;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Kills a process and everything it started, and waits until they are gone. */
final class ProcessTrees {
    private static final Logger LOG = LoggerFactory.getLogger(ProcessTrees.class);

    private ProcessTrees() {}

    /**
     * Kills {@code root}'s descendants and waits for them while {@code root} is still alive to reap
     * them (an orphan is reaped only by init, which in a container may be slow or never), then kills
     * {@code root} and whatever it started meanwhile. Waits up to {@code wait} in all. {@code alsoKill}
     * are processes seen earlier in the tree: once the root is dead its orphans are no longer its descendants.
     */
    static void kill(Process root, List<ProcessHandle> alsoKill, Duration wait) {
        long deadline = System.nanoTime() + wait.toNanos();
        List<ProcessHandle> victims = new ArrayList<>(alsoKill);
        victims.addAll(root.descendants().toList());
        victims.forEach(ProcessHandle::destroyForcibly);
        awaitAll(victims, deadline - wait.toNanos() / 2, root.pid(), false);
        List<ProcessHandle> late = root.descendants().toList();
        root.destroyForcibly();
        late.forEach(ProcessHandle::destroyForcibly);
        try {
            // waitFor also reaps the root, so it cannot linger as a zombie.
            if (!root.waitFor(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS)) {
                LOG.warn("claude CLI process {} did not die after SIGKILL", root.pid());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        victims.addAll(late);
        awaitAll(victims, deadline, root.pid(), true);
    }

    private static void awaitAll(List<ProcessHandle> processes, long deadline, long rootPid, boolean warn) {
        try {
            for (ProcessHandle process : processes) {
                long left = Math.max(1, deadline - System.nanoTime());
                process.onExit().get(left, TimeUnit.NANOSECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            if (warn) {
                LOG.warn("a child of claude CLI process {} did not die in time", rootPid);
            }
        }
    }

    /** The processes below {@code root} still alive (and not ended by {@code root} itself). */
    static List<ProcessHandle> aliveDescendants(List<ProcessHandle> seen) {
        return seen.stream().filter(ProcessHandle::isAlive).toList();
    }
}
