package dev.ccui.adapters.http;

import dev.ccui.adapters.http.metrics.HttpMetrics;
import dev.ccui.adapters.http.security.Authentication;
import dev.ccui.adapters.http.security.ClientAddresses;
import dev.ccui.adapters.http.security.ConnectionLimits;
import dev.ccui.adapters.http.security.HostCheck;
import dev.ccui.adapters.http.security.RateLimits;
import dev.ccui.adapters.http.security.SessionCookie;
import dev.ccui.adapters.http.ws.WsAuthentication;
import dev.ccui.application.alert.port.in.AlertUseCase;
import dev.ccui.application.auth.port.in.AuthUseCase;
import dev.ccui.application.maintenance.port.in.MaintenanceUseCase;
import dev.ccui.application.ratelimit.port.in.RateLimitUseCase;
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
    private final AuthUseCase auth;
    private final MaintenanceUseCase maintenance;
    private final AlertUseCase incidents;
    private final Authentication authentication;
    private final RateLimits rateLimits;
    private final HostCheck hosts;
    private final ConnectionLimits connections;
    private final WsAuthentication webSockets;

    private HttpEdge(
            HttpSettings settings,
            HttpMetrics metrics,
            AuthUseCase auth,
            RateLimitUseCase rateLimiter,
            MaintenanceUseCase maintenance,
            AlertUseCase incidents) {
        this.settings = settings;
        this.metrics = metrics;
        this.auth = auth;
        this.maintenance = maintenance;
        this.incidents = incidents;
        this.authentication =
                new Authentication(auth, new ClientAddresses(settings.trustedProxies()), metrics::isScrapeToken);
        this.rateLimits = new RateLimits(rateLimiter, settings.apiLimit(), settings.authLimit(), metrics);
        this.hosts = new HostCheck(settings.allowedHosts(), settings.corsOrigins(), settings.host());
        this.connections = new ConnectionLimits(settings.connectionsPerUser(), settings.connectionsMax());
        this.webSockets = new WsAuthentication(auth, authentication, settings.corsOrigins(), hosts)
                .limitedBy(rateLimits, connections);
    }

    public static HttpEdge of(
            HttpSettings settings,
            HttpMetrics metrics,
            AuthUseCase auth,
            RateLimitUseCase rateLimiter,
            MaintenanceUseCase maintenance,
            AlertUseCase incidents) {
        return new HttpEdge(settings, metrics, auth, rateLimiter, maintenance, incidents);
    }

    /** Without alerting and maintenance mode (tests of the HTTP layer). */
    public static HttpEdge of(
            HttpSettings settings, HttpMetrics metrics, AuthUseCase auth, RateLimitUseCase rateLimiter) {
        return of(settings, metrics, auth, rateLimiter, MaintenanceUseCase.OFF, AlertUseCase.NONE);
    }

    public HttpSettings settings() {
        return settings;
    }

    public HttpMetrics metrics() {
        return metrics;
    }

    /** Who a credential belongs to (every request asks), and WebSocket tickets. */
    public AuthUseCase auth() {
        return auth;
    }

    public MaintenanceUseCase maintenance() {
        return maintenance;
    }

    public AlertUseCase incidents() {
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
                || Authentication.principal(ctx)
                        .map(principal -> principal.isAdmin())
                        .orElse(false);
    }
}
