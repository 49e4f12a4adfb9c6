package dev.ccui.application.common;

import java.util.ArrayList;
import java.util.List;

/**
 * A request to stop a long operation (a clone; a streamed fetch, pull or push), from its caller to
 * the adapter that runs it: the adapter registers how to stop (kill its process), the caller calls
 * {@link #cancel()} when a person asks or goes away.
 * A stop registered after the cancel runs at once, so no race leaves the process running.
 */
public final class Cancellation {
    private final List<Runnable> stops = new ArrayList<>();
    private boolean cancelled;

    public void onCancel(Runnable stop) {
        boolean now;
        synchronized (this) {
            now = cancelled;
            if (!now) {
                stops.add(stop);
            }
        }
        if (now) {
            stop.run();
        }
    }

    public void cancel() {
        List<Runnable> toRun;
        synchronized (this) {
            if (cancelled) {
                return;
            }
            cancelled = true;
            toRun = List.copyOf(stops);
            stops.clear();
        }
        toRun.forEach(Runnable::run);
    }

    public synchronized boolean cancelled() {
        return cancelled;
    }
}
