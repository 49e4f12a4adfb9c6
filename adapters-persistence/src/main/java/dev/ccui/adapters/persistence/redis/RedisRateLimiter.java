package dev.ccui.adapters.persistence.redis;

import dev.ccui.adapters.persistence.ratelimit.LocalRateLimiter;
import dev.ccui.application.ratelimit.port.out.RateLimiter;
import dev.ccui.domain.ratelimit.RateLimit;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import io.github.bucket4j.redis.lettuce.Bucket4jLettuce;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Token buckets shared by every node through Redis (Bucket4j's Lettuce proxy, compare-and-swap),
 * with the same bucket semantics as {@link LocalRateLimiter}. When Redis fails or is too slow the
 * limiter falls back to buckets local to this node: the limit then applies per node instead of
 * per cluster, which is looser but still a limit. It returns to Redis on the first successful
 * retry (see {@link Outage} for how often that is tried).
 */
public final class RedisRateLimiter implements RateLimiter {
    private static final Logger LOG = LoggerFactory.getLogger(RedisRateLimiter.class);
    // A full bucket equals a missing key, so keys may go once refilled; the margin absorbs clock skew.
    private static final Duration KEEP_AFTER_REFILL = Duration.ofSeconds(1);

    private final RedisConnection redis;
    private final LocalRateLimiter fallback;
    private final Outage outage;
    private volatile ProxyManager<byte[]> buckets;

    public RedisRateLimiter(RedisConnection redis) {
        this(redis, new LocalRateLimiter());
    }

    public RedisRateLimiter(RedisConnection redis, LocalRateLimiter fallback) {
        this.redis = redis;
        this.fallback = fallback;
        this.outage = new Outage(redis, LOG, "rate limits", "using this node's local buckets");
    }

    /** True while decisions are taken by this node's local buckets. */
    public boolean isFallingBack() {
        return outage.active();
    }

    @Override
    public Decision tryConsume(RateLimit limit, String key) {
        if (limit.unlimited()) {
            return Decision.allow(Long.MAX_VALUE);
        }
        if (!outage.shouldTryRedis()) {
            return fallback.tryConsume(limit, key);
        }
        Decision decision;
        try {
            decision = consumeInRedis(limit, key);
        } catch (RuntimeException e) {
            outage.failed(e);
            return fallback.tryConsume(limit, key);
        }
        outage.succeeded();
        return decision;
    }

    private Decision consumeInRedis(RateLimit limit, String key) {
        byte[] redisKey = redis.key("rl:" + limit.name() + ":" + limit.capacity() + ":"
                        + limit.period().toMillis() + ":" + key)
                .getBytes(StandardCharsets.UTF_8);
        ConsumptionProbe probe =
                buckets().builder().build(redisKey, () -> configuration(limit)).tryConsumeAndReturnRemaining(1);
        if (probe.isConsumed()) {
            return Decision.allow(probe.getRemainingTokens());
        }
        long nanos = probe.getNanosToWaitForRefill();
        return Decision.deny(Duration.ofSeconds(Math.max(1, (nanos + 999_999_999L) / 1_000_000_000L)));
    }

    private static BucketConfiguration configuration(RateLimit limit) {
        return BucketConfiguration.builder()
                .addLimit(Bandwidth.builder()
                        .capacity(limit.capacity())
                        .refillGreedy(limit.capacity(), limit.period())
                        .build())
                .build();
    }

    private ProxyManager<byte[]> buckets() {
        ProxyManager<byte[]> current = buckets;
        if (current == null) {
            synchronized (this) {
                current = buckets;
                if (current == null) {
                    current = Bucket4jLettuce.casBasedBuilder(redis.bytes())
                            .expirationAfterWrite(ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(
                                    KEEP_AFTER_REFILL))
                            .build();
                    buckets = current;
                }
            }
        }
        return current;
    }
}
