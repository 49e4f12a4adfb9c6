package dev.ccui.application.run;

import java.time.Duration;
import java.util.Objects;

/**
 * @param perUser           active runs one user may have
 * @param global            active runs on this node
 * @param permissionTimeout how long a permission request waits before it is denied
 * @param retention         how long the event log and finished runs are kept
 */
public record RunSettings(int perUser, int global, Duration permissionTimeout, Duration retention) {
    public RunSettings {
        Objects.requireNonNull(permissionTimeout, "permissionTimeout");
        Objects.requireNonNull(retention, "retention");
        if (perUser < 1 || global < 1 || permissionTimeout.isNegative() || permissionTimeout.isZero()) {
            throw new IllegalArgumentException("run limits and the permission timeout must be positive");
        }
    }

    public static RunSettings defaults() {
        return new RunSettings(3, 10, Duration.ofMinutes(5), Duration.ofDays(30));
    }
}
