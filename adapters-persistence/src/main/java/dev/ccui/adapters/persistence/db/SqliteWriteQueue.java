package dev.ccui.adapters.persistence.db;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.regex.Pattern;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.HandleCallback;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.StatementContext;
import org.jdbi.v3.core.statement.StatementCustomizer;
import org.jdbi.v3.core.transaction.TransactionException;
import org.jdbi.v3.core.transaction.TransactionHandler;
import org.jdbi.v3.core.transaction.TransactionIsolationLevel;

/**
 * SQLite lets one connection write at a time. Left to itself, a connection that finds the file
 * locked waits in SQLite's busy handler: it sleeps in native code (1, 2, 5 … 100 ms, again and
 * again) and whoever asks at the moment the lock comes free wins. Under many writers that is
 * unfair, and a virtual thread sleeping in native code keeps its carrier: with 40 clients
 * creating and revoking API keys, p99 was 5.7 s and some requests waited past 2 s while the
 * median was 13 ms ({@code ops/load/api-load.sh}, docs/reliability.md). Here writers queue in
 * Java instead, first come first served, parked without holding a carrier: a transaction (every
 * one is {@code BEGIN IMMEDIATE}, a writer) takes the queue's turn for its whole length, a write
 * outside a transaction for its one statement. Reads never queue (WAL lets them run beside the
 * writer). Nested and reentrant use by the same thread passes straight through. A writer waits at
 * most as long as SQLite's busy timeout would have let it, then fails the same way ("database is
 * locked"), so a stuck writer still ends in an error instead of a hang.
 */
final class SqliteWriteQueue {
    private static final Pattern WRITE_WORD =
            Pattern.compile("\\b(INSERT|UPDATE|DELETE|REPLACE)\\b", Pattern.CASE_INSENSITIVE);

    /** As long as the connection's {@code busy_timeout}: what a writer waited before, at most. */
    static final Duration MAX_WAIT = Duration.ofSeconds(10);
    /** SQLite's result code for a locked file. */
    private static final int SQLITE_BUSY = 5;

    private final ReentrantLock turn = new ReentrantLock(true);
    private final Duration maxWait;

    SqliteWriteQueue() {
        this(MAX_WAIT);
    }

    SqliteWriteQueue(Duration maxWait) {
        this.maxWait = maxWait;
    }

    /** Every transaction and every write statement of {@code jdbi} waits its turn from now on. */
    void install(Jdbi jdbi) {
        jdbi.setTransactionHandler(new QueuedTransactions(jdbi.getTransactionHandler(), this));
        jdbi.addCustomizer(new QueuedWrites(this));
    }

    /** Writers waiting for their turn now (metrics, tests). */
    int waiting() {
        return turn.getQueueLength();
    }

    /** Statements that change the file; anything else (SELECT, a WITH that only reads) never waits. */
    static boolean writes(String sql) {
        int start = 0;
        int length = sql.length();
        while (start < length) {
            char c = sql.charAt(start);
            if (Character.isWhitespace(c) || c == '(') {
                start++;
            } else if (sql.startsWith("--", start)) {
                int end = sql.indexOf('\n', start);
                start = end < 0 ? length : end + 1;
            } else if (sql.startsWith("/*", start)) {
                int end = sql.indexOf("*/", start + 2);
                start = end < 0 ? length : end + 2;
            } else {
                break;
            }
        }
        int end = start;
        while (end < length && Character.isLetter(sql.charAt(end))) {
            end++;
        }
        String verb = sql.substring(start, end).toUpperCase(Locale.ROOT);
        return switch (verb) {
            case "SELECT", "VALUES", "EXPLAIN", "" -> false;
            case "WITH" -> WRITE_WORD.matcher(sql).find();
            default -> true;
        };
    }

    private void take() throws SQLException {
        try {
            if (turn.tryLock(maxWait.toMillis(), TimeUnit.MILLISECONDS)) {
                return;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        throw new SQLException(
                "database is locked: no turn to write within " + maxWait.toMillis() + " ms", "HY000", SQLITE_BUSY);
    }

    private void takeForTransaction() {
        try {
            take();
        } catch (SQLException e) {
            throw new TransactionException(e.getMessage(), e);
        }
    }

    private void giveBack() {
        turn.unlock();
    }

    /** A write run outside any transaction takes the turn for its statement and gives it back when it closes. */
    private record QueuedWrites(SqliteWriteQueue queue) implements StatementCustomizer {
        @Override
        public void beforeExecution(PreparedStatement statement, StatementContext context) throws SQLException {
            if (!context.getConnection().getAutoCommit()) {
                return; // inside a transaction, which has the turn already
            }
            String sql =
                    context.getRenderedSql() == null ? String.valueOf(context.getRawSql()) : context.getRenderedSql();
            if (!writes(sql)) {
                return;
            }
            queue.take();
            context.addCleanable(queue::giveBack);
        }
    }

    /** A transaction takes the turn before {@code BEGIN} and gives it back after its commit or rollback. */
    private static final class QueuedTransactions implements TransactionHandler {
        private final TransactionHandler delegate;
        private final SqliteWriteQueue queue;

        QueuedTransactions(TransactionHandler delegate, SqliteWriteQueue queue) {
            this.delegate = delegate;
            this.queue = queue;
        }

        @Override
        public TransactionHandler specialize(Handle handle) throws SQLException {
            TransactionHandler specialized = delegate.specialize(handle);
            return specialized == delegate ? this : new QueuedTransactions(specialized, queue);
        }

        @Override
        public <R, X extends Exception> R inTransaction(Handle handle, HandleCallback<R, X> callback) throws X {
            queue.takeForTransaction();
            try {
                return delegate.inTransaction(handle, callback);
            } finally {
                queue.giveBack();
            }
        }

        @Override
        public <R, X extends Exception> R inTransaction(
                Handle handle, TransactionIsolationLevel level, HandleCallback<R, X> callback) throws X {
            queue.takeForTransaction();
            try {
                return delegate.inTransaction(handle, level, callback);
            } finally {
                queue.giveBack();
            }
        }

        @Override
        public void begin(Handle handle) {
            delegate.begin(handle);
        }

        @Override
        public void commit(Handle handle) {
            delegate.commit(handle);
        }

        @Override
        public void rollback(Handle handle) {
            delegate.rollback(handle);
        }

        @Override
        public boolean isInTransaction(Handle handle) {
            return delegate.isInTransaction(handle);
        }

        @Override
        public void savepoint(Handle handle, String name) {
            delegate.savepoint(handle, name);
        }

        @Override
        public void rollbackToSavepoint(Handle handle, String name) {
            delegate.rollbackToSavepoint(handle, name);
        }

        @Override
        public void releaseSavepoint(Handle handle, String name) {
            delegate.releaseSavepoint(handle, name);
        }
    }
}
