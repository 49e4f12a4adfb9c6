package dev.ccui.adapters.http.security;

import io.javalin.http.Context;
import java.time.Duration;

/** The browser's session cookie: HttpOnly, SameSite=Strict, Secure in production. */
public final class SessionCookie {
    private final boolean secure;
    private final Duration lifetime;

    public SessionCookie(boolean secure, Duration lifetime) {
        this.secure = secure;
        this.lifetime = lifetime;
    }

    /** The cookie lives as long as the token it carries (both are issued now). */
    public void set(Context ctx, String token) {
        write(ctx, token, lifetime.toSeconds());
    }

    public void clear(Context ctx) {
        write(ctx, "", 0);
    }

    private void write(Context ctx, String value, long maxAge) {
        ctx.res()
                .addHeader(
                        "Set-Cookie",
                        Authentication.COOKIE + "=" + value + "; Path=/; Max-Age=" + maxAge
                                + "; HttpOnly; SameSite=Strict" + (secure ? "; Secure" : ""));
    }
}
