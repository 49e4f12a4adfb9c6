package dev.ccui.adapters.http.ws;

import dev.ccui.adapters.http.security.Authentication;
import dev.ccui.adapters.http.security.ConnectionLimits;
import dev.ccui.adapters.http.security.HostCheck;
import dev.ccui.adapters.http.security.RateLimits;
import dev.ccui.adapters.http.ws.socket.SocketGate;
import dev.ccui.application.auth.port.in.AuthUseCase;
import dev.ccui.domain.auth.AuthMethod;
import dev.ccui.domain.auth.Principal;
import dev.ccui.domain.error.ForbiddenException;
import dev.ccui.domain.error.TooManyRequestsException;
import dev.ccui.domain.error.UnauthorizedException;
import io.javalin.http.Context;
import io.javalin.websocket.WsContext;
import java.net.URI;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Who opens a WebSocket, decided before the upgrade: a one-time ticket ({@code ?ticket=}), a
 * bearer token or API key, or the session cookie from an allowed {@code Origin} (a cookie alone
 * would let any site open it: cross-site WebSocket hijacking). Shared by every WebSocket endpoint.
 */
public final class WsAuthentication implements SocketGate {
    private final AuthUseCase tickets;
    private final Authentication authentication;
    private final Set<String> allowedOrigins;

    private final HostCheck hosts;
    private RateLimits rateLimits;
    private ConnectionLimits limits;
    private final Map<String, ConnectionLimits.Slot> slots = new ConcurrentHashMap<>();

    /** Upgrades count against the request limits, and open sockets against the connection limits. */
    public WsAuthentication limitedBy(RateLimits requests, ConnectionLimits connections) {
        this.rateLimits = requests;
        this.limits = connections;
        return this;
    }

    /**
     * Takes a connection slot for a socket that just opened; when none is left the socket is
     * closed with 4429 and false returned. {@link #release} gives it back.
     */
    @Override
    public boolean admit(WsContext ctx, Principal principal) {
        if (limits == null) {
            return true;
        }
        try {
            slots.put(ctx.sessionId(), limits.acquire(principal));
            return true;
        } catch (TooManyRequestsException full) {
            ctx.closeSession(4429, full.getMessage());
            return false;
        }
    }

    /** See {@link AuthUseCase#stillValid}. */
    @Override
    public boolean stillValid(Principal principal) {
        return tickets.stillValid(principal);
    }

    @Override
    public void release(String sessionId) {
        var slot = slots.remove(sessionId);
        if (slot != null) {
            slot.close();
        }
    }

    public WsAuthentication(AuthUseCase tickets, Authentication authentication, Set<String> allowedOrigins) {
        this(tickets, authentication, allowedOrigins, null);
    }

    public WsAuthentication(
            AuthUseCase tickets, Authentication authentication, Set<String> allowedOrigins, HostCheck hosts) {
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
        if (rateLimits != null) {
            // Nor the rate limits: an upgrade is a request like any other.
            rateLimits.check(ctx);
        }
        String ticket = ctx.queryParam("ticket");
        if (ticket != null) {
            return tickets.redeemTicket(ticket)
                    .orElseThrow(() ->
                            new UnauthorizedException("INVALID_TICKET", "the ticket is unknown, used or expired"));
        }
        if (Authentication.principal(ctx).isEmpty()) {
            // The HTTP before-filters do not run for an upgrade request: find the caller here.
            authentication.identify(ctx);
        }
        Principal principal = Authentication.principal(ctx)
                .orElseThrow(() ->
                        new UnauthorizedException("sign in first, or use a ticket from POST /api/auth/ws-ticket"));
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
