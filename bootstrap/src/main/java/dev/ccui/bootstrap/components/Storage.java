package dev.ccui.bootstrap.components;

import dev.ccui.adapters.persistence.db.Database;
import dev.ccui.adapters.persistence.db.DatabaseSettings;
import dev.ccui.adapters.persistence.db.SqliteNativeLibrary;
import dev.ccui.adapters.persistence.db.Vendor;
import dev.ccui.adapters.persistence.health.DatabaseHealthProbe;
import dev.ccui.adapters.persistence.redis.RedisConnection;
import dev.ccui.adapters.persistence.redis.RedisHealthProbe;
import dev.ccui.application.health.port.out.HealthProbe;
import dev.ccui.bootstrap.config.StorageConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The data dir, the migrated database and, with {@code REDIS_URL}, the Redis connection: what the
 * server and the admin command line both open first, and close last.
 */
public final class Storage implements AutoCloseable {
    private final Database database;
    private final RedisConnection redis;

    private Storage(Database database, RedisConnection redis) {
        this.database = database;
        this.redis = redis;
    }

    /** Creates the data dir (owner only) if needed, opens and migrates the database with {@code poolSize} connections. */
    public static Storage open(StorageConfig config, int poolSize) {
        prepareDataDir(config.dataDir());
        DatabaseSettings settings = config.database(poolSize);
        if (settings.vendor() == Vendor.SQLITE) {
            SqliteNativeLibrary.keepIn(config.dataDir());
        }
        Database database = Database.open(settings);
        try {
            return new Storage(
                    database, config.redisUrl().map(RedisConnection::open).orElse(null));
        } catch (RuntimeException e) {
            database.close();
            throw e;
        }
    }

    /** Creates the data dir, readable by its owner only, unless it exists. */
    public static void prepareDataDir(Path dataDir) {
        try {
            if (!Files.isDirectory(dataDir)) {
                Files.createDirectories(
                        dataDir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the data directory " + dataDir, e);
        }
    }

    /** True when users other than its owner may enter or read the data dir (group or others have any right). */
    public static boolean openToOthers(Path dataDir) {
        try {
            return Files.getPosixFilePermissions(dataDir).stream()
                    .anyMatch(permission -> !permission.name().startsWith("OWNER_"));
        } catch (IOException | UnsupportedOperationException e) {
            return false;
        }
    }

    public Database database() {
        return database;
    }

    /** Shared by every node with {@code REDIS_URL}; empty: this node keeps limits, revocations and events itself. */
    public Optional<RedisConnection> redis() {
        return Optional.ofNullable(redis);
    }

    public List<HealthProbe> healthProbes() {
        var probes = new ArrayList<HealthProbe>(List.of(new DatabaseHealthProbe(database)));
        redis().ifPresent(connection -> probes.add(new RedisHealthProbe(connection)));
        return probes;
    }

    @Override
    public void close() {
        if (redis != null) {
            redis.close();
        }
        database.close();
    }
}
