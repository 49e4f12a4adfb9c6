package dev.ccui.adapters.http.openapi;

import dev.ccui.adapters.http.security.Access;
import io.javalin.config.RoutesConfig;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * {@code GET /api/openapi.json}: the hand-written OpenAPI 3.1 document. A test checks it against
 * the registered routes, so a route and its documentation cannot drift apart.
 */
public final class OpenApiRoutes {
    public static final String RESOURCE = "/dev/ccui/adapters/http/openapi/openapi.json";

    private final byte[] document;

    public OpenApiRoutes() {
        this.document = load();
    }

    public static byte[] load() {
        try (InputStream in = OpenApiRoutes.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("the OpenAPI document is missing from the jar");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public void register(RoutesConfig routes) {
        routes.get(
                "/api/openapi.json", ctx -> ctx.contentType("application/json").result(document), Access.ANYONE);
    }
}
