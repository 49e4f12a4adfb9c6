package dev.ccui.application.health.port.out;

import dev.ccui.application.health.port.in.ProbeResult;

/** One dependency the service checks for {@code /api/health}. */
public interface HealthProbe {

    String name();

    /** A required probe that is down makes the whole service down (503); others only degrade it. */
    boolean required();

    ProbeResult check();

    /**
     * Whether a check costs a round trip outside the process (database, Redis): such answers are
     * reused for a short while instead of being asked again on every health request.
     */
    default boolean costly() {
        return false;
    }
}
