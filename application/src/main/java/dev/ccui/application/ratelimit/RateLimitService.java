package dev.ccui.application.ratelimit;

import dev.ccui.application.ratelimit.port.in.RateLimitUseCase;
import dev.ccui.application.ratelimit.port.out.RateLimiter;
import dev.ccui.domain.ratelimit.RateLimit;

/**
 * Request limits over the shared counter (this node's, or Redis for all nodes): the transports ask
 * here, so they never hold the counter's port themselves.
 */
public final class RateLimitService implements RateLimitUseCase {
    private final RateLimiter limiter;

    public RateLimitService(RateLimiter limiter) {
        this.limiter = limiter;
    }

    @Override
    public Admission admit(RateLimit limit, String client) {
        RateLimiter.Decision decision = limiter.tryConsume(limit, client);
        return new Admission(decision.allowed(), decision.remaining(), decision.retryAfter());
    }
}
