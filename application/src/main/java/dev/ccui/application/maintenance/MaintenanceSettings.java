package dev.ccui.application.maintenance;

import java.time.Duration;
import java.util.Objects;

/**
 * @param retryAfter what refused requests are told to wait ({@code Retry-After})
 * @param cacheFor   how long a node trusts its last read of the shared state: a toggle on one
 *                   node reaches the others within this delay
 */
public record MaintenanceSettings(Duration retryAfter, Duration cacheFor) {
    public MaintenanceSettings {
        Objects.requireNonNull(retryAfter, "retryAfter");
        Objects.requireNonNull(cacheFor, "cacheFor");
        if (retryAfter.isNegative() || retryAfter.isZero()) {
            throw new IllegalArgumentException("retryAfter must be positive");
        }
    }

    public static MaintenanceSettings defaults() {
        return new MaintenanceSettings(Duration.ofSeconds(120), Duration.ofSeconds(2));
    }
}
