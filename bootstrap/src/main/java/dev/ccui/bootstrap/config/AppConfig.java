package dev.ccui.bootstrap.config;

import dev.ccui.adapters.http.HttpSettings;
import dev.ccui.domain.ratelimit.RateLimit;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;

/**
 * The whole configuration, read once from environment variables (12-factor) straight into the
 * settings of each part of the app. Defaults serve a single local user; {@code CCUI_ENV=production}
 * adds the checks a shared server needs. {@link #toString()} never shows a secret.
 *
 * @param environment the process's variables: the {@code claude} CLI's runner keeps only the names
 *                    meant for it (PATH, HOME, ANTHROPIC_*, …), shells and OpenTelemetry read theirs
 */
public record AppConfig(
        boolean production,
        StorageConfig storage,
        HttpSettings http,
        AccountsConfig accounts,
        ClaudeConfig claude,
        WorkspaceConfig workspace,
        RunConfig runs,
        OperationsConfig operations,
        AlertConfig alerts,
        SandboxConfig sandbox,
        PushConfig push,
        Map<String, String> environment) {

    /**
     * The home folder {@code ~} stands for: {@code $HOME} as the {@code claude} CLI and every shell
     * read it, the passwd entry ({@code user.home}) only when it is unset. A service started with
     * its own {@code HOME} must read the same {@code ~/.claude} the CLI it starts writes.
     */
    public static Path home(Map<String, String> env) {
        String home = env.get("HOME");
        return Path.of(home == null || home.isBlank() ? System.getProperty("user.home") : home)
                .toAbsolutePath()
                .normalize();
    }

    /** Reads and validates; throws {@link ConfigException} listing every problem at once. */
    public static AppConfig fromEnvironment(Map<String, String> env, Path home) {
        EnvironmentReader r = new EnvironmentReader(env, home);
        String envName = r.text("CCUI_ENV", "development").toLowerCase(Locale.ROOT);
        if (!envName.equals("development") && !envName.equals("production")) {
            r.problem("CCUI_ENV must be 'development' or 'production', not '" + envName + "'");
        }
        boolean production = envName.equals("production");
        // One budget of sign-in attempts, counted per account name and per client address.
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
        StorageConfig storage = StorageConfig.read(r, production);
        AccountsConfig accounts =
                AccountsConfig.read(r, production, new RateLimit("auth-username", authAttempts, authWindow));
        HttpSettings http =
                HttpConfig.read(r, production, new RateLimit("auth-ip", authAttempts, authWindow), accounts.jwtTtl());
        ClaudeConfig claude = ClaudeConfig.read(r);
        var config = new AppConfig(
                production,
                storage,
                http,
                accounts,
                claude,
                WorkspaceConfig.read(r, claude),
                RunConfig.read(r),
                OperationsConfig.read(r),
                AlertConfig.read(r),
                SandboxConfig.read(env, production, r.problems),
                PushConfig.read(r, production),
                Map.copyOf(env));
        r.throwIfAny();
        return config;
    }

    public Path dataDir() {
        return storage.dataDir();
    }

    public boolean loopbackOnly() {
        return http.host().equals("127.0.0.1")
                || http.host().equals("localhost")
                || http.host().equals("::1");
    }

    @Override
    public String toString() {
        return "AppConfig[host=" + http.host() + ", port=" + http.port() + ", env="
                + (production ? "production" : "development")
                + ", " + storage + ", " + accounts + ", corsOrigins=" + http.corsOrigins() + ", trustedProxies="
                + http.trustedProxies() + ", rateLimitPerMinute="
                + http.apiLimit().capacity() + ", " + claude + ", "
                + workspace + ", " + runs + ", " + operations + ", " + alerts + ", " + push + "]";
    }
}
