package dev.ccui.adapters.persistence.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ccui.adapters.persistence.TestDatabases;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * On the real SQLite file: while one transaction writes, other writers wait in the app's queue
 * (not in SQLite's busy handler, where the next turn goes to whoever retries first), get their
 * turns in the order they came, and readers are never held up by them.
 */
class SqliteWriteQueueIT {
    @TempDir
    Path folder;

    @Test
    void aWriterWaitsItsTurnWhileReadsGoOn() throws Exception {
        try (Database database = TestDatabases.sqlite(folder)) {
            var jdbi = database.jdbi();
            jdbi.useHandle(h -> h.execute("CREATE TABLE queued (x INTEGER)"));
            CountDownLatch holding = new CountDownLatch(1);
            CountDownLatch release = new CountDownLatch(1);
            Thread first = holdingTheTurn(jdbi, 1, holding, release);
            assertThat(holding.await(10, TimeUnit.SECONDS)).isTrue();
            Thread second =
                    Thread.ofVirtual().start(() -> jdbi.useHandle(h -> h.execute("INSERT INTO queued VALUES (2)")));

            assertThat(eventually(() -> database.writersWaiting() == 1))
                    .as("the second writer waits in the queue")
                    .isTrue();
            assertThat(count(jdbi))
                    .as("a read while both write: only what is committed, at once")
                    .isZero();

            release.countDown();
            first.join(Duration.ofSeconds(10));
            second.join(Duration.ofSeconds(10));
            assertThat(values(jdbi)).containsExactly(1, 2);
            assertThat(database.writersWaiting()).isZero();
        }
    }

    @Test
    void writersGetTheirTurnsInTheOrderTheyCame() throws Exception {
        try (Database database = TestDatabases.sqlite(folder)) {
            var jdbi = database.jdbi();
            jdbi.useHandle(h -> h.execute("CREATE TABLE queued (x INTEGER)"));
            CountDownLatch holding = new CountDownLatch(1);
            CountDownLatch release = new CountDownLatch(1);
            Thread first = holdingTheTurn(jdbi, 0, holding, release);
            assertThat(holding.await(10, TimeUnit.SECONDS)).isTrue();
            List<Thread> writers = new ArrayList<>();
            // Each waiting writer holds one of the pool's connections meanwhile: the holder and three fit.
            for (int i = 1; i <= 3; i++) {
                int value = i;
                writers.add(Thread.ofVirtual()
                        .start(() -> jdbi.useTransaction(h -> h.execute("INSERT INTO queued VALUES (?)", value))));
                assertThat(eventually(() -> database.writersWaiting() == value))
                        .as("writer %d queued", value)
                        .isTrue();
            }

            release.countDown();
            first.join(Duration.ofSeconds(10));
            for (Thread writer : writers) {
                writer.join(Duration.ofSeconds(10));
            }
            assertThat(values(jdbi)).containsExactly(0, 1, 2, 3);
        }
    }

    @Test
    void aWriterThatGetsNoTurnInTimeFailsAsSqliteWouldInsteadOfHanging() throws Exception {
        Jdbi jdbi = Jdbi.create("jdbc:sqlite:" + folder.resolve("short.db"));
        new SqliteWriteQueue(Duration.ofMillis(300)).install(jdbi);
        jdbi.useHandle(h -> h.execute("CREATE TABLE queued (x INTEGER)"));
        CountDownLatch holding = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Thread first = holdingTheTurn(jdbi, 1, holding, release);
        assertThat(holding.await(10, TimeUnit.SECONDS)).isTrue();

        assertThatThrownBy(() -> jdbi.useHandle(h -> h.execute("INSERT INTO queued VALUES (2)")))
                .rootCause()
                .hasMessageContaining("database is locked");
        assertThatThrownBy(() -> jdbi.useTransaction(h -> h.execute("INSERT INTO queued VALUES (3)")))
                .rootCause()
                .hasMessageContaining("database is locked");

        release.countDown();
        first.join(Duration.ofSeconds(10));
        jdbi.useHandle(h -> h.execute("INSERT INTO queued VALUES (4)"));
        assertThat(values(jdbi)).containsExactly(1, 4);
    }

    /** A transaction that writes {@code value} and stays open until {@code release}. */
    private static Thread holdingTheTurn(Jdbi jdbi, int value, CountDownLatch holding, CountDownLatch release) {
        return Thread.ofVirtual().start(() -> {
            try {
                jdbi.useTransaction(h -> {
                    h.execute("INSERT INTO queued VALUES (?)", value);
                    holding.countDown();
                    release.await();
                });
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
    }

    private static int count(Jdbi jdbi) {
        return jdbi.withHandle(h -> h.createQuery("SELECT count(*) FROM queued")
                .mapTo(Integer.class)
                .one());
    }

    /** What the writers stored, in the order they stored it. */
    private static List<Integer> values(Jdbi jdbi) {
        return jdbi.withHandle(h -> h.createQuery("SELECT x FROM queued ORDER BY rowid")
                .mapTo(Integer.class)
                .list());
    }

    private static boolean eventually(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            Thread.sleep(5);
        }
        return true;
    }
}
