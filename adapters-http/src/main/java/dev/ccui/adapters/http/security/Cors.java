package dev.ccui.adapters.http.security;

import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.util.Set;

/**
 * CORS by exact allow-list. An origin not on the list gets no CORS headers at all, so the
 * browser keeps the response from the calling page; a preflight from it is answered without
 * allow headers.
 */
public final class Cors {
    private static final String ALLOWED_METHODS = "GET, POST, PUT, PATCH, DELETE, OPTIONS";
    private static final String ALLOWED_HEADERS = "Authorization, Content-Type, X-API-Key, X-CCUI-CSRF, X-Request-Id";

    private final Set<String> origins;

    public Cors(Set<String> origins) {
        this.origins = Set.copyOf(origins);
    }

    /** Returns true when the request was a preflight and has been fully answered. */
    public boolean apply(Context ctx) {
        String origin = ctx.header("Origin");
        boolean preflight = ctx.method() == HandlerType.OPTIONS && ctx.header("Access-Control-Request-Method") != null;
        ctx.res().addHeader("Vary", "Origin");
        if (origin != null && origins.contains(origin)) {
            ctx.header("Access-Control-Allow-Origin", origin);
            ctx.header("Access-Control-Allow-Credentials", "true");
            ctx.header("Access-Control-Expose-Headers", "X-Request-Id, Retry-After");
            if (preflight) {
                ctx.header("Access-Control-Allow-Methods", ALLOWED_METHODS);
                ctx.header("Access-Control-Allow-Headers", ALLOWED_HEADERS);
                ctx.header("Access-Control-Max-Age", "600");
            }
        }
        if (preflight) {
            ctx.status(204);
        }
        return preflight;
    }
}
