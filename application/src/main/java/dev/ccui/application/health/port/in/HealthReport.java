package dev.ccui.application.health.port.in;

import java.util.Map;

/** {@code status}: up (all well), degraded (optional parts missing), down (a required part failed). */
public record HealthReport(String status, String version, long uptimeSeconds, Map<String, ProbeResult> checks) {
    public boolean isDown() {
        return ProbeResult.DOWN.equals(status);
    }
}
