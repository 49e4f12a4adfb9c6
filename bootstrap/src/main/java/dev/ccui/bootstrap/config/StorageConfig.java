package dev.ccui.bootstrap.config;

import dev.ccui.adapters.persistence.db.DatabaseSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * Where the app keeps its state: the data dir (SQLite, the generated JWT secret, the node id, the
 * logs), or PostgreSQL with {@code DATABASE_URL}, and Redis shared by several nodes.
 *
 * @param slowQueryThreshold statements slower than this are logged and counted
 */
public record StorageConfig(
        Path dataDir,
        Optional<String> databaseUrl,
        int databasePoolSize,
        Optional<String> redisUrl,
        Duration slowQueryThreshold) {

    /** The configured database with {@code poolSize} connections (the admin command line needs only a couple). */
    public DatabaseSettings database(int poolSize) {
        return databaseUrl
                .map(url -> DatabaseSettings.fromUrl(url, poolSize))
                .orElseGet(() -> DatabaseSettings.sqlite(dataDir.resolve("ccui.db")));
    }

    public DatabaseSettings database() {
        return database(databasePoolSize);
    }

    static StorageConfig read(EnvironmentReader r, boolean production) {
        Optional<String> databaseUrl = r.optional("DATABASE_URL");
        if (production && databaseUrl.isEmpty()) {
            r.problem("DATABASE_URL is required in production (PostgreSQL, e.g. postgresql://user:pass@db:5432/ccui)");
        }
        return new StorageConfig(
                r.path("CCUI_DATA_DIR", r.home().resolve(".ccui")),
                databaseUrl,
                r.integer("CCUI_DB_POOL_SIZE", 10, 1, 200),
                r.optional("REDIS_URL"),
                Duration.ofMillis(r.integer("CCUI_SLOW_QUERY_MS", 200, 0, 3_600_000)));
    }

    @Override
    public String toString() {
        return "dataDir=" + dataDir + ", database=" + (databaseUrl.isPresent() ? "postgresql" : "sqlite") + ", redis="
                + (redisUrl.isPresent() ? "on" : "off");
    }
}
