package dev.ccui.adapters.http;

import dev.ccui.adapters.http.apikey.ApiKeyRoutes;
import dev.ccui.adapters.http.audit.AuditRoutes;
import dev.ccui.adapters.http.auth.AuthRoutes;
import dev.ccui.adapters.http.error.ErrorResponses;
import dev.ccui.adapters.http.health.HealthRoutes;
import dev.ccui.adapters.http.json.Json;
import dev.ccui.adapters.http.maintenance.MaintenanceGuard;
import dev.ccui.adapters.http.maintenance.MaintenanceRoutes;
import dev.ccui.adapters.http.metrics.HttpMetrics;
import dev.ccui.adapters.http.metrics.MetricsRoutes;
import dev.ccui.adapters.http.openapi.OpenApiRoutes;
import dev.ccui.adapters.http.project.ProjectRoutes;
import dev.ccui.adapters.http.run.RunRoutes;
import dev.ccui.adapters.http.session.SessionRoutes;
import dev.ccui.adapters.http.workspace.FileRoutes;
import dev.ccui.adapters.http.workspace.GitRoutes;
import dev.ccui.adapters.http.workspace.TerminalEndpoint;
import dev.ccui.adapters.http.ws.WsAuthentication;
import dev.ccui.adapters.http.ws.WsEndpoint;
import dev.ccui.adapters.http.security.Access;
import dev.ccui.adapters.http.security.Authentication;
import dev.ccui.adapters.http.security.ClientAddresses;
import dev.ccui.adapters.http.security.Cors;
import dev.ccui.adapters.http.security.HostCheck;
import dev.ccui.adapters.http.security.RateLimits;
import dev.ccui.adapters.http.security.RequestIds;
import dev.ccui.adapters.http.security.SecurityHeaders;
import dev.ccui.adapters.http.security.SessionCookie;
import dev.ccui.adapters.http.user.UserRoutes;
import dev.ccui.adapters.http.web.StaticUi;
import dev.ccui.domain.error.PayloadTooLargeException;
import io.javalin.Javalin;
import io.javalin.config.JavalinConfig;
import io.javalin.http.HandlerType;
import io.javalin.http.NotFoundResponse;
import io.javalin.json.JavalinJackson;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.eclipse.jetty.server.handler.GracefulHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP service, configured in one place: filters in the order they must run (request id,
 * headers, CORS, body limit, caller, rate limit, access, maintenance), then the routes of each feature, then
 * the one error mapper.
 */
public final class HttpServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(HttpServer.class);
    private static final Logger ACCESS = LoggerFactory.getLogger("ccui.access");

    private final HttpSettings settings;
    private final Javalin app;
    private final List<RouteInfo> routes = Collections.synchronizedList(new ArrayList<>());
    private final HttpMetrics metrics;
    private final RunRoutes runRoutes;
    /** Requests slower than this are logged as warnings. */
    private static final float SLOW_REQUEST_MILLIS = 1_000;

    /**
     * A registered route (for the OpenAPI consistency check and the authorisation matrix) and its
     * access rule: the {@link Access} it was registered with, or, for a WebSocket, the rule its
     * upgrade applies. Null only for filters and preflights, which are not endpoints.
     */
    public record RouteInfo(String method, String path, Access access) {
        public RouteInfo(String method, String path) {
            this(method, path, null);
        }
    }

    /** WebSocket upgrades authenticate themselves (ticket, token or key); this is the rule they apply. */
    private static final java.util.Map<String, Access> WEBSOCKET_ACCESS = java.util.Map.of("/ws", Access.USER,
            "/ws/terminal", Access.USER);

    public HttpServer(HttpSettings settings, HttpUseCases useCases) {
        this(settings, useCases, new HttpMetrics());
    }

    public HttpServer(HttpSettings settings, HttpUseCases useCases, HttpMetrics metrics) {
        this.settings = settings;
        this.metrics = metrics;
        this.runRoutes = new RunRoutes(useCases.runs(), useCases.changes());
        this.app = Javalin.create(cfg -> configure(cfg, useCases));
    }

    private void configure(JavalinConfig cfg, HttpUseCases useCases) {
        cfg.startup.showJavalinBanner = false;
        cfg.startup.showOldJavalinVersionWarning = false;
        cfg.jsonMapper(new JavalinJackson(Json.MAPPER, false));
        cfg.http.maxRequestSize = settings.maxBodyBytes();
        cfg.http.prefer405over404 = true;
        // Requests run on virtual threads: a long SSE stream then holds no platform thread of the pool.
        cfg.concurrency.useVirtualThreads = true;
        cfg.jetty.host = settings.host();
        cfg.jetty.port = settings.port();
        cfg.jetty.modifyServer(server -> {
            // Let in-flight requests finish on shutdown, within the grace period.
            server.setStopTimeout(settings.shutdownGrace().toMillis());
            GracefulHandler graceful = new GracefulHandler();
            server.insertHandler(graceful);
        });
        cfg.jetty.modifyHttpConfiguration(http -> {
            http.setSendServerVersion(false);
            http.setSendXPoweredBy(false);
        });
        cfg.events.handlerAdded(info -> routes.add(new RouteInfo(info.getHttpMethod().name(), info.getPath(),
                accessOf(info.getHttpMethod().name(), info.getPath(), info.getRoles()))));
        cfg.events.wsHandlerAdded(info -> {
            if (info.getHandlerType().name().equals("WEBSOCKET")) {
                Access access = WEBSOCKET_ACCESS.get(info.getPath());
                if (access == null) {
                    throw new IllegalStateException("WebSocket " + info.getPath() + " has no access rule in HttpServer");
                }
                routes.add(new RouteInfo("WEBSOCKET", info.getPath(), access));
            }
        });
        // Runs last for every request: one access line (never the query string, which may hold a
        // WebSocket ticket), then the request's MDC is cleared for the next request on this thread.
        cfg.requestLogger.http((ctx, millis) -> {
            String route = route(ctx);
            String duration = tenths(millis);
            if (millis >= SLOW_REQUEST_MILLIS) {
                ACCESS.warn("slow request: {} {} ({}) {} {}ms", ctx.method(), route, ctx.path(), ctx.statusCode(), duration);
            } else {
                ACCESS.info("{} {} ({}) {} {}ms", ctx.method(), route, ctx.path(), ctx.statusCode(), duration);
            }
            metrics.request(ctx, route, millis);
            useCases.alerts().recordRequest(ctx.statusCode());
            RequestIds.clear();
        });

        SecurityHeaders headers = new SecurityHeaders(settings.production());
        Cors cors = new Cors(settings.corsOrigins());
        Authentication authentication = new Authentication(useCases.auth(), new ClientAddresses(settings.trustedProxies()),
                metrics::isScrapeToken);
        RateLimits rateLimits = new RateLimits(useCases.rateLimiter(), settings.apiLimit(), settings.authLimit(), metrics);
        StaticUi ui = new StaticUi(settings.webRoot());
        HostCheck hosts = new HostCheck(settings.allowedHosts(), settings.corsOrigins(), settings.host());
        var connectionLimits = new dev.ccui.adapters.http.security.ConnectionLimits(settings.connectionsPerUser(),
                settings.connectionsMax());
        // Run frames carry images: the documented payload must fit in one WebSocket message.
        cfg.jetty.modifyWebSocketServletFactory(factory -> {
            factory.setMaxTextMessageSize(WsEndpoint.MAX_MESSAGE_CHARS + 1024 * 1024);
            factory.setMaxFrameSize(WsEndpoint.MAX_MESSAGE_CHARS + 1024 * 1024);
        });
        long maxBody = settings.maxBodyBytes();

        var r = cfg.routes;
        r.before(ctx -> {
            RequestIds.assign(ctx);
            metrics.requestStarted(ctx);
            headers.apply(ctx);
            if (cors.apply(ctx)) {
                ctx.skipRemainingHandlers();
                return;
            }
            if (ctx.contentLength() > maxBody) {
                throw new PayloadTooLargeException("the request body is larger than " + maxBody + " bytes");
            }
            hosts.check(ctx);
            if (!isJsonOrBodiless(ctx)) {
                ErrorResponses.write(ctx, 415, "UNSUPPORTED_MEDIA_TYPE", "send the body as JSON with Content-Type: application/json", null);
                ctx.skipRemainingHandlers();
                return;
            }
            authentication.identify(ctx);
            rateLimits.check(ctx);
        });
        MaintenanceGuard maintenance = new MaintenanceGuard(useCases.maintenance());
        r.beforeMatched(ctx -> {
            rateLimits.checkMatched(ctx);
            authentication.authorize(ctx);
            maintenance.check(ctx);
        });

        new HealthRoutes(useCases.health(), useCases.maintenance(), ctx -> authentication.hasMetricsToken(ctx)
                || Authentication.principal(ctx).map(principal -> principal.isAdmin()).orElse(false)).register(r);
        new AuthRoutes(useCases, new SessionCookie(settings.production(), settings.sessionTtl()), metrics).register(r);
        new UserRoutes(useCases.users()).register(r);
        new MaintenanceRoutes(useCases.maintenance()).register(r);
        new ApiKeyRoutes(useCases.apiKeys()).register(r);
        new AuditRoutes(useCases.audit()).register(r);
        new ProjectRoutes(useCases.projects(), useCases.history()).register(r);
        new dev.ccui.adapters.http.project.UnsafeProjectRoutes(useCases.projects()).register(r);
        new SessionRoutes(useCases.history()).register(r);
        WsAuthentication wsAuthentication = new WsAuthentication(useCases.auth(), authentication, settings.corsOrigins(), hosts)
                .limitedBy(rateLimits, connectionLimits);
        runRoutes.limitedBy(connectionLimits);
        WsEndpoint live = new WsEndpoint(wsAuthentication, useCases.changes(), useCases.runs(), useCases.maintenance());
        live.register(r);
        runRoutes.register(r);
        new FileRoutes(useCases.files()).register(r);
        new GitRoutes(useCases.git()).register(r);
        TerminalEndpoint terminal = new TerminalEndpoint(useCases.terminals(), wsAuthentication, useCases.maintenance())
                .closingOnRevocation(useCases.changes());
        terminal.register(r);
        metrics.gauge("ccui.websockets.open", "open WebSockets on this node (/ws and /ws/terminal)",
                () -> live.openConnections() + terminal.openConnections());
        new MetricsRoutes(metrics, useCases.auth()).register(r);
        new OpenApiRoutes().register(r);

        r.exception(NotFoundResponse.class, (e, ctx) -> {
            if (!ui.serve(ctx)) {
                ErrorResponses.handle(e, ctx);
            }
        });
        r.exception(Exception.class, ErrorResponses::handle);
        // Javalin answers a wrong method itself, in plain text; give it the error JSON of the contract.
        r.error(405, ctx -> {
            String body = ctx.result();
            if (body == null || !body.startsWith("{")) {
                ErrorResponses.write(ctx, 405, "METHOD_NOT_ALLOWED", "this route does not accept " + ctx.method(), null);
            }
        });
        cfg.router.javaLangErrorHandler((res, error) -> {
            LOG.error("fatal error while answering a request", error);
            res.setStatus(500);
        });
    }

    /**
     * Every endpoint must say who may call it: a route registered without exactly one {@link Access}
     * stops the server from starting (and so fails the build), rather than being open to anyone.
     */
    private static Access accessOf(String method, String path, java.util.Set<io.javalin.security.RouteRole> roles) {
        boolean endpoint = !method.equals(HandlerType.OPTIONS.name()) && !method.startsWith("BEFORE")
                && !method.startsWith("AFTER") && !method.startsWith("WEBSOCKET");
        if (!endpoint) {
            return null;
        }
        var rules = roles.stream().filter(Access.class::isInstance).map(Access.class::cast).toList();
        if (rules.size() != 1 || roles.size() != 1) {
            throw new IllegalStateException(method + " " + path + " must be registered with exactly one Access rule, has " + roles);
        }
        return rules.getFirst();
    }

    /**
     * Bodies sent to the API must say they are JSON: a cross-site form can post {@code text/plain}
     * without a CORS preflight, never {@code application/json}.
     */
    private static boolean isJsonOrBodiless(io.javalin.http.Context ctx) {
        boolean write = ctx.method() == HandlerType.POST || ctx.method() == HandlerType.PUT || ctx.method() == HandlerType.PATCH;
        boolean hasBody = ctx.contentLength() > 0 || ctx.header("Transfer-Encoding") != null;
        if (!write || !hasBody || !ctx.path().startsWith("/api/")) {
            return true;
        }
        String type = ctx.contentType();
        return type != null && type.toLowerCase(java.util.Locale.ROOT).strip().startsWith("application/json");
    }

    /** The route template of the matched endpoint (bounded, unlike raw paths), or what kind of miss it was. */
    private static String route(io.javalin.http.Context ctx) {
        try {
            // A request refused by a filter that runs once the route is known (access, maintenance)
            // is counted under that route, not under the filter's wildcard.
            var matched = ctx.endpoints().matchedHttpEndpoint();
            if (matched != null) {
                return matched.path;
            }
            var endpoint = ctx.endpoint();
            return endpoint == null ? "unmatched" : endpoint.path;
        } catch (RuntimeException noEndpoint) {
            return ctx.path().startsWith("/api/") ? "unmatched" : "static";
        }
    }

    public HttpMetrics metrics() {
        return metrics;
    }

    public HttpServer start() {
        app.start();
        LOG.info("listening on http://{}:{}", settings.host(), app.port());
        return this;
    }

    public int port() {
        return app.port();
    }

    /** HTTP routes as registered (not filters, CORS preflights or the WebSocket upgrade, which OpenAPI does not describe). */
    public List<RouteInfo> routes() {
        return routes.stream().filter(route -> !route.method().equals(HandlerType.OPTIONS.name())
                && !route.method().startsWith("BEFORE") && !route.method().startsWith("AFTER")
                && !route.method().startsWith("WEBSOCKET")).toList();
    }

    /** Every endpoint with its access rule, WebSocket upgrades included (the authorisation matrix reads this). */
    public List<RouteInfo> endpoints() {
        return routes.stream().filter(route -> route.access() != null).toList();
    }

    @Override
    public void close() {
        runRoutes.stop();
        app.stop();
    }

    /** Milliseconds with one decimal, without {@code String.format}'s cost on every request. */
    static String tenths(double millis) {
        long tenths = Math.round(millis * 10);
        return (tenths / 10) + "." + (tenths % 10);
    }
}
