package dev.ccui.application.health.port.in;

import java.util.Map;
import java.util.Objects;

/** What one probe found, as the health report lists it. {@code status} is up, degraded, down or missing; {@code details} are shown as they are. */
public record ProbeResult(String status, Long latencyMs, Map<String, Object> details) {
    public static final String UP = "up";
    public static final String DEGRADED = "degraded";
    public static final String DOWN = "down";
    public static final String MISSING = "missing";

    public ProbeResult {
        Objects.requireNonNull(status, "status");
        details = details == null ? Map.of() : Map.copyOf(details);
    }

    public boolean isUp() {
        return UP.equals(status);
    }
}
