package dev.ccui.adapters.persistence.redis;

import dev.ccui.application.health.port.in.ProbeResult;
import dev.ccui.application.health.port.out.HealthProbe;
import java.util.Map;

/** A PING to Redis. Not required: without Redis the app serves from local buckets and the database. */
public final class RedisHealthProbe implements HealthProbe {
    private final RedisConnection redis;

    public RedisHealthProbe(RedisConnection redis) {
        this.redis = redis;
    }

    @Override
    public String name() {
        return "redis";
    }

    @Override
    public boolean required() {
        return false;
    }

    @Override
    public boolean costly() {
        return true;
    }

    @Override
    public ProbeResult check() {
        long start = System.nanoTime();
        try {
            long latencyMs = redis.ping().toMillis();
            return new ProbeResult(ProbeResult.UP, latencyMs, Map.of());
        } catch (RuntimeException e) {
            return new ProbeResult(
                    ProbeResult.DEGRADED,
                    (System.nanoTime() - start) / 1_000_000,
                    Map.of("error", "redis unreachable"));
        }
    }
}
