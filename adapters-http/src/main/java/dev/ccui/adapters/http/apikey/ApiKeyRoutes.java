package dev.ccui.adapters.http.apikey;

import static dev.ccui.adapters.http.security.Authentication.caller;
import static dev.ccui.adapters.http.security.Authentication.client;

import dev.ccui.adapters.http.RouteGroup;
import dev.ccui.adapters.http.json.Json;
import dev.ccui.adapters.http.json.PathIds;
import dev.ccui.adapters.http.security.Access;
import dev.ccui.application.apikey.port.in.ApiKeyUseCase;
import dev.ccui.application.apikey.port.in.CreatedApiKey;
import dev.ccui.domain.apikey.ApiKey;
import dev.ccui.domain.apikey.ApiKeyScope;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** {@code /api/api-keys}: the caller's own keys; the secret appears once, in the creation answer. */
public final class ApiKeyRoutes implements RouteGroup {
    private final ApiKeyUseCase apiKeys;

    public ApiKeyRoutes(ApiKeyUseCase apiKeys) {
        this.apiKeys = apiKeys;
    }

    record CreateBody(String name, List<String> scopes) {}

    record KeyView(String id, String name, String prefix, List<String> scopes, Instant createdAt, Instant lastUsedAt) {
        static KeyView of(ApiKey key) {
            return new KeyView(
                    key.id().toString(),
                    key.name(),
                    key.prefix(),
                    key.scopes().stream().map(ApiKeyScope::wireName).sorted().toList(),
                    key.createdAt(),
                    key.lastUsedAt());
        }
    }

    record CreatedView(String id, String name, String prefix, List<String> scopes, Instant createdAt, String secret) {
        static CreatedView of(CreatedApiKey created) {
            KeyView key = KeyView.of(created.key());
            return new CreatedView(key.id(), key.name(), key.prefix(), key.scopes(), key.createdAt(), created.secret());
        }
    }

    @Override
    public void register(RoutesConfig routes) {
        routes.get(
                "/api/api-keys",
                ctx -> ctx.json(
                        apiKeys.listKeys(caller(ctx)).stream().map(KeyView::of).toList()),
                Access.USER);
        routes.post("/api/api-keys", this::create, Access.USER);
        routes.delete(
                "/api/api-keys/{id}",
                ctx -> {
                    apiKeys.revokeKey(caller(ctx), PathIds.apiKey(ctx.pathParam("id")), client(ctx));
                    ctx.status(204);
                },
                Access.USER);
    }

    private void create(Context ctx) {
        CreateBody body = Json.body(ctx, CreateBody.class);
        Set<ApiKeyScope> scopes = body.scopes() == null
                ? Set.of()
                : body.scopes().stream().map(ApiKeyScope::fromWire).collect(Collectors.toSet());
        ctx.status(201).json(CreatedView.of(apiKeys.createKey(caller(ctx), body.name(), scopes, client(ctx))));
    }
}
