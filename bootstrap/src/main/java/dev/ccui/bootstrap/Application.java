package dev.ccui.bootstrap;

import dev.ccui.adapters.http.HttpServer;
import dev.ccui.adapters.http.HttpSettings;
import dev.ccui.adapters.http.HttpUseCases;
import dev.ccui.adapters.http.security.BcryptPasswordHasher;
import dev.ccui.adapters.http.security.JwtTokenIssuer;
import dev.ccui.adapters.persistence.apikey.JdbiApiKeyRepository;
import dev.ccui.adapters.persistence.audit.JdbiAuditRepository;
import dev.ccui.adapters.persistence.auth.JdbiAuthTokenRepository;
import dev.ccui.adapters.persistence.db.Database;
import dev.ccui.adapters.persistence.db.DatabaseSettings;
import dev.ccui.adapters.http.alert.SmtpAlertSink;
import dev.ccui.adapters.http.alert.WebhookAlertSink;
import dev.ccui.adapters.http.metrics.HttpMetrics;
import dev.ccui.application.alert.AlertMonitor;
import dev.ccui.application.alert.AlertService;
import dev.ccui.application.alert.AlertingAuditRepository;
import dev.ccui.application.alert.FanOutAlertSink;
import dev.ccui.adapters.persistence.disk.FileStoreDiskSpace;
import dev.ccui.application.alert.LogAlertSink;
import dev.ccui.application.events.AppEvent;
import dev.ccui.domain.run.RunEvent;
import java.net.URI;
import dev.ccui.adapters.persistence.events.InMemoryEventBus;
import dev.ccui.adapters.persistence.redis.RedisConnection;
import dev.ccui.adapters.persistence.redis.RedisEventBus;
import dev.ccui.adapters.persistence.redis.RedisHealthProbe;
import dev.ccui.adapters.persistence.redis.RedisRateLimiter;
import dev.ccui.adapters.persistence.redis.RedisRevocationCache;
import dev.ccui.application.events.port.out.EventBus;
import dev.ccui.application.health.port.out.HealthProbe;
import dev.ccui.adapters.persistence.health.DatabaseHealthProbe;
import dev.ccui.adapters.persistence.history.JdbiSessionIndexQuery;
import dev.ccui.adapters.persistence.history.JdbiSessionIndexWriter;
import dev.ccui.adapters.persistence.history.JdbiSessionMarks;
import dev.ccui.adapters.persistence.history.JdbiTranscriptArchive;
import dev.ccui.adapters.persistence.maintenance.JdbiMaintenanceStore;
import dev.ccui.application.maintenance.MaintenanceService;
import dev.ccui.application.maintenance.MaintenanceSettings;
import dev.ccui.adapters.persistence.project.JdbiFolderSessions;
import dev.ccui.adapters.persistence.project.JdbiProjectRepository;
import dev.ccui.adapters.persistence.ratelimit.LocalRateLimiter;
import dev.ccui.adapters.persistence.user.JdbiUserRepository;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ccui.adapters.persistence.run.JdbiNodeHeartbeats;
import dev.ccui.adapters.persistence.run.JdbiRunEventLog;
import dev.ccui.adapters.persistence.run.JdbiRunRepository;
import dev.ccui.adapters.process.claude.ClaudeCliProbe;
import dev.ccui.adapters.process.claude.CliClaudeRunner;
import dev.ccui.adapters.process.claude.CliRunnerSettings;
import dev.ccui.application.run.RunService;
import dev.ccui.application.run.RunSettings;
import dev.ccui.domain.session.SessionSummary;
import dev.ccui.adapters.process.transcript.FileTranscriptStore;
import dev.ccui.adapters.process.transcript.TranscriptLimits;
import dev.ccui.adapters.process.workspace.FileSystemWorkspacePaths;
import dev.ccui.adapters.process.workspace.files.LocalWorkspaceFiles;
import dev.ccui.adapters.process.workspace.git.GitCliClient;
import dev.ccui.adapters.process.workspace.git.GitRunner;
import dev.ccui.adapters.process.sandbox.BubblewrapSettings;
import dev.ccui.adapters.process.sandbox.SandboxNetwork;
import dev.ccui.adapters.process.sandbox.Sandboxes;
import dev.ccui.application.sandbox.SandboxHealthProbe;
import dev.ccui.application.sandbox.port.out.ProcessSandbox;
import dev.ccui.bootstrap.config.ConfigException;
import dev.ccui.bootstrap.config.SandboxConfig;
import dev.ccui.adapters.process.workspace.terminal.PtyTerminalSpawner;
import dev.ccui.application.apikey.ApiKeyService;
import dev.ccui.application.audit.AuditService;
import dev.ccui.application.audit.Auditor;
import dev.ccui.application.auth.cache.ForgettingApiKeyRepository;
import dev.ccui.application.auth.cache.ForgettingTokenRepository;
import dev.ccui.application.auth.cache.ForgettingUserRepository;
import dev.ccui.application.auth.cache.PrincipalCache;
import dev.ccui.application.auth.AuthService;
import dev.ccui.application.auth.SignInSessions;
import dev.ccui.application.auth.AuthSettings;
import dev.ccui.application.auth.port.out.AuthTokenRepository;
import dev.ccui.application.events.ChangeFeedService;
import dev.ccui.application.health.HealthService;
import dev.ccui.application.history.HistoryService;
import dev.ccui.application.history.IndexHealthProbe;
import dev.ccui.application.history.IndexService;
import dev.ccui.application.history.ArchiveRestorer;
import dev.ccui.application.history.IndexSettings;
import dev.ccui.application.history.port.out.TranscriptArchive;
import dev.ccui.application.run.port.out.SessionProjects;
import dev.ccui.application.project.ProjectService;
import dev.ccui.application.project.ProjectAccess;
import dev.ccui.application.project.ProjectSafety;
import dev.ccui.domain.project.ProjectFolderRule;
import dev.ccui.application.ratelimit.port.out.RateLimit;
import dev.ccui.application.ratelimit.port.out.RateLimiter;
import dev.ccui.application.user.UserAdminService;
import dev.ccui.application.workspace.files.FilesService;
import dev.ccui.application.workspace.files.FilesSettings;
import dev.ccui.application.workspace.git.GitService;
import dev.ccui.application.workspace.terminal.TerminalService;
import dev.ccui.application.workspace.terminal.TerminalSettings;
import dev.ccui.bootstrap.config.AppConfig;
import dev.ccui.bootstrap.config.JwtSecretFile;
import dev.ccui.bootstrap.config.NodeIdFile;
import dev.ccui.bootstrap.metrics.SlowQueryMetrics;
import dev.ccui.bootstrap.telemetry.Telemetry;
import dev.ccui.bootstrap.telemetry.TracedStatements;
import dev.ccui.adapters.persistence.db.SlowQueryLogger;
import dev.ccui.domain.run.NodeId;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.Optional;
import dev.ccui.domain.project.ProjectId;
import dev.ccui.domain.session.SessionId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The composition root: every adapter and service is built here, with {@code new}, from the
 * configuration. Tests build it the same way and drive {@link #useCases()} directly.
 */
public final class Application implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Application.class);

    private final AppConfig config;
    private final Database database;
    private final UseCases useCases;
    private final RateLimiter rateLimiter;
    private final AuthTokenRepository tokens;
    private final Clock clock = Clock.systemUTC();
    private final ScheduledExecutorService housekeeping;
    private final IndexService indexer;
    private final TerminalService terminals;
    private ProcessSandbox sandbox;
    private final CliClaudeRunner claudeRunner;
    private final RunService runs;
    private final MaintenanceService maintenance;
    private final ProjectSafety projectSafety;
    private HttpServer http;
    private final RedisConnection redis;
    private final EventBus events;
    private final HttpMetrics metrics;
    private final Telemetry telemetry;
    private AlertService alerts;
    private TranscriptArchive archive;
    private AlertMonitor alertMonitor;
    private WebhookAlertSink webhook;
    private SmtpAlertSink mail;

    /**
     * The process sandbox for runs, shells and git. Without one (CCUI_SANDBOX=none, or bubblewrap
     * unusable) the app starts only while it has at most one account and not in production.
     */
    private static ProcessSandbox sandbox(AppConfig config, long accounts) {
        SandboxConfig settings = SandboxConfig.fromEnvironment(config.cliEnvironment(), config.production());
        List<Path> hidden = new ArrayList<>(List.of(config.dataDir()));
        try {
            var code = Application.class.getProtectionDomain().getCodeSource();
            if (code != null && code.getLocation().getProtocol().equals("file")) {
                Path location = Path.of(code.getLocation().toURI());
                hidden.add(location.getParent() == null ? location : location.getParent());
            }
        } catch (Exception e) {
            LOG.debug("the app's own location is unknown: {}", e.getMessage());
        }
        var bwrap = new BubblewrapSettings("bwrap", "pasta", config.claudeCliPath(), config.claudeConfigDir(), hidden,
                settings.network().orElse(SandboxNetwork.PASTA), settings.loopbackPorts(), settings.limits(),
                Path.of("/sys/fs/cgroup"));
        ProcessSandbox sandbox;
        try {
            sandbox = Sandboxes.select(settings.mode().orElse(null), bwrap, settings.networkConfigured());
        } catch (IllegalStateException e) {
            throw new ConfigException(List.of(e.getMessage()));
        }
        if (!sandbox.isolates() && config.production()) {
            throw new ConfigException(List.of("production needs the process sandbox, and bubblewrap does not work here: "
                    + sandbox.details().getOrDefault("reason", "unknown") + " (see docs/security.md)"));
        }
        if (!sandbox.isolates() && accounts > 1) {
            throw new ConfigException(List.of("this app has " + accounts + " accounts, so it needs the process sandbox "
                    + "(CCUI_SANDBOX=bwrap), but it is off: " + sandbox.details().getOrDefault("reason", "CCUI_SANDBOX=none")));
        }
        return sandbox;
    }

    private Application(AppConfig config) {
        this.config = config;
        this.metrics = new HttpMetrics(config.metricsToken().orElse(null),
                config.previousSecrets().metricsToken().orElse(null));
        // OTLP export of metrics and traces, only with OTEL_EXPORTER_OTLP_ENDPOINT (the full environment is cliEnvironment).
        this.telemetry = Telemetry.start(config.cliEnvironment(), metrics).orElse(null);
        prepareDataDir(config.dataDir());
        this.database = Database.open(config.databaseUrl()
                .map(url -> DatabaseSettings.fromUrl(url, config.databasePoolSize()))
                .orElseGet(() -> DatabaseSettings.sqlite(config.dataDir().resolve("ccui.db"))));
        try {
            SlowQueryLogger.Listener statements = new SlowQueryMetrics(metrics.registry());
            if (telemetry != null && telemetry.tracer() != null) {
                statements = new TracedStatements(statements, telemetry.tracer(),
                        database.vendor().migrationFolder()); // "sqlite" or "postgresql"
            }
            database.reportSlowQueries(config.slowQueryThreshold(), statements);
            // hikaricp_connections_* (pending, timeouts, usage) for the dashboard and the pool alert rules.
            database.publishPoolMetrics(metrics.registry());
            // Who a credential belongs to, remembered for a second; every local write that revokes
            // access goes through the Forgetting* repositories, which drop the affected entries.
            var principals = new PrincipalCache(clock, PrincipalCache.DEFAULT_TTL);
            var users = new ForgettingUserRepository(new JdbiUserRepository(database.jdbi()), principals);
            var apiKeys = new ForgettingApiKeyRepository(new JdbiApiKeyRepository(database.jdbi()), principals);
            var auditRepository = new JdbiAuditRepository(database.jdbi());
            // With REDIS_URL several nodes share rate limits, revocations and events; each part
            // falls back to this node's memory or the database while Redis is away.
            this.redis = config.redisUrl().map(RedisConnection::open).orElse(null);
            var jdbiTokens = new JdbiAuthTokenRepository(database.jdbi());
            this.tokens = redis == null ? jdbiTokens : new RedisRevocationCache(jdbiTokens, database.jdbi(), redis);
            this.rateLimiter = redis == null ? new LocalRateLimiter() : new RedisRateLimiter(redis);
            var hasher = new BcryptPasswordHasher(config.bcryptCost());
            String secret = config.jwtSecret().orElseGet(() -> JwtSecretFile.readOrCreate(config.dataDir()));
            var issuer = new JwtTokenIssuer(secret, config.previousSecrets().jwt(), config.jwtTtl(), clock);
            this.webhook = config.alertWebhookUrl().map(url -> new WebhookAlertSink(WebhookAlertSink.Settings.defaults(
                    URI.create(url), config.alertWebhookSecret().orElse(null))
                    .withPreviousSecret(config.previousSecrets().webhookSecret().orElse(null)))).orElse(null);
            this.mail = config.alertSmtp().map(smtp -> new SmtpAlertSink(smtp, clock)).orElse(null);
            var alertSinks = new ArrayList<dev.ccui.application.alert.port.out.AlertSink>(List.of(new LogAlertSink()));
            if (webhook != null) {
                alertSinks.add(webhook);
            }
            if (mail != null) {
                alertSinks.add(mail);
            }
            this.alerts = new AlertService(alertSinks.size() == 1 ? alertSinks.get(0) : new FanOutAlertSink(alertSinks),
                    new FileStoreDiskSpace(config.dataDir()), clock, config.alerts());
            // Failed sign-ins reach the alert rules through the audit log they are written to.
            var auditor = new Auditor(new AlertingAuditRepository(auditRepository, alerts), clock);
            var authSettings = new AuthSettings(new RateLimit("auth-username", config.authAttempts(), config.authWindow()),
                    Duration.ofSeconds(30), setupCode(config, users.count() == 0));
            var projects = new JdbiProjectRepository(database.jdbi());
            this.events = redis == null ? new InMemoryEventBus() : new RedisEventBus(redis);
            // A project must never be the workspaces root, nor overlap the app's own folders (the JWT
            // secret and database, every transcript, the jar) or a project its users may not use.
            var folderRule = new ProjectFolderRule(ProjectFolders.real(config.workspacesRoot()),
                    List.of(ProjectFolders.real(config.dataDir()), ProjectFolders.real(config.claudeConfigDir()),
                            ProjectFolders.installDir()));
            this.projectSafety = new ProjectSafety(projects, users, folderRule, events, clock);
            var projectAccess = new ProjectAccess(projects, projectSafety);
            this.sandbox = sandbox(config, users.count());
            var sessionIndex = new JdbiSessionIndexQuery(database);
            var sessionMarks = new JdbiSessionMarks(database);
            // The app's own copy of every transcript: sessions whose files vanish stay readable and searchable.
            this.archive = config.archiveEnabled() ? new JdbiTranscriptArchive(database, clock) : TranscriptArchive.NONE;
            var transcripts = new FileTranscriptStore(config.claudeConfigDir(), TranscriptLimits.defaults(), archive);
            // Writes an archived session's transcript back before the CLI resumes it (chat or terminal).
            var restorer = new ArchiveRestorer(sessionIndex, archive, transcripts);
            // Built before the account services: sign-out and disabled accounts end their terminals.
            // The shell sees the environment the app was configured from: the process's own in
            // production, and in tests a HOME of their own (so no user's ~/.bashrc can stall it).
            var shellEnvironment = new HashMap<>(System.getenv());
            shellEnvironment.putAll(config.cliEnvironment());
            this.terminals = new TerminalService(projectAccess, new PtyTerminalSpawner(shellEnvironment, sandbox), auditor,
                    new TerminalSettings(config.terminalEnabled(), config.terminalGrace(), config.terminalScrollbackBytes(),
                            config.terminalsPerUser(), config.terminalsTotal(), config.claudeCliPath(), config.cliCleanup()),
                    restorer::restore);
            // Ended sessions end their terminals here and every open connection of them on every node.
            var sessionsEnded = new dev.ccui.application.auth.RevocationAnnouncer(terminals, events);
            principals.forgetOnRevocations(events);
            var revocableTokens = new ForgettingTokenRepository(tokens, principals);
            var auth = new AuthService(users, apiKeys, revocableTokens, hasher, issuer, rateLimiter, auditor, clock, authSettings,
                    sessionsEnded, principals);
            var userAdmin = new UserAdminService(users, hasher, auditor, clock,
                    new SignInSessions(revocableTokens, sessionsEnded), sandbox);

            this.indexer = new IndexService(transcripts, new JdbiSessionIndexWriter(database), projects, users, events, clock, IndexSettings.defaults(),
                    archive, config.archiveRetention().orElse(null));
            var projectService = new ProjectService(projects, new JdbiFolderSessions(database), users, new FileSystemWorkspacePaths(), events,
                    auditor, clock, projectSafety);
            var git = GitRunner.sandboxed(sandbox);
            var history = new HistoryService(sessionIndex, sessionMarks, transcripts, projects, events, auditor, indexer);

            var probes = new ArrayList<HealthProbe>(List.of(new DatabaseHealthProbe(database),
                    new ClaudeCliProbe(config.claudeCliPath(), config.cliCleanup(), clock, Duration.ofMinutes(5)),
                    new IndexHealthProbe(indexer), new SandboxHealthProbe(sandbox)));
            if (redis != null) {
                probes.add(new RedisHealthProbe(redis));
            }
            var health = new HealthService(probes, Version.current(), clock);
            this.alertMonitor = new AlertMonitor(alerts, health, config.alerts());
            var cliEnvironment = new HashMap<>(config.cliEnvironment());
            // Transcripts must land where the indexer reads them.
            cliEnvironment.put("CLAUDE_CONFIG_DIR", config.claudeConfigDir().toString());
            this.claudeRunner = new CliClaudeRunner(CliRunnerSettings.defaults(config.claudeCliPath(), cliEnvironment)
                    .withCleanup(config.cliCleanup()),
                    new ObjectMapper(), sandbox);
            var runStore = new JdbiRunRepository(database.jdbi());
            // Nodes sharing the database tell their runs apart by this id (kept in the data dir unless configured).
            NodeId node = config.nodeId().map(NodeId::new).orElseGet(() -> NodeIdFile.readOrCreate(config.dataDir()));
            LOG.info("node id {}", node);
            this.runs = new RunService(claudeRunner, new JdbiRunEventLog(database.jdbi()), runStore,
                    new JdbiNodeHeartbeats(database.jdbi()), projects,
                    new SessionProjects() {
                        @Override
                        public Optional<ProjectId> projectOf(SessionId id) {
                            return sessionIndex.summary(id).map(SessionSummary::projectId);
                        }

                        @Override
                        public void prepareResume(SessionId id) {
                            restorer.restore(id);
                        }
                    }, events, auditor, clock,
                    new RunSettings(config.runsPerUser(), config.runsTotal(), config.permissionTimeout(),
                            config.runEventRetention(), node, config.nodeTimeout()), projectAccess);
            runs.recoverAfterRestart();
            if (telemetry != null && telemetry.tracer() != null) {
                events.subscribe(new dev.ccui.bootstrap.telemetry.RunSpans(telemetry.tracer()));
            }
            events.subscribe(event -> {
                if (event instanceof AppEvent.RunEventLogged logged
                        && logged.logged().event() instanceof RunEvent.RunEnded ended
                        && ended.reason() == RunEvent.EndReason.FAILED) {
                    alerts.runCrashed(logged.logged().runId(), "the run ended as failed");
                }
            });
            // Shared through the database so every node turns read-only together; cached briefly per node.
            this.maintenance = new MaintenanceService(new JdbiMaintenanceStore(database.jdbi()), auditor, clock,
                    new MaintenanceSettings(config.maintenanceRetryAfter(), MaintenanceSettings.defaults().cacheFor()));
            this.useCases = new UseCases(auth, userAdmin,
                    new ApiKeyService(apiKeys, auditor, clock).announcingRevocationsTo(events),
                    new AuditService(auditRepository, runStore::findById), health, projectService,
                    history, new ChangeFeedService(events, projectAccess),
                    new FilesService(projectAccess, new LocalWorkspaceFiles(git), auditor,
                            new FilesSettings(config.fileReadLimitBytes(), config.fileListLimit())),
                    new GitService(projectAccess, new GitCliClient(git), auditor), terminals, runs, maintenance);
        } catch (RuntimeException e) {
            closeRedis();
            database.close();
            throw e;
        }
        reportUnsafeProjects();
        this.housekeeping = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("ccui-housekeeping").daemon().factory());
        housekeeping.scheduleAtFixedRate(this::purgeExpiredTokens, 1, 60, TimeUnit.MINUTES);
    }

    /** Rows registered before the folder rules (or discovered) that break them: kept, but said aloud. */
    private void reportUnsafeProjects() {
        for (var unsafe : projectSafety.scanNow()) {
            LOG.warn("project {} at {} breaks the folder rules ({}): its files, git, runs and terminal are refused "
                    + "to non-admins until an admin removes it (GET /api/admin/unsafe-projects)", unsafe.id(), unsafe.path(),
                    unsafe.reason());
        }
    }

    /**
     * The one-time code the first admin's set-up asks for when the server is reachable from other
     * machines (a non-loopback bind, or a proxy in front): otherwise whoever finds a fresh server
     * first would own it. Printed once in the log, as Jupyter and Grafana do; gone once an admin exists.
     */
    private static String setupCode(AppConfig config, boolean setupRequired) {
        boolean loopbackOnly = Set.of("127.0.0.1", "localhost", "::1", "[::1]").contains(config.host())
                && config.trustedProxies().isEmpty();
        if (!setupRequired) {
            return null;
        }
        if (config.setupCode().isPresent()) {
            // Preset by the operator (automated deployments): required wherever the server listens.
            return config.setupCode().get().strip();
        }
        if (loopbackOnly) {
            return null;
        }
        String code = dev.ccui.application.common.Secrets.urlSafe(9);
        LOG.warn("first-admin set-up code: {} (enter it on the set-up page; needed because this server is reachable "
                + "beyond this machine)", code);
        return code;
    }

    /** Builds everything but the HTTP server. */
    public static Application create(AppConfig config) {
        return new Application(config);
    }

    public UseCases useCases() {
        return useCases;
    }

    public AppConfig config() {
        return config;
    }

    /** The transcript indexer; {@link #startHttp()} starts it, tests may drive {@link IndexService#scanAll()}. */
    public IndexService indexer() {
        return indexer;
    }

    /** Starts the HTTP server; the port is {@link HttpServer#port()} (useful with port 0). */
    public synchronized HttpServer startHttp() {
        if (http == null) {
            var settings = new HttpSettings(config.host(), config.port(), config.production(), config.corsOrigins(),
                    config.trustedProxies(), config.maxBodyBytes(),
                    new RateLimit("api", config.rateLimitPerMinute(), Duration.ofMinutes(1)),
                    new RateLimit("auth-ip", config.authAttempts(), config.authWindow()),
                    config.jwtTtl(), Version.current(), "web", config.shutdownGrace(), config.allowedHosts(),
                    config.connectionsPerUser(), config.connectionsMax());
            var u = useCases;
            bindGauges();
            http = new HttpServer(settings, new HttpUseCases(u.auth(), u.users(), u.apiKeys(), u.audit(), u.health(),
                    u.projects(), u.history(), u.changes(), u.files(), u.git(), u.terminals(), u.runs(), rateLimiter, alerts,
                    u.maintenance()), metrics).start();
            alertMonitor.start();
            // After the server is up: a large first scan must never hold it up.
            indexer.start();
        }
        return http;
    }

    private volatile TranscriptArchive.Stats archiveStatsCache;
    private volatile long archiveStatsAt;

    /** The archive's figures, summed by the database at most once a minute (scrapes come more often). */
    private TranscriptArchive.Stats archiveStats() {
        long now = System.nanoTime();
        TranscriptArchive.Stats cached = archiveStatsCache;
        if (cached == null || now - archiveStatsAt > TimeUnit.MINUTES.toNanos(1)) {
            cached = archive.stats();
            archiveStatsCache = cached;
            archiveStatsAt = now;
        }
        return cached;
    }

    /** Application figures read at scrape time (the HTTP and JVM meters are the adapter's own). */
    private void bindGauges() {
        metrics.gauge("ccui.index.files", "transcript files indexed", () -> indexer.indexProgress().filesDone());
        metrics.gauge("ccui.index.bytes", "transcript bytes indexed", () -> indexer.indexProgress().bytesDone());
        metrics.gauge("ccui.archive.raw.bytes", "transcript bytes kept in the archive (before compression)",
                () -> archiveStats().rawBytes());
        metrics.gauge("ccui.archive.stored.bytes", "bytes the archive takes in the database (gzip)",
                () -> archiveStats().storedBytes());
        metrics.gauge("ccui.index.lag.ms", "delay from a transcript change to the index", () -> indexer.indexProgress().lastChangeLagMs());
        metrics.gauge("ccui.terminals.open", "open terminals", terminals::openCount);
        metrics.gauge("ccui.runs.active", "active Claude runs on this node", runs::activeRuns);
        metrics.gauge("ccui.db.pool.active", "database connections in use", () -> poolFigure(true));
        metrics.gauge("ccui.db.pool.idle", "idle database connections", () -> poolFigure(false));
        metrics.gauge("ccui.maintenance.enabled", "1 while maintenance mode makes the API read-only",
                () -> maintenance.state().enabled() ? 1 : 0);
    }

    private int poolFigure(boolean active) {
        var pool = database.poolStats();
        return active ? pool.active() : pool.idle();
    }

    private void closeRedis() {
        if (redis == null) {
            return;
        }
        try {
            if (tokens instanceof AutoCloseable closeable) {
                closeable.close();
            }
            if (events instanceof AutoCloseable closeable) {
                closeable.close();
            }
        } catch (Exception e) {
            LOG.warn("closing the Redis listeners failed: {}", e.getMessage());
        }
        redis.close();
    }

    private void purgeExpiredTokens() {
        try {
            int purged = tokens.purgeExpired(clock.instant());
            if (purged > 0) {
                LOG.info("forgot {} expired session token(s)", purged);
            }
        } catch (RuntimeException e) {
            LOG.warn("could not purge expired tokens: {}", e.getMessage());
        }
    }

    private static void prepareDataDir(Path dataDir) {
        try {
            if (!Files.isDirectory(dataDir)) {
                Files.createDirectories(dataDir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the data directory " + dataDir, e);
        }
    }

    /** Stops taking requests, lets in-flight ones finish (bounded), then closes the pool. */
    @Override
    public synchronized void close() {
        housekeeping.shutdownNow();
        alertMonitor.close();
        indexer.close();
        if (http != null) {
            http.close();
            http = null;
        }
        terminals.close();
        // Ends every claude CLI this node started (their runs end as failed), then stops the runner's timers.
        runs.close();
        claudeRunner.close();
        closeRedis();
        database.close();
        if (webhook != null) {
            webhook.close();
        }
        if (mail != null) {
            mail.close();
        }
        if (telemetry != null) {
            telemetry.close();
        }
        LOG.info("stopped");
    }
}
