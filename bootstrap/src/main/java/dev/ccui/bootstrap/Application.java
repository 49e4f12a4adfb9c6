package dev.ccui.bootstrap;

import dev.ccui.adapters.http.HttpEdge;
import dev.ccui.adapters.http.HttpServer;
import dev.ccui.adapters.http.RouteGroup;
import dev.ccui.adapters.http.StartingServer;
import dev.ccui.adapters.http.metrics.HttpMetrics;
import dev.ccui.adapters.persistence.audit.JdbiAuditRepository;
import dev.ccui.adapters.persistence.db.Database;
import dev.ccui.adapters.persistence.db.SlowQueryLogger;
import dev.ccui.adapters.persistence.events.InMemoryEventBus;
import dev.ccui.adapters.persistence.project.JdbiFolderSessions;
import dev.ccui.adapters.persistence.project.JdbiProjectRepository;
import dev.ccui.adapters.persistence.ratelimit.LocalRateLimiter;
import dev.ccui.adapters.persistence.redis.RedisEventBus;
import dev.ccui.adapters.persistence.redis.RedisRateLimiter;
import dev.ccui.adapters.persistence.redis.RedisRunCommandRelay;
import dev.ccui.adapters.persistence.run.JdbiRunRepository;
import dev.ccui.application.events.port.out.EventBus;
import dev.ccui.application.health.port.out.HealthProbe;
import dev.ccui.application.ratelimit.RateLimitService;
import dev.ccui.application.ratelimit.port.out.RateLimiter;
import dev.ccui.application.run.port.out.RunCommandRelay;
import dev.ccui.application.run.port.out.SessionProjects;
import dev.ccui.application.sandbox.SandboxHealthProbe;
import dev.ccui.application.workspace.terminal.port.out.ResumableSessions;
import dev.ccui.bootstrap.components.AccountStore;
import dev.ccui.bootstrap.components.AccountsComponents;
import dev.ccui.bootstrap.components.AlertComponents;
import dev.ccui.bootstrap.components.CliConfigComponents;
import dev.ccui.bootstrap.components.HistoryComponents;
import dev.ccui.bootstrap.components.OperationsComponents;
import dev.ccui.bootstrap.components.PreferencesComponents;
import dev.ccui.bootstrap.components.ProjectComponents;
import dev.ccui.bootstrap.components.PushComponents;
import dev.ccui.bootstrap.components.RunComponents;
import dev.ccui.bootstrap.components.Sandboxing;
import dev.ccui.bootstrap.components.Storage;
import dev.ccui.bootstrap.components.UsageComponents;
import dev.ccui.bootstrap.components.WorkspaceComponents;
import dev.ccui.bootstrap.config.AppConfig;
import dev.ccui.bootstrap.metrics.SlowQueryMetrics;
import dev.ccui.bootstrap.telemetry.RunSpans;
import dev.ccui.bootstrap.telemetry.Telemetry;
import dev.ccui.bootstrap.telemetry.TracedStatements;
import dev.ccui.domain.project.ProjectId;
import dev.ccui.domain.session.SessionId;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The composition root. {@link #build} makes every part from the configuration, feature by
 * feature, with {@code new} and no thread doing work yet; {@link #start} then serves HTTP and
 * starts the jobs (index, alert checks, node heartbeats, token purge). Tests build it the same
 * way and drive the components' use cases directly.
 */
public final class Application implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Application.class);

    private final AppConfig config;
    private final HttpMetrics metrics;
    private final Storage storage;
    private final RateLimiter rateLimiter;
    private final AlertComponents alerts;
    private final AccountsComponents accounts;
    private final HistoryComponents history;
    private final ProjectComponents projects;
    private final WorkspaceComponents workspace;
    private final CliConfigComponents cliConfig;
    private final RunComponents runs;
    private final PushComponents push;
    private final UsageComponents usage;
    private final PreferencesComponents preferences;
    private final OperationsComponents operations;
    /** What {@link #close()} closes, the last built first. */
    private final Deque<AutoCloseable> closing;

    private ScheduledExecutorService housekeeping;
    private HttpServer http;

    private Application(AppConfig config, Deque<AutoCloseable> closing) {
        this.config = config;
        this.closing = closing;
        var clock = Clock.systemUTC();
        HttpServer.warmUp();
        this.metrics = new HttpMetrics(
                config.operations().metricsToken().orElse(null),
                config.operations().previousMetricsToken().orElse(null));
        // OTLP export of metrics and traces, only with OTEL_EXPORTER_OTLP_ENDPOINT.
        Telemetry telemetry =
                opened(Telemetry.start(config.environment(), metrics).orElse(null));
        Storage.prepareDataDir(config.dataDir());
        var sandboxProbe = Sandboxing.probe(config.sandbox(), config.claude(), config.dataDir());
        this.storage = opened(Storage.open(config.storage(), config.storage().databasePoolSize()));
        var database = storage.database();
        observe(database, telemetry);
        // With REDIS_URL several nodes share rate limits, revocations and events; each part
        // falls back to this node's memory or the database while Redis is away.
        EventBus events =
                opened(storage.redis().<EventBus>map(RedisEventBus::new).orElseGet(InMemoryEventBus::new));
        this.rateLimiter =
                storage.redis().<RateLimiter>map(RedisRateLimiter::new).orElseGet(LocalRateLimiter::new);
        var auditLog = new JdbiAuditRepository(database.jdbi());
        this.alerts = opened(AlertComponents.build(config.alerts(), config.dataDir(), auditLog, clock));
        var auditor = alerts.auditor();
        var store = opened(AccountStore.open(storage, clock));
        var users = store.users();
        var sandbox = Sandboxing.required(sandboxProbe, config.production(), users.count());
        var projectStore = new JdbiProjectRepository(database.jdbi());
        var runStore = new JdbiRunRepository(database.jdbi());

        this.history =
                opened(HistoryComponents.build(config.claude(), database, projectStore, users, events, auditor, clock));
        this.projects = ProjectComponents.build(
                config.workspace().root(),
                List.of(config.dataDir(), config.claude().configDir()),
                projectStore,
                new JdbiFolderSessions(database),
                users,
                events,
                auditor,
                clock,
                sandbox);
        // Built before the account services: sign-out and disabled accounts end their terminals.
        this.workspace = opened(WorkspaceComponents.build(
                config.workspace(),
                config.environment(),
                projects.access(),
                projects.sandbox(),
                auditor,
                resumable(history.sessionProjects()),
                config.dataDir().resolve("uploads")));
        this.accounts = AccountsComponents.build(
                config.accounts(),
                config.dataDir(),
                store,
                rateLimiter,
                auditor,
                events,
                clock,
                workspace.terminals(),
                sandbox,
                AccountsComponents.firstAdminSetupCode(config.accounts(), config.http(), users.count() == 0));
        this.push = opened(PushComponents.build(config.push(), database, runStore, projectStore, clock));
        this.cliConfig = CliConfigComponents.build(
                config.claude(),
                config.environment(),
                projects.sandbox(),
                projects.access(),
                auditor,
                config.dataDir());
        this.usage = UsageComponents.build(database, projectStore, clock);
        this.preferences = PreferencesComponents.build(database);
        this.runs = opened(RunComponents.build(
                config.runs(),
                config.claude(),
                config.environment(),
                config.dataDir(),
                database,
                runStore,
                projectStore,
                history.sessionProjects(),
                projects.access(),
                projects.sandbox(),
                // This node's run events also go to Web Push (each run's events are published by its own node only).
                push.tap(events),
                // Interrupts and decisions reach the node that owns a run over Redis, as events do.
                opened(storage.redis()
                        .<RunCommandRelay>map(RedisRunCommandRelay::new)
                        .orElse(RunCommandRelay.NONE)),
                auditor,
                users,
                clock));
        // The CLI's version check starts a Node process (a second or more): run it now, beside the
        // rest of the start, so the first health request does not wait for it.
        Thread.ofVirtual().name("ccui-cli-probe").start(runs.healthProbe()::check);
        var probes = new ArrayList<HealthProbe>(storage.healthProbes());
        probes.addAll(List.of(runs.healthProbe(), history.healthProbe(), new SandboxHealthProbe(sandbox)));
        this.operations = opened(OperationsComponents.build(
                config.operations(),
                config.alerts().rules(),
                probes,
                alerts.alerts(),
                database,
                auditLog,
                runStore,
                auditor,
                clock));
        opened(alerts.alertOnFailedRuns(events));
        if (telemetry != null && telemetry.tracer() != null) {
            opened(events.subscribe(new RunSpans(telemetry.tracer())));
        }
    }

    /** Builds every part from {@code config}; nothing listens and no job runs until {@link #start()}. */
    public static Application build(AppConfig config) {
        Deque<AutoCloseable> closing = new ArrayDeque<>();
        try {
            return new Application(config, closing);
        } catch (RuntimeException e) {
            closeAll(closing);
            throw e;
        }
    }

    private <T> T opened(T part) {
        if (part instanceof AutoCloseable closeable) {
            closing.push(closeable);
        }
        return part;
    }

    /** Slow statements are logged, counted and, with OpenTelemetry, traced; the pool's figures are published. */
    private void observe(Database database, Telemetry telemetry) {
        SlowQueryLogger.Listener statements = new SlowQueryMetrics(metrics.registry());
        if (telemetry != null && telemetry.tracer() != null) {
            statements = new TracedStatements(
                    statements, telemetry.tracer(), database.vendor().migrationFolder()); // "sqlite" or "postgresql"
        }
        database.reportSlowQueries(config.storage().slowQueryThreshold(), statements);
        // hikaricp_connections_* (pending, timeouts, usage) for the dashboard and the pool alert rules.
        database.publishPoolMetrics(metrics.registry());
    }

    /**
     * Starts the index, then serves HTTP (the port is {@link #port()}, useful with port 0), then
     * starts the other jobs: this node's run recovery and heartbeats, the alert checks and the
     * hourly purge of expired session tokens. The index runs on its own threads (a large first
     * scan never holds the server up); it starts first so that its listing pass overlaps the
     * server's own start instead of following it (a fresh start lists every session sooner).
     */
    public synchronized Application start() {
        return start(null);
    }

    /**
     * {@link #start()}, taking over the port from {@code starting} (which answered "starting"
     * while the application was built) without refusing a connection in between.
     */
    public synchronized Application start(StartingServer starting) {
        if (http != null) {
            return this;
        }
        history.bindGauges(metrics);
        history.start();
        runs.start();
        workspace.bindGauges(metrics);
        runs.bindGauges(metrics);
        operations.bindGauges(metrics, storage.database());
        var maintenance = operations.maintenance();
        var edge = HttpEdge.of(
                config.http(),
                metrics,
                accounts.auth(),
                new RateLimitService(rateLimiter),
                maintenance,
                alerts.alerts());
        var changes = projects.changes();
        var routes = new ArrayList<RouteGroup>(operations.routes(edge));
        routes.addAll(accounts.routes(edge));
        routes.addAll(projects.routes(history.history()));
        routes.addAll(history.routes());
        routes.addAll(runs.routes(edge, changes));
        routes.addAll(workspace.routes(edge, changes));
        routes.addAll(push.routes());
        routes.addAll(cliConfig.routes());
        routes.addAll(usage.routes());
        routes.addAll(preferences.routes());
        http = new HttpServer(edge, routes, starting).start();
        projects.reportUnsafeProjects();
        operations.start();
        housekeeping = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().name("ccui-housekeeping").daemon().factory());
        housekeeping.scheduleAtFixedRate(accounts.tokenPurge(), 1, 60, TimeUnit.MINUTES);
        return this;
    }

    public AppConfig config() {
        return config;
    }

    /** The HTTP server once {@link #start()}ed. */
    public HttpServer http() {
        if (http == null) {
            throw new IllegalStateException("not started");
        }
        return http;
    }

    public int port() {
        return http().port();
    }

    public AccountsComponents accounts() {
        return accounts;
    }

    public HistoryComponents history() {
        return history;
    }

    public ProjectComponents projects() {
        return projects;
    }

    public WorkspaceComponents workspace() {
        return workspace;
    }

    public RunComponents runs() {
        return runs;
    }

    public OperationsComponents operations() {
        return operations;
    }

    public PushComponents push() {
        return push;
    }

    /**
     * The first half of a graceful stop (SIGTERM): health says {@code draining} (503) so load
     * balancers take the node out, new runs and terminals are refused with {@code 503 DRAINING},
     * the active runs may finish for up to {@code timeout} (decisions and interrupts still reach
     * them, from any node), and those still active then end {@code lost}, resumable on another
     * node. {@link #close()} follows.
     */
    public void drain(Duration timeout) {
        LOG.info("draining: no new runs or terminals; active runs may finish within {}", timeout);
        operations.health().markDraining();
        runs.runs().stopTakingRuns();
        workspace.terminals().stopTaking();
        if (runs.runs().awaitNoActiveRuns(timeout)) {
            LOG.info("drained: no run is active");
            return;
        }
        int handed = runs.runs().handOverActiveRuns();
        LOG.info("drain timeout: {} active run(s) marked lost, to be resumed on another node", handed);
    }

    /** Stops taking requests, lets in-flight ones finish (bounded), then closes every part, the last built first. */
    @Override
    public synchronized void close() {
        if (housekeeping != null) {
            housekeeping.shutdownNow();
        }
        if (http != null) {
            http.close();
            http = null;
        }
        closeAll(closing);
        LOG.info("stopped");
    }

    private static void closeAll(Deque<AutoCloseable> closing) {
        while (!closing.isEmpty()) {
            try {
                closing.pop().close();
            } catch (Exception e) {
                LOG.warn("closing {} failed: {}", e.getClass().getSimpleName(), e.getMessage());
            }
        }
    }

    /** A terminal resumes only a session the index knows in its own project, its transcript restored first. */
    private static ResumableSessions resumable(SessionProjects sessions) {
        return new ResumableSessions() {
            @Override
            public Optional<ProjectId> projectOf(SessionId session) {
                return sessions.projectOf(session);
            }

            @Override
            public void prepareResume(SessionId session) {
                sessions.prepareResume(session);
            }
        };
    }
}
