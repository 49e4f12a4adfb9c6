package dev.ccui.adapters.http;

import dev.ccui.adapters.http.metrics.HttpMetrics;
import dev.ccui.adapters.http.security.Authentication;
import dev.ccui.adapters.http.security.ClientAddresses;
import dev.ccui.adapters.http.security.ConnectionLimits;
import dev.ccui.adapters.http.security.HostCheck;
import dev.ccui.adapters.http.security.RateLimits;
import dev.ccui.adapters.http.security.SessionCookie;
import dev.ccui.adapters.http.ws.WsAuthentication;
import dev.ccui.application.alert.port.in.ReportIncidentsUseCase;
import dev.ccui.application.auth.port.in.AuthenticateUseCase;
import dev.ccui.application.auth.port.in.WsTicketUseCase;
import dev.ccui.application.maintenance.port.in.MaintenanceUseCase;
import dev.ccui.application.ratelimit.port.out.RateLimiter;
import io.javalin.http.Context;
import java.util.function.Predicate;

/**
 * What every request passes through before a feature's routes, shared by the server's filters and
 * the route groups that need a piece of it: who is calling, rate and connection limits, the host
 * check, WebSocket sign-in, the session cookie, metrics, maintenance mode and incident counting.
 */
public final class HttpEdge {
    private final HttpSettings settings;
    private final HttpMetrics metrics;
    private final AuthenticateUseCase authenticate;
    private final MaintenanceUseCase maintenance;
    private final ReportIncidentsUseCase incidents;
    private final Authentication authentication;
    private final RateLimits rateLimits;
    private final HostCheck hosts;
    private final ConnectionLimits connections;
    private final WsAuthentication webSockets;

    private HttpEdge(HttpSettings settings, HttpMetrics metrics, AuthenticateUseCase authenticate, WsTicketUseCase wsTickets,
                     RateLimiter rateLimiter, MaintenanceUseCase maintenance, ReportIncidentsUseCase incidents) {
        this.settings = settings;
        this.metrics = metrics;
        this.authenticate = authenticate;
        this.maintenance = maintenance;
        this.incidents = incidents;
        this.authentication = new Authentication(authenticate, new ClientAddresses(settings.trustedProxies()),
                metrics::isScrapeToken);
        this.rateLimits = new RateLimits(rateLimiter, settings.apiLimit(), settings.authLimit(), metrics);
        this.hosts = new HostCheck(settings.allowedHosts(), settings.corsOrigins(), settings.host());
        this.connections = new ConnectionLimits(settings.connectionsPerUser(), settings.connectionsMax());
        this.webSockets = new WsAuthentication(wsTickets, authentication, settings.corsOrigins(), hosts)
                .limitedBy(rateLimits, connections);
    }

    public static HttpEdge of(HttpSettings settings, HttpMetrics metrics, AuthenticateUseCase authenticate,
                              WsTicketUseCase wsTickets, RateLimiter rateLimiter, MaintenanceUseCase maintenance,
                              ReportIncidentsUseCase incidents) {
        return new HttpEdge(settings, metrics, authenticate, wsTickets, rateLimiter, maintenance, incidents);
    }

    /** Without alerting and maintenance mode (tests of the HTTP layer). */
    public static HttpEdge of(HttpSettings settings, HttpMetrics metrics, AuthenticateUseCase authenticate,
                              WsTicketUseCase wsTickets, RateLimiter rateLimiter) {
        return of(settings, metrics, authenticate, wsTickets, rateLimiter, MaintenanceUseCase.OFF, ReportIncidentsUseCase.NONE);
    }

    public HttpSettings settings() {
        return settings;
    }

    public HttpMetrics metrics() {
        return metrics;
    }

    public AuthenticateUseCase authenticate() {
        return authenticate;
    }

    public MaintenanceUseCase maintenance() {
        return maintenance;
    }

    public ReportIncidentsUseCase incidents() {
        return incidents;
    }

    public Authentication authentication() {
        return authentication;
    }

    public RateLimits rateLimits() {
        return rateLimits;
    }

    public HostCheck hosts() {
        return hosts;
    }

    public ConnectionLimits connections() {
        return connections;
    }

    /** Sign-in of WebSocket upgrades (ticket, token or key), within the rate and connection limits. */
    public WsAuthentication webSockets() {
        return webSockets;
    }

    public SessionCookie sessionCookie() {
        return new SessionCookie(settings.production(), settings.sessionTtl());
    }

    /** Who sees the health checks' details: a scraper with the metrics token, or an admin. */
    public Predicate<Context> seesHealthDetails() {
        return ctx -> authentication.hasMetricsToken(ctx)
                || Authentication.principal(ctx).map(principal -> principal.isAdmin()).orElse(false);
    }
}
