package dev.ccui.adapters.persistence.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import org.jdbi.v3.core.statement.PreparedBatch;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bulk transactions on the real SQLite file: their rows are committed, their checkpoints run on
 * the database's own thread, every pooled connection checkpoints as SQLite does by default again
 * afterwards, and many bulk transactions in a row do not grow the write-ahead log without bound.
 */
class WalCheckpointsIT {
    private static final int ROW_BYTES = 4_000;

    @TempDir
    Path folder;

    @Test
    void aBulkTransactionIsCommittedAndCheckpointedBesideIt() throws Exception {
        Path file = folder.resolve("ccui.db");
        // One connection: the one the bulk transaction used is the one asked afterwards.
        DatabaseSettings settings = DatabaseSettings.sqlite(file);
        try (Database database =
                Database.open(new DatabaseSettings(Vendor.SQLITE, settings.jdbcUrl(), null, null, 1, null))) {
            createTable(database);
            long before = database.bulkCheckpoints();

            database.bulkTransaction(h -> insert(h.prepareBatch(INSERT), 0, 2_000));

            assertThat(eventually(Duration.ofSeconds(10), () -> database.bulkCheckpoints() > before))
                    .as("a checkpoint on the database's thread")
                    .isTrue();
            long rows = database.jdbi()
                    .withHandle(h -> h.createQuery("SELECT COUNT(*) FROM blobs")
                            .mapTo(Long.class)
                            .one());
            assertThat(rows).isEqualTo(2_000L);
            int autoCheckpoint = database.jdbi()
                    .withHandle(h -> h.createQuery("PRAGMA wal_autocheckpoint")
                            .mapTo(Integer.class)
                            .one());
            assertThat(autoCheckpoint)
                    .as("the pooled connection checkpoints by itself again")
                    .isEqualTo(1_000);
        }
    }

    @Test
    void theLogStartsOverInsteadOfGrowing() throws Exception {
        Path file = folder.resolve("ccui.db");
        Path wal = folder.resolve("ccui.db-wal");
        long largest = 0;
        try (Database database = Database.open(DatabaseSettings.sqlite(file))) {
            createTable(database);
            // 40 transactions of ~8 MB each, one right after the other: 320 MB through the log.
            for (int t = 0; t < 40; t++) {
                int from = t * 2_000;
                database.bulkTransaction(h -> insert(h.prepareBatch(INSERT), from, 2_000));
                largest = Math.max(largest, Files.size(wal));
            }
        }
        long pageBytes = 4_096;
        assertThat(largest)
                .as("the write-ahead log's largest size")
                .isLessThan((WalCheckpoints.WAIT_ABOVE_FRAMES + 3 * 2_000 * 2L) * pageBytes);
    }

    private static boolean eventually(Duration within, BooleanSupplier condition) {
        long deadline = System.nanoTime() + within.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            LockSupport.parkNanos(Duration.ofMillis(10).toNanos());
        }
        return true;
    }

    private static final String INSERT = "INSERT INTO blobs (id, data) VALUES (:id, :data)";

    private static void createTable(Database database) {
        database.jdbi().useHandle(h -> h.execute("CREATE TABLE blobs (id INTEGER PRIMARY KEY, data BLOB NOT NULL)"));
    }

    private static void insert(PreparedBatch batch, int from, int rows) {
        byte[] data = new byte[ROW_BYTES];
        for (int i = from; i < from + rows; i++) {
            Arrays.fill(data, (byte) i);
            batch.bind("id", i).bind("data", data.clone()).add();
        }
        batch.execute();
    }
}
