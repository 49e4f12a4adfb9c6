package dev.ccui.adapters.http.security;

import dev.ccui.domain.error.ForbiddenException;
import io.javalin.http.Context;
import java.net.URI;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * DNS rebinding: a page on {@code evil.example} whose name is made to resolve to this server sends
 * requests the browser calls same-origin, with {@code Host: evil.example}. Only names the operator
 * configured (the hosts of {@code CORS_ORIGINS}, {@code CCUI_ALLOWED_HOSTS}, the bind address) and
 * loopback names are answered. Health and the Prometheus scrape are exempt: probes call by IP, and
 * neither reveals anything to an anonymous caller.
 */
public final class HostCheck {
    private static final Set<String> LOOPBACK = Set.of("localhost", "127.0.0.1", "[::1]", "::1");

    private final Set<String> allowed = new HashSet<>(LOOPBACK);

    public HostCheck(Set<String> allowedHosts, Set<String> corsOrigins, String bindHost) {
        allowedHosts.forEach(host -> allowed.add(host.strip().toLowerCase(Locale.ROOT)));
        for (String origin : corsOrigins) {
            try {
                String host = URI.create(origin).getHost();
                if (host != null) {
                    allowed.add(host.toLowerCase(Locale.ROOT));
                }
            } catch (IllegalArgumentException ignored) {
                // AppConfig validates origins; a bad one simply allows nothing.
            }
        }
        if (bindHost != null && !bindHost.isBlank() && !bindHost.equals("0.0.0.0") && !bindHost.equals("::")) {
            allowed.add(bindHost.toLowerCase(Locale.ROOT));
        }
    }

    public void check(Context ctx) {
        String path = ctx.path();
        if (path.startsWith("/api/health") || path.startsWith("/metrics")) {
            return;
        }
        if (!allowed(ctx.header("Host"))) {
            throw new ForbiddenException(
                    "HOST_NOT_ALLOWED", "this server does not answer to that host name: add it to CCUI_ALLOWED_HOSTS");
        }
    }

    /** True for a Host header (name with an optional port) the server answers to. */
    public boolean allowed(String hostHeader) {
        if (hostHeader == null || hostHeader.isBlank()) {
            return false;
        }
        String host = hostHeader.strip().toLowerCase(Locale.ROOT);
        if (host.startsWith("[")) {
            int end = host.indexOf(']');
            host = end < 0 ? host : host.substring(0, end + 1);
        } else if (host.indexOf(':') >= 0 && host.indexOf(':') == host.lastIndexOf(':')) {
            host = host.substring(0, host.indexOf(':'));
        }
        return allowed.contains(host);
    }
}
