package dev.ccui.adapters.http.health;

import dev.ccui.adapters.http.RouteGroup;
import dev.ccui.adapters.http.security.Access;
import dev.ccui.application.health.port.in.HealthReport;
import dev.ccui.application.health.port.in.HealthUseCase;
import dev.ccui.application.health.port.in.ProbeResult;
import dev.ccui.application.maintenance.port.in.MaintenanceUseCase;
import dev.ccui.domain.maintenance.MaintenanceState;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Predicate;

/**
 * {@code GET /api/health}: 200 when up or degraded, 503 when a required check is down.
 * Maintenance mode is reported beside the status, not in it: the service still answers reads, so
 * a load balancer must keep the node, while the UI can tell people why their changes are refused.
 */
public final class HealthRoutes implements RouteGroup {
    private final HealthUseCase health;
    private final MaintenanceUseCase maintenance;
    private final Predicate<Context> detailed;

    /**
     * @param detailed who sees versions, uptime and the checks' figures (paths, pool, index): an
     *                 admin or the metrics token. Anyone else (load balancers) gets the status and
     *                 the maintenance flag the sign-in page shows.
     */
    public HealthRoutes(HealthUseCase health, MaintenanceUseCase maintenance, Predicate<Context> detailed) {
        this.health = health;
        this.maintenance = maintenance;
        this.detailed = detailed;
    }

    @Override
    public void register(RoutesConfig routes) {
        routes.get(
                "/api/health",
                ctx -> {
                    HealthReport report = health.checkHealth();
                    Map<String, Object> body = new LinkedHashMap<>();
                    body.put("status", report.status());
                    if (detailed.test(ctx)) {
                        Map<String, Object> checks = new LinkedHashMap<>();
                        report.checks().forEach((name, result) -> checks.put(name, view(result)));
                        body.put("version", report.version());
                        body.put("uptimeSeconds", report.uptimeSeconds());
                        body.put("checks", checks);
                    }
                    MaintenanceState state = maintenance.state();
                    Map<String, Object> mode = new LinkedHashMap<>();
                    mode.put("enabled", state.enabled());
                    mode.put("since", state.since());
                    body.put("maintenance", mode);
                    ctx.status(report.isDown() ? 503 : 200).json(body);
                },
                Access.ANYONE);
    }

    private static Map<String, Object> view(ProbeResult result) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("status", result.status());
        if (result.latencyMs() != null) {
            view.put("latencyMs", result.latencyMs());
        }
        view.putAll(result.details());
        return view;
    }
}
