package dev.ccui.adapters.http.security;

import dev.ccui.domain.auth.Principal;
import dev.ccui.domain.error.TooManyRequestsException;
import dev.ccui.domain.user.UserId;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Long-lived connections (/ws, /ws/terminal, SSE streams) held open on this node, per user and in
 * all: each one costs memory and a subscription, so one account cannot hold the node's share.
 * Beyond a limit: 429 before an SSE stream starts, close code 4429 for a WebSocket.
 */
public final class ConnectionLimits {
    public static final int DEFAULT_PER_USER = 32;
    public static final int DEFAULT_MAX = 2000;

    private final int perUser;
    private final int max;
    private final AtomicInteger total = new AtomicInteger();
    private final Map<UserId, AtomicInteger> byUser = new ConcurrentHashMap<>();

    public ConnectionLimits(int perUser, int max) {
        this.perUser = perUser;
        this.max = max;
    }

    /** Takes a slot for one connection of this user; release it exactly once when the connection ends. */
    public Slot acquire(Principal principal) {
        AtomicInteger mine = byUser.computeIfAbsent(principal.userId(), id -> new AtomicInteger());
        if (mine.incrementAndGet() > perUser) {
            mine.decrementAndGet();
            throw new TooManyRequestsException(
                    "you have " + perUser + " live connections open: close a tab or stream", Duration.ofSeconds(10));
        }
        if (total.incrementAndGet() > max) {
            total.decrementAndGet();
            mine.decrementAndGet();
            throw new TooManyRequestsException(
                    "this server holds as many live connections as it may", Duration.ofSeconds(10));
        }
        return new Slot(mine);
    }

    public int open() {
        return total.get();
    }

    /** One held connection. */
    public final class Slot implements AutoCloseable {
        private final AtomicInteger mine;
        private boolean released;

        private Slot(AtomicInteger mine) {
            this.mine = mine;
        }

        @Override
        public synchronized void close() {
            if (!released) {
                released = true;
                mine.decrementAndGet();
                total.decrementAndGet();
            }
        }
    }
}
