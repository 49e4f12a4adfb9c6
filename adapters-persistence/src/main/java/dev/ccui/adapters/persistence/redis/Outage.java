package dev.ccui.adapters.persistence.redis;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;

/**
 * Whether one adapter is working without Redis right now. It logs once when an outage starts and
 * once when it ends, not per request, and while it lasts lets one caller per
 * {@link #RETRY_INTERVAL} try Redis, and only once the connection is back: a Redis that accepts
 * connections but does not answer then costs one command timeout per interval, not per request.
 */
final class Outage {
    static final Duration RETRY_INTERVAL = Duration.ofMillis(500);

    private final RedisConnection redis;
    private final Logger log;
    private final String usage;
    private final String meanwhile;
    private final AtomicBoolean active = new AtomicBoolean();
    private final AtomicLong since = new AtomicLong();
    private final AtomicLong nextTryAt = new AtomicLong();

    /**
     * @param usage     what Redis serves here, e.g. "rate limits"
     * @param meanwhile what the adapter does without it, e.g. "using this node's local buckets"
     */
    Outage(RedisConnection redis, Logger log, String usage, String meanwhile) {
        this.redis = redis;
        this.log = log;
        this.usage = usage;
        this.meanwhile = meanwhile;
    }

    boolean active() {
        return active.get();
    }

    /** True when the caller should try Redis; false while an outage lasts and no retry is due. */
    boolean shouldTryRedis() {
        if (!active.get()) {
            return true;
        }
        if (!redis.isUp()) {
            return false;
        }
        long now = System.nanoTime();
        long due = nextTryAt.get();
        return now - due >= 0 && nextTryAt.compareAndSet(due, now + RETRY_INTERVAL.toNanos());
    }

    void failed(Throwable error) {
        nextTryAt.set(System.nanoTime() + RETRY_INTERVAL.toNanos());
        if (active.compareAndSet(false, true)) {
            since.set(System.nanoTime());
            log.warn("Redis unavailable for {} ({}); {} until it is back", usage, error.toString(), meanwhile);
        }
    }

    void succeeded() {
        if (active.compareAndSet(true, false)) {
            log.info(
                    "{} go through Redis again after {} ms without it",
                    usage,
                    (System.nanoTime() - since.get()) / 1_000_000);
        }
    }
}
