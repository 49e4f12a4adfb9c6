package dev.ccui.bootstrap.config;

import dev.ccui.adapters.http.HttpSettings;
import dev.ccui.bootstrap.Version;
import dev.ccui.domain.ratelimit.RateLimit;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Reads the HTTP server's settings: where it listens, who may call it from where, and its limits. */
final class HttpConfig {
    private HttpConfig() {}

    /**
     * @param authPerAddress sign-in attempts per client address ({@code CCUI_AUTH_RATE_LIMIT})
     * @param sessionTtl     how long the session cookie lives (the JWT's lifetime)
     */
    static HttpSettings read(EnvironmentReader r, boolean production, RateLimit authPerAddress, Duration sessionTtl) {
        Set<String> cors = new LinkedHashSet<>(r.list("CORS_ORIGINS"));
        for (String origin : cors) {
            if (origin.equals("*")) {
                r.problem("CORS_ORIGINS must list exact origins; '*' is not allowed");
            } else if (!origin.matches("https?://[A-Za-z0-9.-]+(:\\d{1,5})?")) {
                r.problem("CORS_ORIGINS entry '" + origin + "' is not an origin like https://ui.example.com");
            }
        }
        if (production && cors.isEmpty()) {
            r.problem("CORS_ORIGINS is required in production: the exact origin(s) users open the UI from");
        }
        List<String> trustedProxies = r.list("CCUI_TRUSTED_PROXIES");
        for (String proxy : trustedProxies) {
            if (!proxy.matches("[0-9A-Fa-f:.]+(/\\d{1,3})?")) {
                r.problem("CCUI_TRUSTED_PROXIES entry '" + proxy + "' is not an IP address or CIDR");
            }
        }
        Set<String> allowedHosts = Set.copyOf(r.list("CCUI_ALLOWED_HOSTS"));
        for (String name : allowedHosts) {
            if (!name.matches("[A-Za-z0-9.\\-]+|\\[[0-9A-Fa-f:.]+\\]")) {
                r.problem("CCUI_ALLOWED_HOSTS entry '" + name + "' is not a host name (no scheme, no port)");
            }
        }
        return new HttpSettings(
                r.text("CCUI_HOST", "127.0.0.1"),
                r.integer("CCUI_PORT", 3001, 0, 65535),
                production,
                Set.copyOf(cors),
                trustedProxies,
                r.integer("CCUI_MAX_BODY_BYTES", 1024 * 1024, 1024, 64 * 1024 * 1024),
                new RateLimit("api", r.integer("CCUI_RATE_LIMIT_PER_MINUTE", 300, 0, 1_000_000), Duration.ofMinutes(1)),
                authPerAddress,
                sessionTtl,
                Version.current(),
                "web",
                r.duration("CCUI_SHUTDOWN_GRACE", Duration.ofSeconds(20)),
                allowedHosts,
                r.integer("CCUI_CONNECTIONS_PER_USER", 32, 1, 10_000),
                r.integer("CCUI_CONNECTIONS_MAX", 2000, 1, 1_000_000));
    }
}
