package dev.ccui.domain.ratelimit;

import java.time.Duration;
import java.util.Objects;

/** {@code capacity} requests per {@code period}, refilled gradually. Capacity 0 means no limit. */
public record RateLimit(String name, long capacity, Duration period) {
    public RateLimit {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(period, "period");
        if (capacity < 0 || period.isNegative() || period.isZero()) {
            throw new IllegalArgumentException("a rate limit needs capacity >= 0 and a positive period");
        }
    }

    public boolean unlimited() {
        return capacity == 0;
    }
}
