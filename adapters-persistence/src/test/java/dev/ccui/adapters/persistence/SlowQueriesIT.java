package dev.ccui.adapters.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.ccui.adapters.persistence.db.Database;
import dev.ccui.adapters.persistence.db.SlowQueryLogger;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/** Slow statements on the real databases: one log line with the statement's name and duration, and a count. */
class SlowQueriesIT {
    private static final Duration THRESHOLD = Duration.ofMillis(150);
    /**
     * SQLite counts to a million in a recursive CTE in 100-160 ms on the machines seen here (fast ones
     * come in under 150 ms), so the SQLite tests use a threshold far below that rather than the server's.
     */
    private static final Duration SQLITE_THRESHOLD = Duration.ofMillis(20);

    private static final String SQLITE_SLOW =
            "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c WHERE x < 1000000) "
                    + "SELECT count(*) FROM c WHERE x > :floor";

    @TempDir
    Path dir;

    private final ListAppender<ILoggingEvent> logs = new ListAppender<>();
    private final List<String> slow = new CopyOnWriteArrayList<>();
    private final List<Duration> slowTook = new CopyOnWriteArrayList<>();
    private final AtomicInteger executed = new AtomicInteger();
    private final SlowQueryLogger.Listener listener = new SlowQueryLogger.Listener() {
        @Override
        public void executed(Duration took) {
            executed.incrementAndGet();
        }

        @Override
        public void slow(String statement, Duration took) {
            slow.add(statement);
            slowTook.add(took);
        }
    };

    @BeforeEach
    void capture() {
        logs.start();
        ((Logger) LoggerFactory.getLogger("dev.ccui.db.slow")).addAppender(logs);
    }

    @AfterEach
    void release() {
        ((Logger) LoggerFactory.getLogger("dev.ccui.db.slow")).detachAppender(logs);
    }

    private List<String> lines() {
        return logs.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
    }

    @Test
    void sqliteLogsTheSlowStatementOnceByNameAndCountsIt() {
        try (Database database = TestDatabases.sqlite(dir)) {
            database.reportSlowQueries(SQLITE_THRESHOLD, listener);

            long count = countAbove(database, 999_990);
            database.jdbi()
                    .withHandle(
                            h -> h.createQuery("SELECT 1").mapTo(Integer.class).one());

            assertThat(count).isEqualTo(10);
            assertThat(executed.get()).isEqualTo(2);
            assertThat(slow).containsExactly("SlowQueriesIT.countAbove");
            assertThat(slowTook.get(0)).isGreaterThanOrEqualTo(SQLITE_THRESHOLD);
            assertThat(lines())
                    .singleElement()
                    .satisfies(line -> assertThat(line)
                            .startsWith("slow query SlowQueriesIT.countAbove took ")
                            .contains("ms (threshold 20 ms)", "WHERE x > :floor")
                            .doesNotContain("999990")); // the statement's shape, never its bound values
        }
    }

    @Test
    void aStatementThatStaysSlowLogsOnceAMinuteButCountsEveryRun() {
        try (Database database = TestDatabases.sqlite(dir)) {
            database.reportSlowQueries(SQLITE_THRESHOLD, listener);

            countAbove(database, 1);
            countAbove(database, 2);
            countAbove(database, 3);

            assertThat(slow).hasSize(3);
            assertThat(lines()).hasSize(1);
        }
    }

    @Test
    void postgresqlReportsPgSleepByName() throws Exception {
        try (TestDatabases.FreshSchema fresh = TestDatabases.postgres()) {
            fresh.database().reportSlowQueries(THRESHOLD, listener);

            sleepOnServer(fresh.database());
            fresh.database()
                    .jdbi()
                    .withHandle(
                            h -> h.createQuery("SELECT 1").mapTo(Integer.class).one());

            assertThat(slow).containsExactly("SlowQueriesIT.sleepOnServer");
            assertThat(slowTook.get(0)).isGreaterThanOrEqualTo(Duration.ofMillis(300));
            assertThat(lines())
                    .singleElement()
                    .satisfies(line -> assertThat(line)
                            .startsWith("slow query SlowQueriesIT.sleepOnServer took ")
                            .contains("SELECT pg_sleep(:seconds)"));
        }
    }

    private static long countAbove(Database database, long floor) {
        return database.jdbi()
                .withHandle(h -> h.createQuery(SQLITE_SLOW)
                        .bind("floor", floor)
                        .mapTo(Long.class)
                        .one());
    }

    private static void sleepOnServer(Database database) {
        database.jdbi()
                .useHandle(h -> h.createQuery("SELECT pg_sleep(:seconds)")
                        .bind("seconds", 0.3)
                        .mapTo(String.class)
                        .one());
    }
}
