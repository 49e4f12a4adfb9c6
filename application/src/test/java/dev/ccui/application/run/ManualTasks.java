package dev.ccui.application.run;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Delayed tasks that run when the test says the time has come, so a timeout is tested without waiting. */
final class ManualTasks implements DelayedTasks {
    private final List<Task> tasks = new ArrayList<>();

    private static final class Task {
        final Runnable body;
        boolean cancelled;
        boolean ran;

        Task(Runnable body) {
            this.body = body;
        }
    }

    @Override
    public synchronized Scheduled after(Duration delay, Runnable task) {
        Task scheduled = new Task(task);
        tasks.add(scheduled);
        return () -> {
            synchronized (this) {
                scheduled.cancelled = true;
            }
        };
    }

    /** Runs every task neither cancelled nor run yet, as if their delay had passed. */
    void elapse() {
        List<Task> due;
        synchronized (this) {
            due = tasks.stream().filter(task -> !task.cancelled && !task.ran).toList();
            due.forEach(task -> task.ran = true);
        }
        due.forEach(task -> task.body.run());
    }

    /** Tasks that would still run. */
    synchronized long waiting() {
        return tasks.stream().filter(task -> !task.cancelled && !task.ran).count();
    }
}
