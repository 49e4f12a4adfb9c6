package dev.ccui.application.testing;

import dev.ccui.application.ratelimit.port.out.RateLimiter;
import dev.ccui.domain.ratelimit.RateLimit;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Fixed-window counter with no refill: enough to see limits trip in use-case tests. */
public final class CountingRateLimiter implements RateLimiter {
    private final Map<String, Long> used = new ConcurrentHashMap<>();

    @Override
    public Decision tryConsume(RateLimit limit, String key) {
        if (limit.unlimited()) {
            return Decision.allow(Long.MAX_VALUE);
        }
        long count = used.merge(limit.name() + ":" + key, 1L, Long::sum);
        return count <= limit.capacity()
                ? Decision.allow(limit.capacity() - count)
                : Decision.deny(Duration.ofSeconds(60));
    }
}
