package dev.ccui.bootstrap.faults;

/** One request made under a fault: when it was sent (nanoTime), how long it took, what came back. */
record Outcome(long sentNanos, long tookNanos, int status, String body) {
    long tookMillis() {
        return tookNanos / 1_000_000;
    }
}
