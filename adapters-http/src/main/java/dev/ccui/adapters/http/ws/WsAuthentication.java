package dev.ccui.adapters.http.ws;

import dev.ccui.adapters.http.security.Authentication;
import dev.ccui.application.auth.port.in.WsTicketUseCase;
import dev.ccui.domain.auth.AuthMethod;
import dev.ccui.domain.auth.Principal;
import dev.ccui.domain.error.ForbiddenException;
import dev.ccui.domain.error.UnauthorizedException;
import io.javalin.http.Context;
import java.net.URI;
import java.util.Set;

/**
 * Who opens a WebSocket, decided before the upgrade: a one-time ticket ({@code ?ticket=}), a
 * bearer token or API key, or the session cookie from an allowed {@code Origin} (a cookie alone
 * would let any site open it: cross-site WebSocket hijacking). Shared by every WebSocket endpoint.
 */
public final class WsAuthentication {
    private final WsTicketUseCase tickets;
    private final Authentication authentication;
    private final Set<String> allowedOrigins;

    private final dev.ccui.adapters.http.security.HostCheck hosts;

    public WsAuthentication(WsTicketUseCase tickets, Authentication authentication, Set<String> allowedOrigins) {
        this(tickets, authentication, allowedOrigins, null);
    }

    public WsAuthentication(WsTicketUseCase tickets, Authentication authentication, Set<String> allowedOrigins,
                            dev.ccui.adapters.http.security.HostCheck hosts) {
        this.hosts = hosts;
        this.tickets = tickets;
        this.authentication = authentication;
        this.allowedOrigins = Set.copyOf(allowedOrigins);
    }

    public Principal authenticate(Context ctx) {
        if (hosts != null) {
            // The HTTP filters do not run for upgrades: DNS rebinding is refused here too.
            hosts.check(ctx);
        }
        String ticket = ctx.queryParam("ticket");
        if (ticket != null) {
            return tickets.redeemTicket(ticket)
                    .orElseThrow(() -> new UnauthorizedException("INVALID_TICKET", "the ticket is unknown, used or expired"));
        }
        if (Authentication.principal(ctx).isEmpty()) {
            // The HTTP before-filters do not run for an upgrade request: find the caller here.
            authentication.identify(ctx);
        }
        Principal principal = Authentication.principal(ctx)
                .orElseThrow(() -> new UnauthorizedException("sign in first, or use a ticket from POST /api/auth/ws-ticket"));
        if (principal.method() == AuthMethod.COOKIE && !originAllowed(ctx)) {
            throw new ForbiddenException("ORIGIN_REFUSED", "this origin may not open the WebSocket");
        }
        return principal;
    }

    /** Same origin as the page (scheme-less host:port match), or one of the CORS allow-list. */
    private boolean originAllowed(Context ctx) {
        String origin = ctx.header("Origin");
        if (origin == null) {
            return false;
        }
        if (allowedOrigins.contains(origin)) {
            return true;
        }
        try {
            URI uri = URI.create(origin);
            String host = ctx.header("Host");
            String originHost = uri.getHost() + (uri.getPort() == -1 ? "" : ":" + uri.getPort());
            return host != null && host.equalsIgnoreCase(originHost);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
