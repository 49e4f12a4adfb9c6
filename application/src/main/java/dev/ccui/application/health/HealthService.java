package dev.ccui.application.health;

import dev.ccui.application.health.port.in.HealthReport;
import dev.ccui.application.health.port.in.HealthUseCase;
import dev.ccui.application.health.port.in.ProbeResult;
import dev.ccui.application.health.port.out.HealthProbe;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * The service's health from its probes. Probes that cost a round trip ({@link HealthProbe#costly()})
 * answer from a cache at most {@link #MAX_AGE} old, so polling health costs no database work per
 * request, while an outage still shows within about a second.
 */
public final class HealthService implements HealthUseCase {
    /** How long a costly probe's answer is reused. */
    public static final Duration MAX_AGE = Duration.ofMillis(500);
    /** A costly probe still running after this long is reported as failing. */
    public static final Duration STUCK_AFTER = Duration.ofSeconds(1);

    private final List<ProbeCache> probes;
    private final String version;
    private final Instant startedAt;
    private final Clock clock;
    private volatile boolean draining;

    public HealthService(List<HealthProbe> probes, String version, Clock clock) {
        this(probes, version, clock, MAX_AGE, STUCK_AFTER, System::nanoTime);
    }

    public HealthService(
            List<HealthProbe> probes,
            String version,
            Clock clock,
            Duration maxAge,
            Duration stuckAfter,
            LongSupplier nanoTime) {
        this.probes = probes.stream()
                .map(p -> new ProbeCache(p, maxAge.toNanos(), stuckAfter.toNanos(), nanoTime))
                .toList();
        this.version = version;
        this.clock = clock;
        this.startedAt = clock.instant();
    }

    /** From now on the node reports {@code draining} (503), so load balancers take it out. */
    public void markDraining() {
        draining = true;
    }

    @Override
    public HealthReport checkHealth() {
        Map<String, ProbeResult> checks = new LinkedHashMap<>();
        String overall = ProbeResult.UP;
        for (ProbeCache cache : probes) {
            HealthProbe probe = cache.probe();
            ProbeResult result = cache.result();
            checks.put(probe.name(), result);
            if (!result.isUp()) {
                if (probe.required() && ProbeResult.DOWN.equals(result.status())) {
                    overall = ProbeResult.DOWN;
                } else if (!ProbeResult.DOWN.equals(overall)) {
                    overall = ProbeResult.DEGRADED;
                }
            }
        }
        if (draining) {
            overall = HealthReport.DRAINING;
        }
        long uptime = Duration.between(startedAt, clock.instant()).toSeconds();
        return new HealthReport(overall, version, uptime, checks);
    }
}
