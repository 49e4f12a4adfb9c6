package dev.ccui.adapters.persistence.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * A checkpoint slower than the writer (a slow disk): the writer goes on while the checkpoint is
 * behind by fewer than {@link WalCheckpoints#MAX_COMMITS_WHILE_RUNNING} commits, then waits for
 * its end, so the log cannot keep growing while one checkpoint runs.
 */
class WalCheckpointsTest {
    @Test
    void theWriterWaitsForACheckpointThatFellBehind() throws Exception {
        SlowCheckpoint disk = new SlowCheckpoint();
        try (WalCheckpoints checkpoints = new WalCheckpoints(disk)) {
            checkpoints.request();
            assertThat(disk.entered.await(10, TimeUnit.SECONDS))
                    .as("the checkpoint began")
                    .isTrue();
            for (int commit = 0; commit < WalCheckpoints.MAX_COMMITS_WHILE_RUNNING; commit++) {
                checkpoints.beforeBulkWrite(); // returns at once: the checkpoint is not yet behind
                checkpoints.request();
            }

            Thread next = Thread.ofPlatform().start(checkpoints::beforeBulkWrite);
            // Its only timed wait is the one for the checkpoint; had it not waited it would end.
            assertThat(settled(next))
                    .as("the next bulk write while the checkpoint is behind")
                    .isEqualTo(Thread.State.TIMED_WAITING);
            assertThat(checkpoints.checkpoints()).isZero();

            disk.release.countDown();
            assertThat(next.join(Duration.ofSeconds(10))).as("it went on").isTrue();
            assertThat(checkpoints.checkpoints())
                    .as("it went on once the checkpoint ended")
                    .isGreaterThanOrEqualTo(1);
        }
    }

    private static Thread.State settled(Thread thread) {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        Thread.State state = thread.getState();
        while (state != Thread.State.TIMED_WAITING
                && state != Thread.State.TERMINATED
                && System.nanoTime() < deadline) {
            Thread.onSpinWait();
            state = thread.getState();
        }
        return state;
    }

    /** A data source whose connections come only once released, then fail (the checkpoint then reports -1 pages). */
    private static final class SlowCheckpoint implements DataSource {
        final CountDownLatch entered = new CountDownLatch(1);
        final CountDownLatch release = new CountDownLatch(1);

        @Override
        public Connection getConnection() throws SQLException {
            entered.countDown();
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            throw new SQLException("the disk is slow");
        }

        @Override
        public Connection getConnection(String user, String password) throws SQLException {
            return getConnection();
        }

        @Override
        public PrintWriter getLogWriter() {
            return null;
        }

        @Override
        public void setLogWriter(PrintWriter out) {}

        @Override
        public void setLoginTimeout(int seconds) {}

        @Override
        public int getLoginTimeout() {
            return 0;
        }

        @Override
        public Logger getParentLogger() {
            return Logger.getGlobal();
        }

        @Override
        public <T> T unwrap(Class<T> type) throws SQLException {
            throw new SQLException("not a wrapper");
        }

        @Override
        public boolean isWrapperFor(Class<?> type) {
            return false;
        }
    }
}
