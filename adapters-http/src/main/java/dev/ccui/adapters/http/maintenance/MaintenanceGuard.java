package dev.ccui.adapters.http.maintenance;

import dev.ccui.adapters.http.security.MatchedRoute;
import dev.ccui.application.maintenance.port.in.MaintenanceUseCase;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.util.Set;

/**
 * Makes the API read-only while in maintenance. Runs after authentication and the route's access
 * rule, so callers without the right to a route still learn that first, and admins can reach the
 * toggle. Exempt are the requests people need to keep operating: signing in and out, tickets for
 * the live channel, the toggle itself, and interrupting a run (draining work before maintenance
 * must stay possible).
 */
public final class MaintenanceGuard {
    private static final Set<HandlerType> SAFE = Set.of(HandlerType.GET, HandlerType.HEAD, HandlerType.OPTIONS);
    private static final Set<String> EXEMPT = Set.of(
            "/api/auth/login",
            "/api/auth/logout",
            "/api/auth/setup",
            "/api/auth/status",
            "/api/auth/me",
            "/api/auth/ws-ticket",
            MaintenanceRoutes.PATH);
    private static final String INTERRUPT = "/api/runs/{runId}/interrupt";

    private final MaintenanceUseCase maintenance;

    public MaintenanceGuard(MaintenanceUseCase maintenance) {
        this.maintenance = maintenance;
    }

    public void check(Context ctx) {
        // The template the router matched, not the raw path: "/api/auth/login/" is the login route too.
        String path = MatchedRoute.template(ctx);
        if (path == null) {
            path = ctx.path();
        }
        if (SAFE.contains(ctx.method())
                || !path.startsWith("/api/")
                || EXEMPT.contains(path)
                || INTERRUPT.equals(path)) {
            return;
        }
        maintenance.requireWritable();
    }
}
