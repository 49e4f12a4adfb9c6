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
public record StorageConfig(Path dataDir, Optional<String> databaseUrl, int databasePoolSize, Optional<String> redisUrl,
                            Duration slowQueryThreshold) {

    /** The configured database with {@code poolSize} connections (the admin command line needs only a couple). */
    public DatabaseSettings database(int poolSize) {
        return databaseUrl.map(url -> DatabaseSettings.fromUrl(url, poolSize))
                .orElseGet(() -> DatabaseSettings.sqlite(dataDir.resolve("ccui.db")));
    }

    public DatabaseSettings database() {
        return database(databasePoolSize);
    }

    @Override
    public String toString() {
        return "dataDir=" + dataDir + ", database=" + (databaseUrl.isPresent() ? "postgresql" : "sqlite")
                + ", redis=" + (redisUrl.isPresent() ? "on" : "off");
    }
}
