package dev.ccui.adapters.http;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ccui.adapters.http.apikey.ApiKeyRoutes;
import dev.ccui.adapters.http.audit.AuditRoutes;
import dev.ccui.adapters.http.auth.AuthRoutes;
import dev.ccui.adapters.http.health.HealthRoutes;
import dev.ccui.adapters.http.json.Json;
import dev.ccui.adapters.http.maintenance.MaintenanceRoutes;
import dev.ccui.adapters.http.mcp.McpRoutes;
import dev.ccui.adapters.http.memory.MemoryRoutes;
import dev.ccui.adapters.http.metrics.HttpMetrics;
import dev.ccui.adapters.http.permission.AccountPermissionRuleRoutes;
import dev.ccui.adapters.http.permission.PermissionRuleRoutes;
import dev.ccui.adapters.http.preferences.PreferencesRoutes;
import dev.ccui.adapters.http.project.NewProjectRoutes;
import dev.ccui.adapters.http.project.ProjectRoutes;
import dev.ccui.adapters.http.project.UnsafeProjectRoutes;
import dev.ccui.adapters.http.project.WorktreeRoutes;
import dev.ccui.adapters.http.push.PushRoutes;
import dev.ccui.adapters.http.run.RunRoutes;
import dev.ccui.adapters.http.session.SessionRoutes;
import dev.ccui.adapters.http.usage.UsageRoutes;
import dev.ccui.adapters.http.user.UserRoutes;
import dev.ccui.adapters.http.workspace.CommitMessageRoutes;
import dev.ccui.adapters.http.workspace.FileRoutes;
import dev.ccui.adapters.http.workspace.GitRoutes;
import dev.ccui.adapters.http.workspace.TerminalEndpoint;
import dev.ccui.adapters.http.workspace.UploadLimits;
import dev.ccui.adapters.http.ws.WsEndpoint;
import dev.ccui.application.alert.AlertService;
import dev.ccui.application.alert.AlertSettings;
import dev.ccui.application.alert.port.out.Alert;
import dev.ccui.application.alert.port.out.DiskSpace;
import dev.ccui.application.auth.AuthSettings;
import dev.ccui.application.events.ChangeFeedService;
import dev.ccui.application.health.HealthService;
import dev.ccui.application.health.port.in.ProbeResult;
import dev.ccui.application.health.port.out.HealthProbe;
import dev.ccui.application.maintenance.port.in.MaintenanceUseCase;
import dev.ccui.application.project.ProjectAccess;
import dev.ccui.application.ratelimit.RateLimitService;
import dev.ccui.application.run.RunService;
import dev.ccui.application.run.RunSettings;
import dev.ccui.application.testing.CountingRateLimiter;
import dev.ccui.application.testing.FakeClaudeRunner;
import dev.ccui.application.testing.FakePasswordHasher;
import dev.ccui.application.testing.FakeTokenIssuer;
import dev.ccui.application.testing.InMemoryAuthFixture;
import dev.ccui.application.testing.InMemoryProjectRepository;
import dev.ccui.application.testing.InMemoryQueuedMessages;
import dev.ccui.application.testing.InMemoryRunStore;
import dev.ccui.application.testing.MutableClock;
import dev.ccui.application.testing.SyncEventBus;
import dev.ccui.domain.ratelimit.RateLimit;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.UnaryOperator;

/**
 * The HTTP adapter on a random loopback port over in-memory out-ports (bcrypt and JWT are the
 * persistence adapter's, tested there and end to end in bootstrap),
 * with a plain JDK HTTP client: enough to test every filter and route at the HTTP level fast.
 */
public final class TestHttp implements AutoCloseable {
    public final InMemoryAuthFixture fixture;
    public final HttpServer server;
    public final FakeClaudeRunner runner = new FakeClaudeRunner();
    public final InMemoryRunStore runStore;
    public final InMemoryProjectRepository projects = new InMemoryProjectRepository();
    public final RunService runs;
    /** What the database probe answers; a test sets {@link ProbeResult#DOWN} to see health fail. */
    public volatile String databaseStatus = ProbeResult.UP;
    /** The alerts the server's alerting raised (the real service, its default rules). */
    public final List<Alert> alerts = new CopyOnWriteArrayList<>();

    public final HttpClient client =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    public TestHttp() {
        this(settings -> settings);
    }

    public TestHttp(UnaryOperator<HttpSettings> tweak) {
        this(tweak, new RateLimit("auth-username", 1000, Duration.ofMinutes(15)));
    }

    public TestHttp(UnaryOperator<HttpSettings> tweak, RateLimit perUsername) {
        this(tweak, perUsername, new HttpMetrics());
    }

    public TestHttp(UnaryOperator<HttpSettings> tweak, RateLimit perUsername, HttpMetrics metrics) {
        fixture = new InMemoryAuthFixture(
                new MutableClock(Instant.now()),
                new FakePasswordHasher(),
                clock -> new FakeTokenIssuer(clock, Duration.ofDays(7)),
                new CountingRateLimiter(),
                new AuthSettings(perUsername, Duration.ofSeconds(30)));
        HealthProbe database = new HealthProbe() {
            public String name() {
                return "database";
            }

            public boolean required() {
                return true;
            }

            public ProbeResult check() {
                return new ProbeResult(databaseStatus, 1L, Map.of("vendor", "memory"));
            }
        };
        var bus = new SyncEventBus();
        // The audit log links runs to their sessions through the same store.
        runStore = fixture.runs;
        runs = new RunService(
                runner,
                runStore,
                runStore,
                runStore,
                projects,
                id -> Optional.empty(),
                bus,
                fixture.auditor,
                fixture.clock,
                RunSettings.defaults(),
                new InMemoryQueuedMessages(),
                runStore,
                fixture.users);
        var health = new HealthService(List.of(database), "test", fixture.clock);
        HttpSettings settings = tweak.apply(defaults());
        var edge = HttpEdge.of(
                settings,
                metrics,
                fixture.auth,
                new RateLimitService(fixture.rateLimiter),
                MaintenanceUseCase.OFF,
                new AlertService(
                        alerts::add,
                        () -> new DiskSpace.Usage(1L << 40, 1L << 40),
                        fixture.clock,
                        AlertSettings.defaults()));
        var changes = new ChangeFeedService(bus, new ProjectAccess(projects));
        var runRoutes = new RunRoutes(runs, runs, changes);
        runRoutes.limitedBy(edge.connections());
        // Every route of the contract is registered (the OpenAPI check reads them); the features
        // these tests do not drive have no use case behind them.
        server = new HttpServer(
                        edge,
                        List.of(
                                new HealthRoutes(health, edge.maintenance(), edge.seesHealthDetails()),
                                new AuthRoutes(fixture.auth, edge.sessionCookie(), metrics),
                                new UserRoutes(fixture.userAdmin),
                                new MaintenanceRoutes(edge.maintenance()),
                                new ApiKeyRoutes(fixture.apiKeyService),
                                new AuditRoutes(fixture.auditService),
                                new ProjectRoutes(null, null),
                                new UnsafeProjectRoutes(null),
                                new NewProjectRoutes(null),
                                new WorktreeRoutes(null),
                                new SessionRoutes(null),
                                new WsEndpoint(edge.webSockets(), changes, runs, runs, edge.maintenance()),
                                runRoutes,
                                new FileRoutes(
                                        null,
                                        new UploadLimits(
                                                1024 * 1024,
                                                8 * 1024 * 1024,
                                                100,
                                                Path.of(System.getProperty("java.io.tmpdir")))),
                                new GitRoutes(null),
                                new PushRoutes(null),
                                new McpRoutes(null),
                                new MemoryRoutes(null),
                                new PermissionRuleRoutes(null),
                                new AccountPermissionRuleRoutes(null),
                                new CommitMessageRoutes(null),
                                new UsageRoutes(null),
                                new PreferencesRoutes(null),
                                new TerminalEndpoint(null, edge.webSockets(), edge.maintenance(), changes)))
                .start();
    }

    public static HttpSettings defaults() {
        return new HttpSettings(
                "127.0.0.1",
                0,
                false,
                Set.of("https://allowed.example"),
                List.of(),
                1024 * 1024,
                new RateLimit("api", 0, Duration.ofMinutes(1)),
                new RateLimit("auth-ip", 0, Duration.ofMinutes(15)),
                Duration.ofDays(7),
                "test",
                "testweb",
                Duration.ofSeconds(2));
    }

    public URI uri(String path) {
        return URI.create("http://127.0.0.1:" + server.port() + path);
    }

    public HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(10));
    }

    public HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public HttpResponse<String> get(String path, String... headers) {
        var request = request(path).GET();
        if (headers.length > 0) {
            request.headers(headers);
        }
        return send(request);
    }

    public HttpResponse<String> post(String path, String json, String... headers) {
        var request = request(path)
                .POST(HttpRequest.BodyPublishers.ofString(json))
                .header("Content-Type", "application/json");
        if (headers.length > 0) {
            request.headers(headers);
        }
        return send(request);
    }

    public static JsonNode json(HttpResponse<String> response) {
        try {
            return Json.MAPPER.readTree(response.body());
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + response.body(), e);
        }
    }

    /** Sets up the first admin and returns its bearer token. */
    public String setUpAdmin() {
        var response = post("/api/auth/setup", "{\"username\":\"admin\",\"password\":\"admin password 1\"}");
        if (response.statusCode() != 201) {
            throw new AssertionError("setup failed: " + response.body());
        }
        return json(response).get("token").asText();
    }

    public String createMember(String adminToken, String name) {
        var created = post(
                "/api/users",
                "{\"username\":\"" + name + "\",\"password\":\"" + name + " password 1\"}",
                "Authorization",
                "Bearer " + adminToken);
        if (created.statusCode() != 201) {
            throw new AssertionError("create user failed: " + created.body());
        }
        var login = post("/api/auth/login", "{\"username\":\"" + name + "\",\"password\":\"" + name + " password 1\"}");
        return json(login).get("token").asText();
    }

    @Override
    public void close() {
        server.close();
        runs.close();
    }
}
