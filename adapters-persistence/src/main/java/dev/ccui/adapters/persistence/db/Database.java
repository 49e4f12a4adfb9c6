package dev.ccui.adapters.persistence.db;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.flywaydb.core.Flyway;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The pool, the migrated schema and the Jdbi handle over it. Opening migrates the schema to the
 * newest version before anything else touches it.
 */
public final class Database implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Database.class);
    /**
     * Classes whose first use is slow and would otherwise be on the way to serving, in the order
     * the start needs them: the pool's stand-in for a closed connection (a dynamic proxy class,
     * which the start-up cache cannot hold, made when the first connection is closed: 34 ms of the
     * start) and Jdbi's Flight Recorder support (its first statement starts JFR's machinery, 50 ms).
     */
    private static final List<String> SLOW_FIRST_CLASSES = List.of(
            "com.zaxxer.hikari.pool.ProxyConnection$ClosedConnection",
            "org.jdbi.v3.core.statement.internal.JfrSupport");

    private static final AtomicBoolean SLOW_CLASSES_LOADING = new AtomicBoolean();
    /** SQLite's own default: a commit that finds the log this long checkpoints it. */
    private static final int SQLITE_AUTOCHECKPOINT_PAGES = 1_000;

    private final HikariDataSource dataSource;
    private final Jdbi jdbi;
    private final Vendor vendor;
    /** SQLite's writers wait here for their turn (see {@link SqliteWriteQueue}); null on PostgreSQL. */
    private final SqliteWriteQueue writeQueue;
    /** SQLite: bulk transactions' checkpoints, on a thread of their own; null on PostgreSQL. */
    private final WalCheckpoints checkpoints;

    private Database(HikariDataSource dataSource, Vendor vendor) {
        this.dataSource = dataSource;
        this.vendor = vendor;
        this.jdbi = Jdbi.create(dataSource);
        this.writeQueue = vendor == Vendor.SQLITE ? new SqliteWriteQueue() : null;
        if (writeQueue != null) {
            writeQueue.install(jdbi);
        }
        this.checkpoints = vendor == Vendor.SQLITE ? new WalCheckpoints(dataSource) : null;
    }

    public static Database open(DatabaseSettings settings) {
        loadSlowFirstClasses();
        // The template is this build's migrations applied (SqliteSchemaTemplateIT holds it to that):
        // a database just made from it needs no check of its schema.
        boolean fromTemplate = SqliteSchemaTemplate.placeIfNew(settings);
        if (fromTemplate) {
            LOG.info("new database made from this build's schema template");
        }
        // Configured in place: a pool made from a separate HikariConfig copies every field of it
        // by reflection, 44 ms of a warm start's main thread. The pool then starts on the first
        // connection asked for, still within this method (schema check or migration) unless the
        // database was just made from the template.
        HikariDataSource dataSource = new HikariDataSource();
        dataSource.setJdbcUrl(settings.jdbcUrl());
        if (settings.user() != null) {
            dataSource.setUsername(settings.user());
        }
        if (settings.password() != null) {
            dataSource.setPassword(settings.password());
        }
        if (settings.schema() != null) {
            dataSource.setSchema(settings.schema());
        }
        dataSource.setMaximumPoolSize(settings.poolSize());
        dataSource.setPoolName("ccui-db");
        // A PostgreSQL server that is away must not hold each request for long: the pool gives up
        // soon and the request is answered 503 (retry). A SQLite file does not go away; a long wait
        // there is only its single writer being busy.
        dataSource.setConnectionTimeout(settings.vendor() == Vendor.POSTGRESQL ? 2_000 : 10_000);
        // Fail fast at startup with the driver's own message when the database is unreachable.
        dataSource.setInitializationFailTimeout(10_000);
        try {
            if (!fromTemplate) {
                startPool(dataSource);
                migrate(dataSource, settings);
            }
        } catch (RuntimeException e) {
            dataSource.close();
            throw e;
        }
        LOG.info("database ready: {}", settings);
        return new Database(dataSource, settings.vendor());
    }

    /**
     * Starts the pool with its first connection, so an unreachable database fails here, once, with
     * the driver's own message (the schema check swallows a failed connection and Flyway would
     * then try again for as long).
     */
    private static void startPool(HikariDataSource dataSource) {
        try {
            dataSource.getConnection().close();
        } catch (SQLException e) {
            throw new IllegalStateException("the database cannot be reached: " + e.getMessage(), e);
        }
    }

    /**
     * Initialises {@link #SLOW_FIRST_CLASSES} on a thread of its own while the pool opens, so the
     * start and the first query do not wait for them.
     */
    private static void loadSlowFirstClasses() {
        if (!SLOW_CLASSES_LOADING.compareAndSet(false, true)) {
            return; // once per JVM: a class initialises once
        }
        Thread.ofPlatform().name("ccui-db-warm-up").daemon().start(() -> {
            for (String name : SLOW_FIRST_CLASSES) {
                try {
                    Class.forName(name, true, Database.class.getClassLoader());
                } catch (ClassNotFoundException | LinkageError e) {
                    LOG.debug("{} not found ahead: {}", name, e.toString());
                }
            }
        });
    }

    /** Flyway's locations of the scripts for {@code vendor}: those of both, then its own. */
    static String[] migrationLocations(Vendor vendor) {
        return migrationFolders(vendor).stream().map(f -> "classpath:" + f).toArray(String[]::new);
    }

    private static List<String> migrationFolders(Vendor vendor) {
        return List.of("db/migration/common", "db/migration/" + vendor.migrationFolder());
    }

    private static void migrate(HikariDataSource dataSource, DatabaseSettings settings) {
        if (SchemaUpToDate.check(dataSource, migrationFolders(settings.vendor()), settings.schema())) {
            LOG.debug("the schema holds every migration of this build: Flyway not needed");
            return;
        }
        var flyway = Flyway.configure()
                .dataSource(dataSource)
                .locations(migrationLocations(settings.vendor()))
                .failOnMissingLocations(true);
        if (settings.schema() != null) {
            flyway.schemas(settings.schema()).defaultSchema(settings.schema()).createSchemas(true);
        }
        var result = flyway.load().migrate();
        if (result.migrationsExecuted > 0) {
            LOG.info(
                    "applied {} database migration(s), now at version {}",
                    result.migrationsExecuted,
                    result.targetSchemaVersion);
        }
    }

    public Jdbi jdbi() {
        return jdbi;
    }

    /**
     * Runs a bulk write (the index's batches, the archive's copies: megabytes a transaction) in one
     * transaction. On SQLite its commit leaves the checkpoint of the write-ahead log to a thread of
     * its own (see {@link WalCheckpoints}), so the one thread writing the index does not also copy
     * every page it wrote a second time. Other writes checkpoint as SQLite always does.
     */
    public void bulkTransaction(Consumer<Handle> write) {
        if (checkpoints == null) {
            jdbi.useTransaction(write::accept);
            return;
        }
        checkpoints.beforeBulkWrite();
        jdbi.useHandle(h -> {
            h.execute("PRAGMA wal_autocheckpoint = 0");
            try {
                h.useTransaction(write::accept);
            } finally {
                h.execute("PRAGMA wal_autocheckpoint = " + SQLITE_AUTOCHECKPOINT_PAGES);
            }
        });
        checkpoints.request();
    }

    /** Checkpoints run for bulk transactions so far; always 0 on PostgreSQL (tests). */
    long bulkCheckpoints() {
        return checkpoints == null ? 0 : checkpoints.checkpoints();
    }

    /**
     * Times every statement from now on; those taking {@code threshold} or longer are logged (see
     * {@link SlowQueryLogger}) and reported to {@code listener}.
     */
    public void reportSlowQueries(Duration threshold, SlowQueryLogger.Listener listener) {
        jdbi.setSqlLogger(new SlowQueryLogger(threshold, listener));
    }

    /**
     * Publishes the pool's own figures ({@code hikaricp_connections_pending}, timeouts, usage) to
     * a Micrometer {@code MeterRegistry} (typed Object: HikariCP detects Micrometer itself, so this
     * module needs no metrics dependency). Once per pool.
     */
    public void publishPoolMetrics(Object meterRegistry) {
        dataSource.setMetricRegistry(meterRegistry);
    }

    public Vendor vendor() {
        return vendor;
    }

    public HikariDataSource dataSource() {
        return dataSource;
    }

    /** Connections in use and idle, for health and metrics (zero before the pool has started). */
    public PoolStats poolStats() {
        var pool = dataSource.getHikariPoolMXBean();
        return pool == null
                ? new PoolStats(0, 0)
                : new PoolStats(pool.getActiveConnections(), pool.getIdleConnections());
    }

    public record PoolStats(int active, int idle) {}

    /** SQLite writers waiting for their turn now; always 0 on PostgreSQL, which has no such queue. */
    public int writersWaiting() {
        return writeQueue == null ? 0 : writeQueue.waiting();
    }

    @Override
    public void close() {
        if (checkpoints != null) {
            checkpoints.close();
        }
        dataSource.close();
    }
}
