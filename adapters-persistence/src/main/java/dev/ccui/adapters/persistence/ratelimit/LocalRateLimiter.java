package dev.ccui.adapters.persistence.ratelimit;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.ccui.application.ratelimit.port.out.RateLimiter;
import dev.ccui.domain.ratelimit.RateLimit;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import java.time.Duration;

/**
 * Token buckets in this process's memory (Bucket4j). Buckets of clients not seen for a while
 * are dropped, so a flood of distinct keys cannot grow memory without bound.
 */
public final class LocalRateLimiter implements RateLimiter {
    private final Cache<String, Bucket> buckets = Caffeine.newBuilder()
            .maximumSize(100_000)
            .expireAfterAccess(Duration.ofHours(1))
            .build();

    @Override
    public Decision tryConsume(RateLimit limit, String key) {
        if (limit.unlimited()) {
            return Decision.allow(Long.MAX_VALUE);
        }
        Bucket bucket = buckets.get(
                limit.name() + "|" + limit.capacity() + "|" + limit.period() + "|" + key, ignored -> newBucket(limit));
        ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
        if (probe.isConsumed()) {
            return Decision.allow(probe.getRemainingTokens());
        }
        long nanos = probe.getNanosToWaitForRefill();
        return Decision.deny(Duration.ofSeconds(Math.max(1, (nanos + 999_999_999L) / 1_000_000_000L)));
    }

    private static Bucket newBucket(RateLimit limit) {
        return Bucket.builder()
                .addLimit(Bandwidth.builder()
                        .capacity(limit.capacity())
                        .refillGreedy(limit.capacity(), limit.period())
                        .build())
                .build();
    }
}
