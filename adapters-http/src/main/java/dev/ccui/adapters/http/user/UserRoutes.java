package dev.ccui.adapters.http.user;

import static dev.ccui.adapters.http.security.Authentication.caller;
import static dev.ccui.adapters.http.security.Authentication.client;

import dev.ccui.adapters.http.RouteGroup;
import dev.ccui.adapters.http.json.Json;
import dev.ccui.adapters.http.json.PathIds;
import dev.ccui.adapters.http.security.Access;
import dev.ccui.application.user.port.in.CreateUserCommand;
import dev.ccui.application.user.port.in.UpdateUserCommand;
import dev.ccui.application.user.port.in.UserUseCase;
import dev.ccui.domain.error.InvalidException;
import dev.ccui.domain.user.Capability;
import dev.ccui.domain.user.Role;
import dev.ccui.domain.user.Username;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** {@code /api/users}: account administration, admins only. */
public final class UserRoutes implements RouteGroup {
    private final UserUseCase users;

    public UserRoutes(UserUseCase users) {
        this.users = users;
    }

    record CreateBody(String username, String password, String role) {}

    record RevokeAllBody(String confirm) {}

    record UpdateBody(String role, Boolean disabled, String password, List<String> capabilities) {}

    @Override
    public void register(RoutesConfig routes) {
        routes.get(
                "/api/users",
                ctx -> ctx.json(
                        users.listUsers(caller(ctx)).stream().map(UserView::of).toList()),
                Access.ADMIN);
        routes.post("/api/users", this::create, Access.ADMIN);
        routes.get(
                "/api/users/{id}",
                ctx -> ctx.json(UserView.of(users.getUser(caller(ctx), PathIds.user(ctx.pathParam("id"))))),
                Access.ADMIN);
        routes.patch("/api/users/{id}", this::update, Access.ADMIN);
        routes.delete(
                "/api/users/{id}",
                ctx -> {
                    users.deleteUser(caller(ctx), PathIds.user(ctx.pathParam("id")), client(ctx));
                    ctx.status(204);
                },
                Access.ADMIN);
        routes.post("/api/admin/sessions/revoke-all", this::revokeAll, Access.ADMIN);
    }

    /** Signs everyone out; the body must say so ({@code {"confirm": "revoke-all"}}), so no stray POST does it. */
    private void revokeAll(Context ctx) {
        RevokeAllBody body = Json.body(ctx, RevokeAllBody.class);
        if (!"revoke-all".equals(body.confirm())) {
            throw new InvalidException("confirm", "send {\"confirm\": \"revoke-all\"} to sign every account out");
        }
        ctx.json(Map.of("revoked", users.revokeAllSessions(caller(ctx), client(ctx))));
    }

    private void create(Context ctx) {
        CreateBody body = Json.body(ctx, CreateBody.class);
        Role role = body.role() == null ? Role.MEMBER : Role.fromWire(body.role());
        var command = new CreateUserCommand(new Username(body.username()), body.password(), role);
        ctx.status(201).json(UserView.of(users.createUser(caller(ctx), command, client(ctx))));
    }

    private void update(Context ctx) {
        UpdateBody body = Json.body(ctx, UpdateBody.class);
        Set<Capability> capabilities = body.capabilities() == null
                ? null
                : body.capabilities().stream().map(Capability::fromWire).collect(Collectors.toSet());
        var command = new UpdateUserCommand(
                body.role() == null ? null : Role.fromWire(body.role()),
                body.disabled(),
                body.password(),
                capabilities);
        ctx.json(UserView.of(users.updateUser(caller(ctx), PathIds.user(ctx.pathParam("id")), command, client(ctx))));
    }
}
