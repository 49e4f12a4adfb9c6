package dev.ccui.bootstrap.cli;

import dev.ccui.adapters.http.security.BcryptPasswordHasher;
import dev.ccui.adapters.persistence.audit.JdbiAuditRepository;
import dev.ccui.adapters.persistence.auth.JdbiAuthTokenRepository;
import dev.ccui.adapters.persistence.db.Database;
import dev.ccui.adapters.persistence.db.DatabaseSettings;
import dev.ccui.adapters.persistence.redis.RedisConnection;
import dev.ccui.adapters.persistence.redis.RedisRevocationCache;
import dev.ccui.adapters.persistence.user.JdbiUserRepository;
import dev.ccui.application.audit.Auditor;
import dev.ccui.application.auth.SignInSessions;
import dev.ccui.application.auth.port.out.AuthTokenRepository;
import dev.ccui.application.auth.port.out.SessionsEndedListener;
import dev.ccui.application.user.UserAdminService;
import dev.ccui.application.user.port.in.UserUseCase;
import dev.ccui.bootstrap.Main;
import dev.ccui.bootstrap.config.AppConfig;
import dev.ccui.domain.error.CcuiException;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import picocli.CommandLine.Model.CommandSpec;

/**
 * What {@code ccui users …} needs and nothing more: the accounts over the configured database
 * (and Redis, so a password reset revokes sessions on every node at once). It takes no node id,
 * touches no run, starts no job and no indexer, so it is safe to run beside a live server on the
 * same data dir — building the whole application here would mark that server's runs lost.
 */
final class AdminAccounts implements AutoCloseable {
    private final Database database;
    private final RedisConnection redis;
    private final AuthTokenRepository tokens;
    private final UserUseCase commands;

    private AdminAccounts(AppConfig config) {
        createDataDir(config);
        this.database = Database.open(config.databaseUrl()
                .map(url -> DatabaseSettings.fromUrl(url, 2))
                .orElseGet(() -> DatabaseSettings.sqlite(config.dataDir().resolve("ccui.db"))));
        RedisConnection connection = null;
        try {
            connection = config.redisUrl().map(RedisConnection::open).orElse(null);
            var jdbiTokens = new JdbiAuthTokenRepository(database.jdbi());
            this.tokens = connection == null ? jdbiTokens : new RedisRevocationCache(jdbiTokens, database.jdbi(), connection);
            Clock clock = Clock.systemUTC();
            this.commands = new UserAdminService(new JdbiUserRepository(database.jdbi()),
                    new BcryptPasswordHasher(config.bcryptCost()), new Auditor(new JdbiAuditRepository(database.jdbi()), clock),
                    clock, new SignInSessions(tokens, SessionsEndedListener.NONE));
        } catch (RuntimeException e) {
            if (connection != null) {
                connection.close();
            }
            database.close();
            throw e;
        }
        this.redis = connection;
    }

    static AdminAccounts open(AppConfig config) {
        return new AdminAccounts(config);
    }

    /** What a command does with the accounts; may fail with a domain error or an I/O error. */
    interface Action {
        void run(UserUseCase accounts, PrintWriter out) throws IOException;
    }

    /** Runs {@code action} against the configured database, mapping failures to exit codes (0, 1, config error). */
    static int run(CommandSpec spec, Action action) {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        AppConfig config = Main.loadConfig(true);
        if (config == null) {
            return Main.CONFIG_ERROR;
        }
        try (AdminAccounts accounts = open(config)) {
            action.run(accounts.commands(), out);
            out.flush();
            return 0;
        } catch (CcuiException | IOException e) {
            err.println("ccui: " + e.getMessage());
            return 1;
        }
    }

    UserUseCase commands() {
        return commands;
    }

    private static void createDataDir(AppConfig config) {
        if (config.databaseUrl().isPresent() || Files.isDirectory(config.dataDir())) {
            return;
        }
        try {
            Files.createDirectories(config.dataDir(),
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the data directory " + config.dataDir(), e);
        }
    }

    @Override
    public void close() {
        try {
            if (tokens instanceof AutoCloseable closeable) {
                closeable.close();
            }
        } catch (Exception e) {
            // Closing a Redis listener on the way out: nothing left to protect.
        }
        if (redis != null) {
            redis.close();
        }
        database.close();
    }
}
