package dev.ccui.adapters.http.maintenance;

import static dev.ccui.adapters.http.security.Authentication.caller;
import static dev.ccui.adapters.http.security.Authentication.client;

import dev.ccui.adapters.http.RouteGroup;
import dev.ccui.adapters.http.json.Json;
import dev.ccui.adapters.http.security.Access;
import dev.ccui.application.maintenance.port.in.ChangeMaintenanceCommand;
import dev.ccui.application.maintenance.port.in.MaintenanceUseCase;
import dev.ccui.domain.error.InvalidException;
import dev.ccui.domain.maintenance.MaintenanceState;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.Instant;

/** {@code /api/admin/maintenance}: read and switch maintenance mode, admins only. */
public final class MaintenanceRoutes implements RouteGroup {
    public static final String PATH = "/api/admin/maintenance";

    private final MaintenanceUseCase maintenance;

    public MaintenanceRoutes(MaintenanceUseCase maintenance) {
        this.maintenance = maintenance;
    }

    record ChangeBody(Boolean enabled, String message) {}

    /** {@code by} is the admin's username. */
    record StateView(boolean enabled, String message, Instant since, String by) {
        static StateView of(MaintenanceState state) {
            return new StateView(state.enabled(), state.message(), state.since(), state.byUsername());
        }
    }

    @Override
    public void register(RoutesConfig routes) {
        routes.get(PATH, ctx -> ctx.json(StateView.of(maintenance.state())), Access.ADMIN);
        routes.put(PATH, this::change, Access.ADMIN);
    }

    private void change(Context ctx) {
        ChangeBody body = Json.body(ctx, ChangeBody.class);
        if (body.enabled() == null) {
            throw new InvalidException("enabled", "enabled (true or false) is required");
        }
        var command = new ChangeMaintenanceCommand(body.enabled(), body.message());
        ctx.json(StateView.of(maintenance.change(caller(ctx), command, client(ctx))));
    }
}
