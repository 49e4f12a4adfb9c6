package dev.ccui.bootstrap.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.LockSupport;

/** Samples the resident memory of one process every 100 ms from {@code /proc}, so peaks between requests are seen. */
final class RssSampler implements AutoCloseable {
    private record Sample(long atNanos, long kb) {}

    private final long pid;
    private final List<Sample> samples = new ArrayList<>();
    private final Thread thread;
    private volatile boolean running = true;

    RssSampler(long pid) {
        this.pid = pid;
        this.thread = Thread.ofPlatform().daemon().name("rss-sampler").start(this::run);
    }

    private void run() {
        while (running) {
            long kb = ProcStats.statusKb(pid, "VmRSS:");
            if (kb >= 0) {
                synchronized (samples) {
                    samples.add(new Sample(System.nanoTime(), kb));
                }
            }
            LockSupport.parkNanos(100_000_000L);
        }
    }

    /** The resident memory now, in MB. */
    double nowMb() {
        return ProcStats.statusKb(pid, "VmRSS:") / 1024.0;
    }

    /** The highest resident memory sampled between two {@link System#nanoTime()} instants, in MB. */
    double peakMb(long fromNanos, long toNanos) {
        synchronized (samples) {
            return samples.stream()
                            .filter(s -> s.atNanos() >= fromNanos && s.atNanos() <= toNanos)
                            .mapToLong(Sample::kb)
                            .max()
                            .orElse(0)
                    / 1024.0;
        }
    }

    /** The kernel's high-water mark of the process's resident memory, in MB. */
    double highWaterMb() {
        return ProcStats.statusKb(pid, "VmHWM:") / 1024.0;
    }

    @Override
    public void close() {
        running = false;
        thread.interrupt();
    }
}
