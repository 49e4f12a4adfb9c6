package dev.ccui.adapters.http.security;

import dev.ccui.adapters.http.metrics.HttpMetrics;
import dev.ccui.application.ratelimit.port.in.RateLimitUseCase;
import dev.ccui.domain.error.TooManyRequestsException;
import dev.ccui.domain.ratelimit.RateLimit;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.util.Set;

/**
 * Per-client request limits: one for every API call, and a stricter one on the routes that
 * check passwords, so guessing is slow whatever username is tried.
 */
public final class RateLimits {
    private static final Set<String> PASSWORD_ROUTES =
            Set.of("/api/auth/login", "/api/auth/setup", "/api/auth/password");

    private static final String HEALTH = "/api/health";

    private final RateLimitUseCase limiter;
    private final RateLimit apiLimit;
    private final RateLimit authLimit;

    private final HttpMetrics metrics;

    public RateLimits(RateLimitUseCase limiter, RateLimit apiLimit, RateLimit authLimit, HttpMetrics metrics) {
        this.limiter = limiter;
        this.metrics = metrics;
        this.apiLimit = apiLimit;
        this.authLimit = authLimit;
    }

    public void check(Context ctx) {
        if (!ctx.path().startsWith("/api/") && !ctx.path().startsWith("/ws")) {
            return;
        }
        // Health is what load balancers and monitors poll, often from the address many users come
        // through (a proxy, a NAT): limited with them, a busy user made the node look down (429).
        // It answers from cached probes, so leaving it out costs no database work.
        if (HEALTH.equals(ctx.path())) {
            return;
        }
        String ip = Authentication.client(ctx).ip();
        consume(ctx, apiLimit, ip, "too many requests");
    }

    /**
     * The stricter limit of the routes that check passwords, once the router matched one: by its
     * template, so every spelling the router accepts ({@code /api/auth/login/}) counts the same.
     */
    public void checkMatched(Context ctx) {
        if (ctx.method() == HandlerType.POST && PASSWORD_ROUTES.contains(MatchedRoute.template(ctx))) {
            consume(ctx, authLimit, Authentication.client(ctx).ip(), "too many sign-in attempts from this address");
        }
    }

    /** True when the route template is one the password limit applies to (for tests over the route table). */
    public static boolean isPasswordRoute(String method, String template) {
        return "POST".equals(method) && PASSWORD_ROUTES.contains(template);
    }

    private void consume(Context ctx, RateLimit limit, String key, String message) {
        RateLimitUseCase.Admission decision = limiter.admit(limit, key);
        if (!decision.allowed()) {
            metrics.rateLimited();
            throw new TooManyRequestsException(message, decision.retryAfter());
        }
        if (limit == apiLimit && !limit.unlimited()) {
            ctx.header("X-RateLimit-Remaining", Long.toString(decision.remaining()));
        }
    }
}
