package dev.ccui.adapters.http;

import dev.ccui.adapters.http.error.ErrorResponses;
import dev.ccui.adapters.http.json.Json;
import dev.ccui.adapters.http.maintenance.MaintenanceGuard;
import dev.ccui.adapters.http.metrics.HttpMetrics;
import dev.ccui.adapters.http.metrics.MetricsRoutes;
import dev.ccui.adapters.http.openapi.OpenApiRoutes;
import dev.ccui.adapters.http.security.Access;
import dev.ccui.adapters.http.security.Authentication;
import dev.ccui.adapters.http.security.Cors;
import dev.ccui.adapters.http.security.HostCheck;
import dev.ccui.adapters.http.security.RateLimits;
import dev.ccui.adapters.http.security.RequestIds;
import dev.ccui.adapters.http.security.SecurityHeaders;
import dev.ccui.adapters.http.web.StaticUi;
import dev.ccui.adapters.http.ws.WsEndpoint;
import dev.ccui.domain.error.PayloadTooLargeException;
import io.javalin.Javalin;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.javalin.http.NotFoundResponse;
import io.javalin.json.JavalinJackson;
import io.javalin.security.RouteRole;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.GracefulHandler;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP service, configured in one place: filters in the order they must run (request id,
 * headers, CORS, body limit, caller, rate limit, access, maintenance), then the routes of each feature, then
 * the one error mapper.
 */
public final class HttpServer implements AutoCloseable {
    private static final String REFERENCES_PER_CACHE_LINE = "org.eclipse.jetty.util.referencesPerCacheLine";
    private static final Logger LOG = LoggerFactory.getLogger(HttpServer.class);
    private static final Logger ACCESS = LoggerFactory.getLogger("ccui.access");

    private final HttpSettings settings;
    private final Javalin app;
    private final List<RouteInfo> routes = Collections.synchronizedList(new ArrayList<>());
    private final HttpMetrics metrics;
    private final List<RouteGroup> groups;
    private final StartingServer starting;
    /** Jetty's platform threads (selectors, acceptors, non-blocking tasks); requests run on virtual threads. */
    private static final int MAX_PLATFORM_THREADS = 200;

    private static final int MIN_PLATFORM_THREADS = 4;
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
    private static final Map<String, Access> WEBSOCKET_ACCESS = Map.of("/ws", Access.USER, "/ws/terminal", Access.USER);

    /** The server with {@code groups}' routes, registered in this order after the filters of {@code edge}. */
    public HttpServer(HttpEdge edge, List<RouteGroup> groups) {
        this(edge, groups, null);
    }

    /**
     * @param starting the server that answers "starting" on the port until this one serves: this
     *                 one binds the same port beside it and then stops it (null: bind the port alone)
     */
    public HttpServer(HttpEdge edge, List<RouteGroup> groups, StartingServer starting) {
        this.settings = edge.settings();
        this.metrics = edge.metrics();
        this.groups = List.copyOf(groups);
        this.starting = starting;
        this.app = Javalin.create(cfg -> configure(cfg, edge));
    }

    private void configure(JavalinConfig cfg, HttpEdge edge) {
        cfg.startup.showJavalinBanner = false;
        cfg.startup.showOldJavalinVersionWarning = false;
        cfg.jsonMapper(new JavalinJackson(Json.MAPPER, false));
        cfg.http.maxRequestSize = settings.maxBodyBytes();
        cfg.http.prefer405over404 = true;
        // Requests run on virtual threads: a long SSE stream then holds no platform thread. Jetty's
        // selectors and acceptors stay on a small pool of platform threads: Javalin's own virtual
        // thread pool put them on virtual threads too, and every request paid for it under load.
        cfg.concurrency.useVirtualThreads = true;
        var threads = new QueuedThreadPool(MAX_PLATFORM_THREADS, MIN_PLATFORM_THREADS, 60_000);
        threads.setName("ccui-http");
        threads.setVirtualThreadsExecutor(Executors.newVirtualThreadPerTaskExecutor());
        cfg.jetty.threadPool = threads;
        cfg.jetty.host = settings.host();
        cfg.jetty.port = settings.port();
        if (starting != null) {
            // Beside the starting server on its port (SO_REUSEPORT), which stops once this one serves.
            int port = starting.port();
            cfg.jetty.addConnector((server, http) -> {
                ServerConnector connector = new ServerConnector(server, new HttpConnectionFactory(http));
                connector.setHost(settings.host());
                connector.setPort(port);
                connector.setReusePort(true);
                return connector;
            });
        }
        cfg.jetty.modifyServer(server -> {
            // Let in-flight requests finish on shutdown, within the grace period.
            server.setStopTimeout(settings.shutdownGrace().toMillis());
            // Never stopped by Jetty's own JVM shutdown hook: a node draining on SIGTERM keeps
            // serving (health says "draining", runs finish, decisions arrive) until it closes this.
            server.setStopAtShutdown(false);
            GracefulHandler graceful = new GracefulHandler();
            server.insertHandler(graceful);
        });
        cfg.jetty.modifyHttpConfiguration(http -> {
            http.setSendServerVersion(false);
            http.setSendXPoweredBy(false);
        });
        cfg.events.handlerAdded(info -> routes.add(new RouteInfo(
                info.getHttpMethod().name(),
                info.getPath(),
                accessOf(info.getHttpMethod().name(), info.getPath(), info.getRoles()))));
        cfg.events.wsHandlerAdded(info -> {
            if (info.getHandlerType().name().equals("WEBSOCKET")) {
                Access access = WEBSOCKET_ACCESS.get(info.getPath());
                if (access == null) {
                    throw new IllegalStateException(
                            "WebSocket " + info.getPath() + " has no access rule in HttpServer");
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
                ACCESS.warn(
                        "slow request: {} {} ({}) {} {}ms",
                        ctx.method(),
                        route,
                        ctx.path(),
                        ctx.statusCode(),
                        duration);
            } else if (answeredProbe(ctx.method().name(), route, ctx.statusCode())) {
                ACCESS.debug("{} {} ({}) {} {}ms", ctx.method(), route, ctx.path(), ctx.statusCode(), duration);
            } else {
                ACCESS.info("{} {} ({}) {} {}ms", ctx.method(), route, ctx.path(), ctx.statusCode(), duration);
            }
            metrics.request(ctx, route, millis);
            if (!probeRoute(route)) {
                // Health has its own alert; its 503s (and load balancers' polls) are not the
                // service's requests, whose share of 5xx the error-rate alert watches.
                edge.incidents().recordRequest(ctx.statusCode());
            }
            RequestIds.clear();
        });

        SecurityHeaders headers = new SecurityHeaders(settings.production());
        Cors cors = new Cors(settings.corsOrigins());
        Authentication authentication = edge.authentication();
        RateLimits rateLimits = edge.rateLimits();
        StaticUi ui = new StaticUi(settings.webRoot());
        HostCheck hosts = edge.hosts();
        // Run frames carry images: the documented payload must fit in one WebSocket message. This is
        // the ceiling; each socket path sets its own message limit under it (SocketEndpoint).
        cfg.jetty.modifyWebSocketServletFactory(factory -> {
            factory.setMaxTextMessageSize(WsEndpoint.SOCKET_MESSAGE_CHARS);
            factory.setMaxFrameSize(WsEndpoint.SOCKET_MESSAGE_CHARS);
        });
        long maxBody = settings.maxBodyBytes();
        List<BodyRule> bodyRules =
                groups.stream().flatMap(g -> g.bodyRules().stream()).toList();
        int maxParts = bodyRules.stream()
                .filter(b -> !b.json())
                .mapToInt(BodyRule::maxParts)
                .max()
                .orElse(0);
        if (maxParts > 0) {
            // Jetty's own cap on multipart parts; the route checks its exact limit on what it parsed.
            cfg.jetty.modifyServletContextHandler(handler -> handler.setMaxFormKeys(maxParts + 1));
        }

        var r = cfg.routes;
        r.before(ctx -> {
            RequestIds.assign(ctx);
            metrics.requestStarted(ctx);
            headers.apply(ctx);
            if (cors.apply(ctx)) {
                ctx.skipRemainingHandlers();
                return;
            }
            BodyRule bodyRule = bodyRules.stream()
                    .filter(b -> b.matches(ctx.method().name(), ctx.path()))
                    .findFirst()
                    .orElse(null);
            long limit = bodyRule == null ? maxBody : bodyRule.maxBytes();
            if (ctx.contentLength() > limit) {
                throw new PayloadTooLargeException("the request body is larger than " + limit + " bytes");
            }
            hosts.check(ctx);
            if ((bodyRule == null || bodyRule.json()) && !isJsonOrBodiless(ctx)) {
                ErrorResponses.write(
                        ctx,
                        415,
                        "UNSUPPORTED_MEDIA_TYPE",
                        "send the body as JSON with Content-Type: application/json",
                        null);
                ctx.skipRemainingHandlers();
                return;
            }
            authentication.identify(ctx);
            rateLimits.check(ctx);
        });
        MaintenanceGuard maintenance = new MaintenanceGuard(edge.maintenance());
        r.beforeMatched(ctx -> {
            rateLimits.checkMatched(ctx);
            authentication.authorize(ctx);
            maintenance.check(ctx);
        });

        for (RouteGroup group : groups) {
            group.register(r);
        }
        metrics.gauge(
                "ccui.websockets.open",
                "open WebSockets on this node (/ws and /ws/terminal)",
                () -> groups.stream().mapToInt(RouteGroup::openSockets).sum());
        new MetricsRoutes(metrics, edge.auth()).register(r);
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
                ErrorResponses.write(
                        ctx, 405, "METHOD_NOT_ALLOWED", "this route does not accept " + ctx.method(), null);
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
    private static Access accessOf(String method, String path, Set<RouteRole> roles) {
        boolean endpoint = !method.equals(HandlerType.OPTIONS.name())
                && !method.startsWith("BEFORE")
                && !method.startsWith("AFTER")
                && !method.startsWith("WEBSOCKET");
        if (!endpoint) {
            return null;
        }
        var rules = roles.stream()
                .filter(Access.class::isInstance)
                .map(Access.class::cast)
                .toList();
        if (rules.size() != 1 || roles.size() != 1) {
            throw new IllegalStateException(
                    method + " " + path + " must be registered with exactly one Access rule, has " + roles);
        }
        return rules.getFirst();
    }

    /**
     * Bodies sent to the API must say they are JSON: a cross-site form can post {@code text/plain}
     * without a CORS preflight, never {@code application/json}.
     */
    private static boolean isJsonOrBodiless(Context ctx) {
        boolean write = ctx.method() == HandlerType.POST
                || ctx.method() == HandlerType.PUT
                || ctx.method() == HandlerType.PATCH;
        boolean hasBody = ctx.contentLength() > 0 || ctx.header("Transfer-Encoding") != null;
        if (!write || !hasBody || !ctx.path().startsWith("/api/")) {
            return true;
        }
        String type = ctx.contentType();
        return type != null && type.toLowerCase(Locale.ROOT).strip().startsWith("application/json");
    }

    /** The route template of the matched endpoint (bounded, unlike raw paths), or what kind of miss it was. */
    private static String route(Context ctx) {
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

    /**
     * Loads the web server's classes (Javalin, Jetty, the JSON mapper) on a thread of its own while
     * the application is built, so {@link #start()} does not pay for them after the database is
     * ready: on a small machine the class loading is a good part of the start. Nothing listens.
     */
    public static void warmUp() {
        // Jetty sizes its queues' padding from the references per cache line, which it otherwise
        // reads from the platform MBean server: starting that server registers every platform
        // MBean (the diagnostic commands list every locale), 80 ms of CPU for a padding guess.
        if (System.getProperty(REFERENCES_PER_CACHE_LINE) == null) {
            System.setProperty(REFERENCES_PER_CACHE_LINE, String.valueOf(referencesPerCacheLine()));
        }
        Thread.ofPlatform().name("ccui-http-warm-up").daemon().start(() -> {
            try {
                Javalin.create(cfg -> cfg.jsonMapper(new JavalinJackson(Json.MAPPER, false)));
                new Server();
            } catch (RuntimeException | LinkageError e) {
                LOG.debug("warming up the HTTP server's classes failed: {}", e.toString());
            }
        });
    }

    /** 64-byte lines; references are 4 bytes with compressed pointers, which the JVM uses below a 32 GB heap. */
    private static int referencesPerCacheLine() {
        return Runtime.getRuntime().maxMemory() < (32L << 30) ? 16 : 8;
    }

    public HttpMetrics metrics() {
        return metrics;
    }

    public HttpServer start() {
        app.start();
        if (starting != null) {
            starting.close();
        }
        // How long the process took to serve: the start-up figure operators and the benchmark compare.
        long sinceStart = ManagementFactory.getRuntimeMXBean().getUptime();
        LOG.info(
                "listening on http://{}:{} ({} ms after the process started)", settings.host(), app.port(), sinceStart);
        return this;
    }

    public int port() {
        return app.port();
    }

    /** HTTP routes as registered (not filters, CORS preflights or the WebSocket upgrade, which OpenAPI does not describe). */
    public List<RouteInfo> routes() {
        return routes.stream()
                .filter(route -> !route.method().equals(HandlerType.OPTIONS.name())
                        && !route.method().startsWith("BEFORE")
                        && !route.method().startsWith("AFTER")
                        && !route.method().startsWith("WEBSOCKET"))
                .toList();
    }

    /** Every endpoint with its access rule, WebSocket upgrades included (the authorisation matrix reads this). */
    public List<RouteInfo> endpoints() {
        return routes.stream().filter(route -> route.access() != null).toList();
    }

    @Override
    public void close() {
        groups.forEach(RouteGroup::stop);
        app.stop();
    }

    /**
     * A health check or metrics scrape that was answered: load balancers, the launcher and
     * Prometheus ask every few seconds, so their lines are kept for {@code LOG_LEVEL=debug}; a
     * failed one (a 503 from health) is logged as any other request. Writing an access line (twice,
     * console and file) was a third of what {@code /api/health} cost under load: 8,900-10,800
     * req/s with the lines, 13,700-16,400 without (ops/bench/README.md).
     */
    static boolean answeredProbe(String method, String route, int status) {
        return "GET".equals(method) && status < 400 && probeRoute(route);
    }

    /** Health checks and metric scrapes: asked by machines, many times a minute. */
    static boolean probeRoute(String route) {
        return route.equals("/api/health") || route.equals("/metrics");
    }

    /** Milliseconds with one decimal, without {@code String.format}'s cost on every request. */
    static String tenths(double millis) {
        long tenths = Math.round(millis * 10);
        return (tenths / 10) + "." + (tenths % 10);
    }
}
