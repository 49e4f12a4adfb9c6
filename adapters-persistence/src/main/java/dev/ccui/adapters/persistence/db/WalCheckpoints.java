package dev.ccui.adapters.persistence.db;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * SQLite checkpoints its write-ahead log (reads back the pages a commit appended, writes them into
 * the database file, syncs it) inside the commit that finds the log past 1,000 pages, on the
 * committing thread. For the index's one writer thread that was a fifth of its time. Bulk
 * transactions ({@link Database#bulkTransaction}) leave it to this thread instead, which
 * checkpoints right after their commit while the writer gathers its next batch.
 *
 * <p>A passive checkpoint never blocks a writer, but the log only starts over from its beginning
 * when a write begins after a checkpoint copied all of it; a writer that never waits keeps it
 * growing (it reached 1.4 GB over the 2.27 GB corpus). So a bulk transaction waits for the
 * checkpoint under way once the log holds more than {@link #WAIT_ABOVE_FRAMES} pages. The size
 * known is the one the last checkpoint found, though, and on a slow disk many transactions commit
 * while one checkpoint runs (CI saw the log reach 140 MB in a test bounded at 116 MB): so a bulk
 * transaction also waits for the checkpoint under way once {@link #MAX_COMMITS_WHILE_RUNNING}
 * have committed since it began. The log then stays within the threshold and four transactions.
 */
final class WalCheckpoints implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(WalCheckpoints.class);
    /** About 64 MB of 4 KiB pages: above this the next bulk transaction lets the checkpoint end first. */
    static final int WAIT_ABOVE_FRAMES = 16_384;
    /** Bulk commits that may follow the start of one checkpoint before the next waits for its end (an index batch is two). */
    static final int MAX_COMMITS_WHILE_RUNNING = 2;
    /** A checkpoint stuck this long (a disk that stopped) no longer holds a bulk transaction back. */
    private static final Duration MAX_WAIT = Duration.ofSeconds(10);

    private final DataSource dataSource;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private final Thread thread;
    private boolean requested;
    private boolean running;
    private boolean closed;
    /** Bulk commits since the checkpoint under way began. */
    private int commitsWhileRunning;
    /** Pages in the log as the last checkpoint found it. */
    private long logFrames;

    private long checkpoints;

    WalCheckpoints(DataSource dataSource) {
        this.dataSource = dataSource;
        this.thread = Thread.ofPlatform().name("ccui-db-checkpoint").daemon().start(this::run);
    }

    /** After a bulk commit: asks for a checkpoint soon (one for any number of asks while it waits). */
    void request() {
        change(() -> {
            requested = true;
            if (running) {
                commitsWhileRunning++;
            }
        });
    }

    /**
     * Before a bulk transaction: when the log is long, waits until no checkpoint is asked for or
     * under way; when the checkpoint under way is behind by {@link #MAX_COMMITS_WHILE_RUNNING}
     * commits, waits for its end.
     */
    void beforeBulkWrite() {
        lock.lock();
        try {
            long deadline = System.nanoTime() + MAX_WAIT.toNanos();
            while (!closed
                    && ((logFrames > WAIT_ABOVE_FRAMES && (requested || running))
                            || (running && commitsWhileRunning >= MAX_COMMITS_WHILE_RUNNING))) {
                long left = deadline - System.nanoTime();
                if (left <= 0 || !awaitNanos(left)) {
                    return;
                }
            }
        } finally {
            lock.unlock();
        }
    }

    /** Checkpoints done so far (tests). */
    long checkpoints() {
        lock.lock();
        try {
            return checkpoints;
        } finally {
            lock.unlock();
        }
    }

    private boolean awaitNanos(long nanos) {
        try {
            changed.awaitNanos(nanos);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private void run() {
        while (true) {
            lock.lock();
            try {
                while (!requested && !closed) {
                    changed.awaitUninterruptibly();
                }
                if (closed) {
                    return;
                }
                requested = false;
                running = true;
                commitsWhileRunning = 0;
            } finally {
                lock.unlock();
            }
            long frames = checkpoint();
            change(() -> {
                running = false;
                checkpoints++;
                if (frames >= 0) {
                    logFrames = frames;
                }
            });
        }
    }

    /** Changes the state under the lock and wakes whoever waits on it. */
    private void change(Runnable change) {
        lock.lock();
        try {
            change.run();
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** One passive checkpoint; the pages the log held, or -1 when it could not run. */
    private long checkpoint() {
        try (Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery("PRAGMA wal_checkpoint(PASSIVE)")) {
            return result.next() ? result.getLong(2) : -1;
        } catch (SQLException e) {
            // The next commit past 1,000 pages checkpoints on its own thread, as SQLite always did.
            LOG.debug("checkpoint of the write-ahead log failed: {}", e.toString());
            return -1;
        }
    }

    @Override
    public void close() {
        change(() -> closed = true);
        try {
            thread.join(TimeUnit.SECONDS.toMillis(5));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
