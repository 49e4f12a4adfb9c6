package dev.ccui.adapters.http.memory;

import static dev.ccui.adapters.http.security.Authentication.caller;
import static dev.ccui.adapters.http.security.Authentication.client;

import dev.ccui.adapters.http.RouteGroup;
import dev.ccui.adapters.http.json.Json;
import dev.ccui.adapters.http.security.Access;
import dev.ccui.application.memory.port.in.UserMemoryUseCase;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.Map;

/**
 * {@code /api/memory/user}: the caller's own {@code CLAUDE.md}. A project's {@code CLAUDE.md} and
 * {@code .claude/settings.json} are project files, read and written through the files API.
 */
public final class MemoryRoutes implements RouteGroup {
    private static final String USER = "/api/memory/user";
    private final UserMemoryUseCase memory;

    public MemoryRoutes(UserMemoryUseCase memory) {
        this.memory = memory;
    }

    record WriteBody(String content, String baseSha) {}

    @Override
    public void register(RoutesConfig routes) {
        routes.get(USER, this::read, Access.USER);
        routes.put(USER, this::write, Access.USER);
    }

    private void read(Context ctx) {
        ctx.json(memory.read(caller(ctx)));
    }

    private void write(Context ctx) {
        WriteBody body = Json.body(ctx, WriteBody.class);
        ctx.json(Map.of("sha", memory.write(caller(ctx), body.content(), body.baseSha(), client(ctx))));
    }
}
