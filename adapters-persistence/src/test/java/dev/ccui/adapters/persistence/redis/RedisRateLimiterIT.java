package dev.ccui.adapters.persistence.redis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ccui.application.ratelimit.port.out.RateLimiter.Decision;
import dev.ccui.domain.ratelimit.RateLimit;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** Two limiters on two connections play two nodes sharing one Redis. */
class RedisRateLimiterIT extends TwoRedisNodes {
    @Test
    void twoNodesShareOneBucketPerKey() {
        var a = new RedisRateLimiter(nodeA);
        var b = new RedisRateLimiter(nodeB);
        var limit = new RateLimit("login", 4, Duration.ofMinutes(1));

        assertThat(a.tryConsume(limit, "alice")).isEqualTo(Decision.allow(3));
        assertThat(b.tryConsume(limit, "alice")).isEqualTo(Decision.allow(2));
        assertThat(a.tryConsume(limit, "alice")).isEqualTo(Decision.allow(1));
        assertThat(b.tryConsume(limit, "alice")).isEqualTo(Decision.allow(0));

        Decision denied = a.tryConsume(limit, "alice");
        assertThat(denied.allowed()).isFalse();
        assertThat(denied.retryAfter()).isBetween(Duration.ofSeconds(1), Duration.ofSeconds(15));
        assertThat(b.tryConsume(limit, "alice").allowed()).isFalse();
        assertThat(b.tryConsume(limit, "bob")).isEqualTo(Decision.allow(3));
        assertThat(a.isFallingBack()).isFalse();
    }

    @Test
    void concurrentRequestsFromBothNodesNeverExceedTheCapacity() throws Exception {
        var limiters = List.of(new RedisRateLimiter(nodeA), new RedisRateLimiter(nodeB));
        var limit = new RateLimit("api", 25, Duration.ofHours(1));
        List<Callable<Boolean>> calls = new ArrayList<>();
        for (int i = 0; i < 80; i++) {
            var limiter = limiters.get(i % 2);
            calls.add(() -> limiter.tryConsume(limit, "10.0.0.1").allowed());
        }
        int allowed = 0;
        try (var pool = Executors.newFixedThreadPool(8)) {
            for (Future<Boolean> result : pool.invokeAll(calls)) {
                allowed += result.get() ? 1 : 0;
            }
        }
        assertThat(allowed).isEqualTo(25);
    }

    @Test
    void bucketsLiveInTheNamespaceAndExpireOnceRefilled() {
        var limit = new RateLimit("ws", 3, Duration.ofSeconds(30));
        new RedisRateLimiter(nodeA).tryConsume(limit, "carol");

        List<String> keys = nodeA.sync().keys(namespace + "*");
        assertThat(keys).containsExactly(namespace + "rl:ws:3:30000:carol");
        long ttlMs = nodeA.sync().pttl(keys.get(0));
        // One token taken of three refilled over 30 s: full again in 10 s, plus one second of margin.
        assertThat(ttlMs).isBetween(1L, 11_000L);
    }

    @Test
    void aZeroCapacityMeansNoLimitAndTouchesNothing() {
        var limit = new RateLimit("off", 0, Duration.ofSeconds(1));
        assertThat(new RedisRateLimiter(nodeA).tryConsume(limit, "x").allowed()).isTrue();
        assertThat(nodeA.sync().keys(namespace + "*")).isEmpty();
    }
}
