package dev.ccui.adapters.http;

import dev.ccui.domain.ratelimit.RateLimit;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * What the HTTP adapter needs from the configuration.
 *
 * @param production  Secure cookies and HSTS
 * @param corsOrigins exact origins allowed to call the API from another site; empty = same origin only
 * @param apiLimit    requests per client on every endpoint
 * @param authLimit   sign-in and setup attempts per client address
 * @param webRoot     classpath folder of the built browser UI
 * @param allowedHosts host names (besides loopback, the CORS origins' hosts and the bind address) the
 *                     server answers to; others get 403 HOST_NOT_ALLOWED (DNS rebinding)
 */
public record HttpSettings(
        String host,
        int port,
        boolean production,
        Set<String> corsOrigins,
        List<String> trustedProxies,
        long maxBodyBytes,
        RateLimit apiLimit,
        RateLimit authLimit,
        Duration sessionTtl,
        String version,
        String webRoot,
        Duration shutdownGrace,
        Set<String> allowedHosts,
        int connectionsPerUser,
        int connectionsMax) {
    /** Without extra host names: loopback, the CORS origins' hosts and the bind address. */
    public HttpSettings(
            String host,
            int port,
            boolean production,
            Set<String> corsOrigins,
            List<String> trustedProxies,
            long maxBodyBytes,
            RateLimit apiLimit,
            RateLimit authLimit,
            Duration sessionTtl,
            String version,
            String webRoot,
            Duration shutdownGrace) {
        this(
                host,
                port,
                production,
                corsOrigins,
                trustedProxies,
                maxBodyBytes,
                apiLimit,
                authLimit,
                sessionTtl,
                version,
                webRoot,
                shutdownGrace,
                Set.of(),
                32,
                2000);
    }

    public HttpSettings {
        allowedHosts = Set.copyOf(allowedHosts);
        Objects.requireNonNull(host, "host");
        corsOrigins = Set.copyOf(corsOrigins);
        trustedProxies = List.copyOf(trustedProxies);
        Objects.requireNonNull(apiLimit, "apiLimit");
        Objects.requireNonNull(authLimit, "authLimit");
        Objects.requireNonNull(sessionTtl, "sessionTtl");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(webRoot, "webRoot");
        Objects.requireNonNull(shutdownGrace, "shutdownGrace");
    }
}
