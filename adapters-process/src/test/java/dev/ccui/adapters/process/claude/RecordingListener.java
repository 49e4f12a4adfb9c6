package dev.ccui.adapters.process.claude;

import static org.assertj.core.api.Assertions.fail;

import dev.ccui.application.run.port.out.ProcessExit;
import dev.ccui.application.run.port.out.RunListener;
import dev.ccui.domain.run.RunEvent;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;

/** Keeps every event and lets a test wait for the next ones, with timeouts. */
final class RecordingListener implements RunListener {
    static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final BlockingQueue<RunEvent> pending = new LinkedBlockingQueue<>();
    private final List<RunEvent> all = new CopyOnWriteArrayList<>();
    private final CompletableFuture<ProcessExit> exit = new CompletableFuture<>();
    private final List<String> order = new CopyOnWriteArrayList<>();

    @Override
    public void onEvent(RunEvent event) {
        if (exit.isDone()) {
            order.add("event after exit: " + event.kind());
        }
        all.add(event);
        pending.add(event);
    }

    @Override
    public void onExit(ProcessExit processExit) {
        if (!exit.complete(processExit)) {
            order.add("second exit");
        }
    }

    List<RunEvent> all() {
        return List.copyOf(all);
    }

    /** Anything out of order seen so far (events after the exit, two exits). */
    List<String> protocolViolations() {
        return List.copyOf(order);
    }

    /** Waits for the next event of this type, skipping (but keeping in {@link #all()}) the others. */
    <T extends RunEvent> T next(Class<T> type) {
        return next(type, event -> true, TIMEOUT);
    }

    <T extends RunEvent> T next(Class<T> type, Predicate<T> matching, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            long left = deadline - System.nanoTime();
            RunEvent event;
            try {
                event = left <= 0 ? null : pending.poll(left, TimeUnit.NANOSECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted", e);
            }
            if (event == null) {
                return fail("no %s within %s; events so far: %s", type.getSimpleName(), timeout, kinds());
            }
            if (type.isInstance(event) && matching.test(type.cast(event))) {
                return type.cast(event);
            }
        }
    }

    /** The events up to and including the next {@code run_ended}. */
    List<RunEvent> untilRunEnded() {
        List<RunEvent> turn = new ArrayList<>();
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (true) {
            RunEvent event;
            try {
                event = pending.poll(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted", e);
            }
            if (event == null) {
                return fail("no run_ended within %s; events so far: %s", TIMEOUT, kinds());
            }
            turn.add(event);
            if (event instanceof RunEvent.RunEnded) {
                return turn;
            }
        }
    }

    ProcessExit awaitExit(Duration timeout) {
        try {
            return exit.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            return fail("the process did not exit within %s; events: %s", timeout, kinds());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        } catch (ExecutionException e) {
            throw new AssertionError(e);
        }
    }

    /** Whether the process exits within {@code timeout}: for checking that it does not. */
    boolean exitsWithin(Duration timeout) {
        try {
            exit.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (TimeoutException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        } catch (ExecutionException e) {
            throw new AssertionError(e);
        }
    }

    boolean exited() {
        return exit.isDone();
    }

    List<String> kinds() {
        return all.stream()
                .map(event -> event instanceof RunEvent.Status status ? "status:" + status.status() : event.kind())
                .toList();
    }
}
