package dev.ccui.bootstrap.testing;

import dev.ccui.adapters.process.claude.TestCli;
import dev.ccui.bootstrap.Application;
import dev.ccui.bootstrap.config.AppConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * The application as {@code Main} builds it (same composition root, real adapters) on a real
 * database: a SQLite file in a temp folder, or a fresh schema on the PostgreSQL server, dropped
 * on close. Tests drive the components of {@link #application()} directly, or start HTTP on a random port.
 */
public final class TestApplication implements AutoCloseable {
    public static final String POSTGRES_URL = System.getenv()
            .getOrDefault("CCUI_TEST_POSTGRES_URL", "jdbc:postgresql://127.0.0.1:5432/test?user=postgres");

    private final Application application;
    private final String schema;

    private TestApplication(Application application, String schema) {
        this.application = application;
        this.schema = schema;
    }

    /** Settings fit for tests: cheap bcrypt, no per-client limits, a random port. */
    /**
     * What a test app needs to run the given claude CLI against a fake Messages API: projects under
     * {@code folder/work}, and a home and temporary folder of the test's own for the CLI.
     */
    public static Map<String, String> cliEnvironment(Path folder, String cli, String apiBaseUrl) {
        Map<String, String> env = new HashMap<>();
        try {
            env.put("HOME", Files.createDirectories(folder.resolve("home")).toString());
            Path tmp = Files.createDirectories(folder.resolve("tmp"));
            env.put("CLAUDE_CODE_TMPDIR", tmp.toString());
            env.put("TMPDIR", tmp.toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        env.put("CLAUDE_CLI_PATH", cli);
        env.put("CCUI_WORKSPACES_ROOT", folder.resolve("work").toString());
        env.put("PATH", System.getenv("PATH"));
        env.put("LANG", "C.UTF-8");
        env.putAll(TestCli.fakeApiEnvironment(apiBaseUrl));
        return env;
    }

    public static Map<String, String> baseEnvironment(Path folder) {
        Map<String, String> env = new HashMap<>();
        env.put("CCUI_DATA_DIR", folder.resolve("data").toString());
        env.put("CCUI_PORT", "0");
        env.put("CCUI_BCRYPT_COST", "4");
        env.put("CCUI_RATE_LIMIT_PER_MINUTE", "0");
        env.put("CCUI_AUTH_RATE_LIMIT", "1000/1m");
        env.put("CLAUDE_CLI_PATH", folder.resolve("no-claude-here").toString());
        env.put("CLAUDE_CONFIG_DIR", folder.resolve("claude").toString());
        env.put("CCUI_WORKSPACES_ROOT", folder.toString());
        env.put("CCUI_SHUTDOWN_GRACE", "2s");
        // Shells and the CLI get a home of their own: the machine user's ~/.bashrc (pyenv, cargo…)
        // must not decide whether a terminal test sees its prompt.
        Path home = folder.resolve("home");
        try {
            Files.createDirectories(home);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        env.put("HOME", home.toString());
        return env;
    }

    public static TestApplication sqlite(Path folder) {
        return sqlite(folder, Map.of());
    }

    public static TestApplication sqlite(Path folder, Map<String, String> overrides) {
        Map<String, String> env = baseEnvironment(folder);
        env.putAll(overrides);
        return new TestApplication(Application.build(AppConfig.fromEnvironment(env, folder)), null);
    }

    public static TestApplication postgres(Path folder) {
        return postgres(folder, Map.of());
    }

    public static TestApplication postgres(Path folder, Map<String, String> overrides) {
        String schema = "ccui_it_"
                + UUID.randomUUID().toString().replace("-", "").substring(0, 12).toLowerCase(Locale.ROOT);
        execute("CREATE SCHEMA " + schema);
        Map<String, String> env = baseEnvironment(folder);
        env.put("DATABASE_URL", POSTGRES_URL + "&currentSchema=" + schema);
        env.putAll(overrides);
        try {
            return new TestApplication(Application.build(AppConfig.fromEnvironment(env, folder)), schema);
        } catch (RuntimeException e) {
            execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
            throw e;
        }
    }

    /**
     * A second node on the PostgreSQL schema of {@code first} (its own data dir and port): the
     * schema stays {@code first}'s to drop, so close this one first.
     */
    public static TestApplication postgresNodeBeside(
            TestApplication first, Path folder, Map<String, String> overrides) {
        if (first.schema == null) {
            throw new IllegalArgumentException("only a PostgreSQL test application can be shared");
        }
        Map<String, String> env = baseEnvironment(folder);
        env.put("DATABASE_URL", POSTGRES_URL + "&currentSchema=" + first.schema);
        env.putAll(overrides);
        return new TestApplication(Application.build(AppConfig.fromEnvironment(env, folder)), null);
    }

    private static void execute(String sql) {
        try (var connection = DriverManager.getConnection(POSTGRES_URL);
                var statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("PostgreSQL at " + POSTGRES_URL + " refused: " + e.getMessage(), e);
        }
    }

    /** The JDBC URL of this application's PostgreSQL schema (tests open their own repositories on it). */
    public String postgresUrl() {
        if (schema == null) {
            throw new IllegalStateException("not a PostgreSQL test application");
        }
        return POSTGRES_URL + "&currentSchema=" + schema;
    }

    public Application application() {
        return application;
    }

    /** Starts HTTP on a random loopback port and returns its base URL. */
    public String startHttp() {
        return "http://127.0.0.1:" + application.start().port();
    }

    @Override
    public void close() {
        application.close();
        if (schema != null) {
            execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
        }
    }
}
