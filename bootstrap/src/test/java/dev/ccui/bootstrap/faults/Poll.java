package dev.ccui.bootstrap.faults;

import java.time.Duration;
import java.util.function.Supplier;

/** Waits on an observable condition with a deadline (never a bare sleep as synchronisation). */
final class Poll {
    private Poll() {}

    /** The first non-null value {@code probe} gives within {@code timeout}; a failure naming {@code what} otherwise. */
    static <T> T until(String what, Duration timeout, Supplier<T> probe) {
        long deadline = System.nanoTime() + timeout.toNanos();
        RuntimeException last = null;
        while (System.nanoTime() < deadline) {
            try {
                T value = probe.get();
                if (value != null) {
                    return value;
                }
            } catch (RuntimeException e) {
                last = e;
            }
            pause(50);
        }
        throw new AssertionError("not within " + timeout + ": " + what, last);
    }

    /** True once {@code condition} holds within {@code timeout}, false when the deadline passes. */
    static boolean within(Duration timeout, Supplier<Boolean> condition) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (Boolean.TRUE.equals(condition.get())) {
                return true;
            }
            pause(50);
        }
        return false;
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }
}
