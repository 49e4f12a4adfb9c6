package dev.ccui.adapters.http.security;

import io.javalin.http.Context;

/**
 * The route template the router matched ({@code /api/runs/{runId}/interrupt}), which is what every
 * rule (rate limits, maintenance exemptions) must compare: the raw path differs from it by a
 * trailing slash, and would let {@code /api/auth/login/} past a rule written for
 * {@code /api/auth/login}. Only known once a route matched, so only for before-matched filters.
 */
public final class MatchedRoute {
    private MatchedRoute() {}

    /** The matched template, or null when no HTTP route matched. */
    public static String template(Context ctx) {
        try {
            var matched = ctx.endpoints().matchedHttpEndpoint();
            return matched == null ? null : matched.path;
        } catch (RuntimeException noEndpoint) {
            return null;
        }
    }
}
