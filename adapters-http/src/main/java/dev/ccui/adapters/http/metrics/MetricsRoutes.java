package dev.ccui.adapters.http.metrics;

import dev.ccui.adapters.http.security.Access;
import dev.ccui.adapters.http.security.Authentication;
import dev.ccui.application.auth.port.in.AuthUseCase;
import dev.ccui.domain.auth.Principal;
import dev.ccui.domain.error.ForbiddenException;
import dev.ccui.domain.error.UnauthorizedException;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.Optional;

/**
 * {@code GET /api/metrics} (admins, JSON for the UI) and {@code GET /metrics} (Prometheus text,
 * for admins or a scraper holding {@code METRICS_TOKEN}).
 */
public final class MetricsRoutes {
    private final HttpMetrics metrics;
    private final AuthUseCase authenticate;

    public MetricsRoutes(HttpMetrics metrics, AuthUseCase authenticate) {
        this.metrics = metrics;
        this.authenticate = authenticate;
    }

    public void register(RoutesConfig routes) {
        routes.get("/api/metrics", ctx -> ctx.json(metrics.summary()), Access.ADMIN);
        routes.get("/metrics", this::scrape, Access.ANYONE);
    }

    private void scrape(Context ctx) {
        String authorization = ctx.header("Authorization");
        String bearer = authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)
                ? authorization.substring(7).strip()
                : null;
        if (!metrics.isScrapeToken(bearer)) {
            Optional<Principal> caller = bearer != null
                    ? authenticate.byToken(bearer)
                    : Optional.ofNullable(ctx.cookie(Authentication.COOKIE)).flatMap(authenticate::byToken);
            if (caller.isEmpty()) {
                ctx.header("WWW-Authenticate", "Bearer");
                throw new UnauthorizedException("send METRICS_TOKEN or an admin's token as a bearer token");
            }
            if (!caller.get().isAdmin()) {
                throw new ForbiddenException("admins only");
            }
        }
        ctx.contentType("text/plain; version=0.0.4; charset=utf-8").result(metrics.scrape());
    }
}
