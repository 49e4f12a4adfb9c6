package dev.ccui.application.health.port.in;

import java.util.Map;

/**
 * {@code status}: up (all well), degraded (optional parts missing), down (a required part failed),
 * draining (shutting down: finishing its runs, taking no new ones).
 */
public record HealthReport(String status, String version, long uptimeSeconds, Map<String, ProbeResult> checks) {
    public static final String DRAINING = "draining";

    /** Whether a load balancer should send this node no traffic: down, or draining. */
    public boolean isDown() {
        return ProbeResult.DOWN.equals(status) || DRAINING.equals(status);
    }
}
