package dev.ccui.bootstrap.config;

import dev.ccui.adapters.http.HttpSettings;
import dev.ccui.adapters.http.alert.SmtpSettings;
import dev.ccui.application.alert.AlertSettings;
import dev.ccui.application.history.CliCleanupPeriod;
import dev.ccui.application.maintenance.MaintenanceSettings;
import dev.ccui.application.ratelimit.port.out.RateLimit;
import dev.ccui.application.workspace.files.FilesSettings;
import dev.ccui.application.workspace.terminal.TerminalSettings;
import dev.ccui.bootstrap.Version;
import dev.ccui.domain.run.NodeId;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * The whole configuration, read once from environment variables (12-factor) straight into the
 * settings of each part of the app. Defaults serve a single local user; {@code CCUI_ENV=production}
 * adds the checks a shared server needs. {@link #toString()} never shows a secret.
 *
 * @param environment the process's variables: the {@code claude} CLI's runner keeps only the names
 *                    meant for it (PATH, HOME, ANTHROPIC_*, …), shells and OpenTelemetry read theirs
 */
public record AppConfig(boolean production, StorageConfig storage, HttpSettings http, AccountsConfig accounts,
                        ClaudeConfig claude, WorkspaceConfig workspace, RunConfig runs, OperationsConfig operations,
                        AlertConfig alerts, SandboxConfig sandbox, Map<String, String> environment) {

    public static final int MIN_PRODUCTION_SECRET = 32;

    /**
     * The home folder {@code ~} stands for: {@code $HOME} as the {@code claude} CLI and every shell
     * read it, the passwd entry ({@code user.home}) only when it is unset. A service started with
     * its own {@code HOME} must read the same {@code ~/.claude} the CLI it starts writes.
     */
    public static Path home(Map<String, String> env) {
        String home = env.get("HOME");
        return Path.of(home == null || home.isBlank() ? System.getProperty("user.home") : home).toAbsolutePath().normalize();
    }

    /** Reads and validates; throws {@link ConfigException} listing every problem at once. */
    public static AppConfig fromEnvironment(Map<String, String> env, Path home) {
        Reader r = new Reader(env, home);
        String envName = r.text("CCUI_ENV", "development").toLowerCase(Locale.ROOT);
        if (!envName.equals("development") && !envName.equals("production")) {
            r.problem("CCUI_ENV must be 'development' or 'production', not '" + envName + "'");
        }
        boolean production = envName.equals("production");
        Path dataDir = r.path("CCUI_DATA_DIR", home.resolve(".ccui"));
        Optional<String> databaseUrl = r.optional("DATABASE_URL");
        Optional<String> jwtSecret = r.optional("JWT_SECRET");
        Set<String> cors = new LinkedHashSet<>(r.list("CORS_ORIGINS"));
        String rateLimit = r.text("CCUI_AUTH_RATE_LIMIT", "10/15m");
        int authAttempts = 10;
        Duration authWindow = Duration.ofMinutes(15);
        String[] parts = rateLimit.split("/", 2);
        try {
            authAttempts = Integer.parseInt(parts[0].strip());
            authWindow = Durations.parse(parts.length > 1 ? parts[1] : "15m");
            if (authAttempts < 0 || authWindow.isZero() || authWindow.isNegative()) {
                throw new IllegalArgumentException();
            }
        } catch (RuntimeException e) {
            r.problem("CCUI_AUTH_RATE_LIMIT must look like 10/15m (attempts/window), not '" + rateLimit + "'");
            authAttempts = 10;
            authWindow = Duration.ofMinutes(15);
        }
        String logFormat = r.text("LOG_FORMAT", "text").toLowerCase(Locale.ROOT);
        if (!logFormat.equals("text") && !logFormat.equals("json")) {
            r.problem("LOG_FORMAT must be 'text' or 'json'");
        }
        String logLevel = r.text("LOG_LEVEL", "INFO").toUpperCase(Locale.ROOT);
        if (!Set.of("TRACE", "DEBUG", "INFO", "WARN", "ERROR").contains(logLevel)) {
            r.problem("LOG_LEVEL must be one of TRACE, DEBUG, INFO, WARN, ERROR");
        }
        for (String origin : cors) {
            if (origin.equals("*")) {
                r.problem("CORS_ORIGINS must list exact origins; '*' is not allowed");
            } else if (!origin.matches("https?://[A-Za-z0-9.-]+(:\\d{1,5})?")) {
                r.problem("CORS_ORIGINS entry '" + origin + "' is not an origin like https://ui.example.com");
            }
        }
        if (production) {
            if (jwtSecret.isEmpty()) {
                r.problem("JWT_SECRET is required in production (at least " + MIN_PRODUCTION_SECRET + " random characters)");
            } else if (jwtSecret.get().length() < MIN_PRODUCTION_SECRET) {
                r.problem("JWT_SECRET must have at least " + MIN_PRODUCTION_SECRET + " characters in production");
            }
            if (cors.isEmpty()) {
                r.problem("CORS_ORIGINS is required in production: the exact origin(s) users open the UI from");
            }
            if (databaseUrl.isEmpty()) {
                r.problem("DATABASE_URL is required in production (PostgreSQL, e.g. postgresql://user:pass@db:5432/ccui)");
            }
        } else if (jwtSecret.isPresent() && jwtSecret.get().length() < MIN_PRODUCTION_SECRET) {
            r.problem("JWT_SECRET must have at least " + MIN_PRODUCTION_SECRET + " characters (or leave it unset in development)");
        }
        AlertSettings alertRules = AlertSettings.defaults();
        try {
            alertRules = AlertRules.fromVariables(env::get);
        } catch (IllegalArgumentException e) {
            r.problem(e.getMessage());
        }
        Optional<String> alertWebhook = r.optional("CCUI_ALERT_WEBHOOK_URL");
        if (alertWebhook.isPresent() && !alertWebhook.get().matches("https?://\\S+")) {
            r.problem("CCUI_ALERT_WEBHOOK_URL must be an http(s) URL");
        }
        CliCleanupPeriod cliCleanup = CliCleanupPeriod.keep();
        Optional<String> cleanupText = r.optional("CCUI_CLI_CLEANUP_PERIOD_DAYS");
        if (cleanupText.isPresent()) {
            try {
                cliCleanup = CliCleanupPeriod.parse(cleanupText.get());
            } catch (IllegalArgumentException e) {
                r.problem("CCUI_CLI_CLEANUP_PERIOD_DAYS must be 'keep' (never delete transcripts), 'cli' (the CLI's own"
                        + " setting, 30 days unless set) or a number of days from 1 to " + CliCleanupPeriod.KEEP_DAYS
                        + ", not '" + cleanupText.get() + "'");
            }
        }
        Optional<SmtpSettings> alertSmtp = Optional.empty();
        try {
            alertSmtp = SmtpSettings.fromVariables(env::get);
        } catch (IllegalArgumentException e) {
            r.problem(e.getMessage());
        }
        Optional<Duration> archiveRetention = Optional.empty();
        String retentionText = r.text("CCUI_ARCHIVE_RETENTION", "forever");
        if (!retentionText.equalsIgnoreCase("forever")) {
            try {
                archiveRetention = Optional.of(Durations.parse(retentionText));
                if (archiveRetention.get().compareTo(Duration.ofDays(1)) < 0) {
                    throw new IllegalArgumentException();
                }
            } catch (RuntimeException e) {
                r.problem("CCUI_ARCHIVE_RETENTION must be 'forever' or a duration of at least 1d (e.g. 365d), not '"
                        + retentionText + "'");
            }
        }
        String host = r.text("CCUI_HOST", "127.0.0.1");
        int port = r.integer("CCUI_PORT", 3001, 0, 65535);
        int databasePoolSize = r.integer("CCUI_DB_POOL_SIZE", 10, 1, 200);
        Optional<String> redisUrl = r.optional("REDIS_URL");
        List<String> previousJwt = r.list("JWT_SECRET_PREVIOUS");
        Optional<String> previousMetricsToken = r.optional("METRICS_TOKEN_PREVIOUS");
        Optional<String> previousWebhookSecret = r.optional("CCUI_ALERT_WEBHOOK_SECRET_PREVIOUS");
        Duration jwtTtl = r.duration("JWT_TTL", Duration.ofDays(7));
        List<String> trustedProxies = r.list("CCUI_TRUSTED_PROXIES");
        int rateLimitPerMinute = r.integer("CCUI_RATE_LIMIT_PER_MINUTE", 300, 0, 1_000_000);
        int bcryptCost = r.integer("CCUI_BCRYPT_COST", 12, 4, 16);
        int maxBodyBytes = r.integer("CCUI_MAX_BODY_BYTES", 1024 * 1024, 1024, 64 * 1024 * 1024);
        String claudeCliPath = r.text("CLAUDE_CLI_PATH", "claude");
        Path claudeConfigDir = r.path("CLAUDE_CONFIG_DIR", home.resolve(".claude"));
        Path workspacesRoot = r.path("CCUI_WORKSPACES_ROOT", home);
        boolean terminalEnabled = r.bool("CCUI_TERMINAL_ENABLED", true);
        Duration terminalGrace = r.duration("CCUI_TERMINAL_GRACE", Duration.ofMinutes(10));
        int terminalScrollback = r.integer("CCUI_TERMINAL_SCROLLBACK", 1024 * 1024, 1024, 64 * 1024 * 1024);
        int terminalsPerUser = r.integer("CCUI_TERMINALS_PER_USER", 5, 1, 1000);
        int terminalsTotal = r.integer("CCUI_TERMINALS_MAX", 50, 1, 10_000);
        int runsPerUser = r.integer("CCUI_RUNS_PER_USER", 3, 1, 1000);
        int runsTotal = r.integer("CCUI_RUNS_MAX", 10, 1, 10_000);
        Duration permissionTimeout = r.duration("CCUI_PERMISSION_TIMEOUT", Duration.ofMinutes(5));
        Duration runEventRetention = r.duration("CCUI_RUN_EVENT_RETENTION", Duration.ofDays(30));
        int fileReadLimit = r.integer("CCUI_FILE_READ_LIMIT", 5 * 1024 * 1024, 1024, 512 * 1024 * 1024);
        int fileListLimit = r.integer("CCUI_FILE_LIST_LIMIT", 5_000, 10, 1_000_000);
        Optional<String> metricsToken = r.optional("METRICS_TOKEN");
        Duration shutdownGrace = r.duration("CCUI_SHUTDOWN_GRACE", Duration.ofSeconds(20));
        Optional<String> webhookSecret = r.optional("CCUI_ALERT_WEBHOOK_SECRET");
        Duration maintenanceRetryAfter = r.duration("CCUI_MAINTENANCE_RETRY_AFTER", Duration.ofSeconds(120));
        Optional<String> nodeId = r.optional("CCUI_NODE_ID");
        Duration nodeTimeout = r.duration("CCUI_NODE_TIMEOUT", Duration.ofMinutes(2));
        boolean archiveEnabled = r.bool("CCUI_ARCHIVE", true);
        Duration slowQueryThreshold = Duration.ofMillis(r.integer("CCUI_SLOW_QUERY_MS", 200, 0, 3_600_000));
        Set<String> allowedHosts = Set.copyOf(r.list("CCUI_ALLOWED_HOSTS"));
        Optional<String> setupCode = r.optional("CCUI_SETUP_CODE");
        int connectionsPerUser = r.integer("CCUI_CONNECTIONS_PER_USER", 32, 1, 10_000);
        int connectionsMax = r.integer("CCUI_CONNECTIONS_MAX", 2000, 1, 1_000_000);
        if (setupCode.isPresent() && setupCode.get().strip().length() < 12) {
            r.problem("CCUI_SETUP_CODE must have at least 12 characters");
        }
        for (String previous : previousJwt) {
            if (previous.length() < MIN_PRODUCTION_SECRET) {
                r.problem("each JWT_SECRET_PREVIOUS entry must have at least " + MIN_PRODUCTION_SECRET + " characters");
            }
        }
        if (jwtTtl.compareTo(Duration.ofMinutes(5)) < 0 || jwtTtl.compareTo(Duration.ofDays(90)) > 0) {
            r.problem("JWT_TTL must be between 5m and 90d");
        }
        if (permissionTimeout.isZero() || permissionTimeout.isNegative()) {
            r.problem("CCUI_PERMISSION_TIMEOUT must be positive, e.g. 5m");
        }
        if (nodeId.isPresent() && !NodeId.valid(nodeId.get())) {
            r.problem("CCUI_NODE_ID must be 1 to 64 letters, digits, '.', '_' or '-', starting with a letter or digit");
        }
        if (nodeTimeout.compareTo(Duration.ofSeconds(2)) < 0) {
            r.problem("CCUI_NODE_TIMEOUT must be at least 2s (heartbeats come every quarter of it, at most every 30s)");
        }
        if (maintenanceRetryAfter.toSeconds() < 1) {
            r.problem("CCUI_MAINTENANCE_RETRY_AFTER must be at least 1s, e.g. 2m");
        }
        if (runEventRetention.compareTo(Duration.ofHours(1)) < 0) {
            r.problem("CCUI_RUN_EVENT_RETENTION must be at least 1h");
        }
        for (String name : allowedHosts) {
            if (!name.matches("[A-Za-z0-9.\\-]+|\\[[0-9A-Fa-f:.]+\\]")) {
                r.problem("CCUI_ALLOWED_HOSTS entry '" + name + "' is not a host name (no scheme, no port)");
            }
        }
        for (String proxy : trustedProxies) {
            if (!proxy.matches("[0-9A-Fa-f:.]+(/\\d{1,3})?")) {
                r.problem("CCUI_TRUSTED_PROXIES entry '" + proxy + "' is not an IP address or CIDR");
            }
        }
        SandboxConfig sandbox = SandboxConfig.read(env, production, r.problems);
        r.throwIfAny();
        // Built only once every value is known to be valid: the settings records check their own ranges.
        return new AppConfig(production,
                new StorageConfig(dataDir, databaseUrl, databasePoolSize, redisUrl, slowQueryThreshold),
                new HttpSettings(host, port, production, Set.copyOf(cors), trustedProxies, maxBodyBytes,
                        new RateLimit("api", rateLimitPerMinute, Duration.ofMinutes(1)),
                        new RateLimit("auth-ip", authAttempts, authWindow), jwtTtl, Version.current(), "web", shutdownGrace,
                        allowedHosts, connectionsPerUser, connectionsMax),
                new AccountsConfig(jwtSecret, previousJwt, jwtTtl, bcryptCost,
                        new RateLimit("auth-username", authAttempts, authWindow), setupCode),
                new ClaudeConfig(claudeCliPath, claudeConfigDir, cliCleanup, archiveEnabled, archiveRetention),
                new WorkspaceConfig(workspacesRoot,
                        new TerminalSettings(terminalEnabled, terminalGrace, terminalScrollback, terminalsPerUser,
                                terminalsTotal, claudeCliPath, cliCleanup),
                        new FilesSettings(fileReadLimit, fileListLimit)),
                new RunConfig(runsPerUser, runsTotal, permissionTimeout, runEventRetention, nodeId, nodeTimeout),
                new OperationsConfig(logFormat, logLevel, metricsToken, previousMetricsToken,
                        new MaintenanceSettings(maintenanceRetryAfter, MaintenanceSettings.defaults().cacheFor())),
                new AlertConfig(alertRules, alertWebhook, webhookSecret, previousWebhookSecret, alertSmtp),
                sandbox, Map.copyOf(env));
    }

    public Path dataDir() {
        return storage.dataDir();
    }

    public boolean loopbackOnly() {
        return http.host().equals("127.0.0.1") || http.host().equals("localhost") || http.host().equals("::1");
    }

    @Override
    public String toString() {
        return "AppConfig[host=" + http.host() + ", port=" + http.port() + ", env=" + (production ? "production" : "development")
                + ", " + storage + ", " + accounts + ", corsOrigins=" + http.corsOrigins() + ", trustedProxies="
                + http.trustedProxies() + ", rateLimitPerMinute=" + http.apiLimit().capacity() + ", " + claude + ", "
                + workspace + ", " + runs + ", " + operations + ", " + alerts + "]";
    }

    /** Reads variables and collects problems instead of stopping at the first. */
    private static final class Reader {
        private final Map<String, String> env;
        private final Path home;
        final List<String> problems = new ArrayList<>();

        Reader(Map<String, String> env, Path home) {
            this.env = env;
            this.home = home;
        }

        void problem(String line) {
            problems.add(line);
        }

        void throwIfAny() {
            if (!problems.isEmpty()) {
                throw new ConfigException(problems);
            }
        }

        Optional<String> optional(String name) {
            String value = env.get(name);
            return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.strip());
        }

        String text(String name, String fallback) {
            return optional(name).orElse(fallback);
        }

        List<String> list(String name) {
            return optional(name).map(v -> Arrays.stream(v.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList())
                    .orElse(List.of());
        }

        Path path(String name, Path fallback) {
            return optional(name).map(v -> v.startsWith("~/") ? home.resolve(v.substring(2)) : Path.of(v))
                    .map(Path::toAbsolutePath).map(Path::normalize).orElse(fallback);
        }

        int integer(String name, int fallback, int min, int max) {
            return parsed(name, fallback, text -> {
                int value = Integer.parseInt(text);
                if (value < min || value > max) {
                    throw new IllegalArgumentException();
                }
                return value;
            }, "a whole number from " + min + " to " + max);
        }

        boolean bool(String name, boolean fallback) {
            return parsed(name, fallback, text -> switch (text.toLowerCase(Locale.ROOT)) {
                case "true", "1", "yes", "on" -> true;
                case "false", "0", "no", "off" -> false;
                default -> throw new IllegalArgumentException();
            }, "true or false");
        }

        Duration duration(String name, Duration fallback) {
            return parsed(name, fallback, Durations::parse, "a duration like 7d, 12h, 30m or 45s");
        }

        private <T> T parsed(String name, T fallback, Function<String, T> parser, String expected) {
            Optional<String> value = optional(name);
            if (value.isEmpty()) {
                return fallback;
            }
            try {
                return parser.apply(value.get());
            } catch (RuntimeException e) {
                problem(name + " must be " + expected + ", not '" + value.get() + "'");
                return fallback;
            }
        }
    }
}
