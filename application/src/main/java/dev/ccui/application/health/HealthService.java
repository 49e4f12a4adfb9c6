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

public final class HealthService implements HealthUseCase {
    private final List<HealthProbe> probes;
    private final String version;
    private final Instant startedAt;
    private final Clock clock;
    private volatile boolean draining;

    public HealthService(List<HealthProbe> probes, String version, Clock clock) {
        this.probes = List.copyOf(probes);
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
        for (HealthProbe probe : probes) {
            ProbeResult result = safeCheck(probe);
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

    private static ProbeResult safeCheck(HealthProbe probe) {
        try {
            return probe.check();
        } catch (RuntimeException e) {
            return new ProbeResult(
                    ProbeResult.DOWN, null, Map.of("error", e.getClass().getSimpleName()));
        }
    }
}
