package dev.ccui.application.run;

import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Runs a task later, on another thread. A seam of its own so that a permission timeout is tested
 * by firing it, not by waiting for it.
 */
@FunctionalInterface
interface DelayedTasks {

    Scheduled after(Duration delay, Runnable task);

    /** A task not run yet; cancelling keeps it from running (one already running goes on). */
    @FunctionalInterface
    interface Scheduled {
        void cancel();
    }

    static DelayedTasks on(ScheduledExecutorService executor) {
        return (delay, task) -> {
            ScheduledFuture<?> future = executor.schedule(task, delay.toMillis(), TimeUnit.MILLISECONDS);
            return () -> future.cancel(false);
        };
    }
}
