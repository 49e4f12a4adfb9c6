package dev.ccui.adapters.http.security;

import io.javalin.http.Context;

/** Headers every response carries; HSTS only in production (it needs HTTPS in front). */
public final class SecurityHeaders {
    static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; "
            + "connect-src 'self'; font-src 'self'; object-src 'none'; frame-ancestors 'none'; base-uri 'self'; "
            + "form-action 'self'; manifest-src 'self'; worker-src 'self'";

    private final boolean production;

    public SecurityHeaders(boolean production) {
        this.production = production;
    }

    public void apply(Context ctx) {
        ctx.header("Content-Security-Policy", CSP);
        ctx.header("X-Frame-Options", "DENY");
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.header("Referrer-Policy", "no-referrer");
        ctx.header(
                "Permissions-Policy",
                "camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()");
        ctx.header("Cross-Origin-Opener-Policy", "same-origin");
        ctx.header("Cross-Origin-Resource-Policy", "same-origin");
        // Bodies may be compressed by the server (or come precompressed): caches must key on it.
        ctx.res().addHeader("Vary", "Accept-Encoding");
        if (production) {
            ctx.header("Strict-Transport-Security", "max-age=63072000; includeSubDomains");
        }
        if (ctx.path().startsWith("/api/")) {
            ctx.header("Cache-Control", "no-store");
        }
    }
}
