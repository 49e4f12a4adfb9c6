package dev.ccui.adapters.http.security;

import dev.ccui.adapters.http.metrics.HttpMetrics;
import dev.ccui.application.ratelimit.port.out.RateLimit;
import dev.ccui.application.ratelimit.port.out.RateLimiter;
import dev.ccui.domain.error.TooManyRequestsException;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.util.Set;

/**
 * Per-client request limits: one for every API call, and a stricter one on the routes that
 * check passwords, so guessing is slow whatever username is tried.
 */
public final class RateLimits {
    private static final Set<String> PASSWORD_ROUTES = Set.of("/api/auth/login", "/api/auth/setup", "/api/auth/password");

    private final RateLimiter limiter;
    private final RateLimit apiLimit;
    private final RateLimit authLimit;

    private final HttpMetrics metrics;

    public RateLimits(RateLimiter limiter, RateLimit apiLimit, RateLimit authLimit, HttpMetrics metrics) {
        this.limiter = limiter;
        this.metrics = metrics;
        this.apiLimit = apiLimit;
        this.authLimit = authLimit;
    }

    public void check(Context ctx) {
        if (!ctx.path().startsWith("/api/") && !ctx.path().startsWith("/ws")) {
            return;
        }
        String ip = Authentication.client(ctx).ip();
        consume(ctx, apiLimit, ip, "too many requests");
        if (ctx.method() == HandlerType.POST && PASSWORD_ROUTES.contains(ctx.path())) {
            consume(ctx, authLimit, ip, "too many sign-in attempts from this address");
        }
    }

    private void consume(Context ctx, RateLimit limit, String key, String message) {
        RateLimiter.Decision decision = limiter.tryConsume(limit, key);
        if (!decision.allowed()) {
            metrics.rateLimited();
            throw new TooManyRequestsException(message, decision.retryAfter());
        }
        if (limit == apiLimit && !limit.unlimited()) {
            ctx.header("X-RateLimit-Remaining", Long.toString(decision.remaining()));
        }
    }
}
