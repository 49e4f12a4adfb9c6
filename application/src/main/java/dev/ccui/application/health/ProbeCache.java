package dev.ccui.application.health;

import dev.ccui.application.health.port.in.ProbeResult;
import dev.ccui.application.health.port.out.HealthProbe;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.LongSupplier;

/**
 * One probe's last answer, reused for {@code maxAgeNanos}: health is polled by load balancers and
 * dashboards, sometimes thousands of times a second, and a database round trip per poll made it
 * the slowest route. One caller refreshes an expired answer while the others keep the previous
 * one; a probe that has not answered within {@code stuckNanos} is reported as failing, so a hung
 * dependency shows as soon as a quick failure would.
 */
final class ProbeCache {
    private record Answer(ProbeResult result, long at) {}

    private final HealthProbe probe;
    private final long maxAgeNanos;
    private final long stuckNanos;
    private final LongSupplier nanoTime;
    private final AtomicBoolean probing = new AtomicBoolean();
    private volatile long probingSince;
    private volatile Answer last;

    ProbeCache(HealthProbe probe, long maxAgeNanos, long stuckNanos, LongSupplier nanoTime) {
        this.probe = probe;
        this.maxAgeNanos = maxAgeNanos;
        this.stuckNanos = stuckNanos;
        this.nanoTime = nanoTime;
    }

    HealthProbe probe() {
        return probe;
    }

    ProbeResult result() {
        if (!probe.costly()) {
            return check(probe);
        }
        Answer answer = last;
        long now = nanoTime.getAsLong();
        if (answer != null && now - answer.at() < maxAgeNanos) {
            return answer.result();
        }
        if (probing.compareAndSet(false, true)) {
            try {
                probingSince = now;
                ProbeResult result = check(probe);
                last = new Answer(result, nanoTime.getAsLong());
                return result;
            } finally {
                probing.set(false);
            }
        }
        // Another caller is probing right now.
        if (now - probingSince >= stuckNanos) {
            return new ProbeResult(
                    probe.required() ? ProbeResult.DOWN : ProbeResult.DEGRADED,
                    (now - probingSince) / 1_000_000,
                    Map.of("error", "no answer within " + stuckNanos / 1_000_000 + " ms"));
        }
        return answer != null ? answer.result() : check(probe);
    }

    private static ProbeResult check(HealthProbe probe) {
        try {
            return probe.check();
        } catch (RuntimeException e) {
            return new ProbeResult(
                    ProbeResult.DOWN, null, Map.of("error", e.getClass().getSimpleName()));
        }
    }
}
