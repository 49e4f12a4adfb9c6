package dev.ccui.application.ratelimit.port.out;

import dev.ccui.domain.ratelimit.RateLimit;
import java.time.Duration;

/** Counts requests per key against a limit. */
public interface RateLimiter {

    /** Takes one token for {@code key}; says whether it was allowed and, if not, when to retry. */
    Decision tryConsume(RateLimit limit, String key);

    record Decision(boolean allowed, long remaining, Duration retryAfter) {
        public static Decision allow(long remaining) {
            return new Decision(true, remaining, Duration.ZERO);
        }

        public static Decision deny(Duration retryAfter) {
            return new Decision(false, 0, retryAfter);
        }
    }
}
