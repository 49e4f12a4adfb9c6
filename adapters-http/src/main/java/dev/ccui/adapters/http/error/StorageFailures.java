package dev.ccui.adapters.http.error;

import java.io.IOException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.util.Locale;
import java.util.Optional;

/**
 * Failures of the storage underneath (the database server gone, the disk full) that reach the
 * edge as whatever exception the driver throws. They are the service being unavailable, not a bug:
 * a {@code 503} the client may retry, never a {@code 500} with a stack trace per request.
 */
final class StorageFailures {
    /** How the client is told to wait before retrying. */
    enum Kind {
        DATABASE_UNAVAILABLE("the database is unavailable; retry shortly"),
        STORAGE_FULL("the server's storage is full; the change was not saved");

        final String message;

        Kind(String message) {
            this.message = message;
        }
    }

    /** How deep a cause chain is followed (a cycle must not hang the error handler). */
    private static final int MAX_DEPTH = 16;
    /** SQLite's "database is locked". */
    private static final int SQLITE_BUSY = 5;

    private StorageFailures() {}

    static Optional<Kind> classify(Throwable failure) {
        Throwable cause = failure;
        for (int depth = 0; cause != null && depth < MAX_DEPTH; depth++, cause = cause.getCause()) {
            if (diskFull(cause)) {
                return Optional.of(Kind.STORAGE_FULL);
            }
            if (cause instanceof SQLTransientConnectionException
                    || cause instanceof SQLNonTransientConnectionException) {
                return Optional.of(Kind.DATABASE_UNAVAILABLE);
            }
            if (cause instanceof SQLException sql && connectionLost(sql.getSQLState())) {
                return Optional.of(Kind.DATABASE_UNAVAILABLE);
            }
            if (cause instanceof SQLException sql && sql.getErrorCode() == SQLITE_BUSY) {
                // A write that found no turn within the busy timeout: the file is busy, retry.
                return Optional.of(Kind.DATABASE_UNAVAILABLE);
            }
        }
        return Optional.empty();
    }

    /**
     * SQLSTATE class 08 is a connection exception; 57P01-57P03 are PostgreSQL shutting down or
     * starting up (admin shutdown, crash shutdown, cannot connect now).
     */
    private static boolean connectionLost(String state) {
        return state != null && (state.startsWith("08") || state.startsWith("57P0"));
    }

    /** SQLite's SQLITE_FULL (13) and the operating system's ENOSPC, as their messages say it. */
    private static boolean diskFull(Throwable cause) {
        if (cause instanceof SQLException sql && sql.getErrorCode() == 13) {
            return true;
        }
        if (cause instanceof SQLException || cause instanceof IOException) {
            String message = cause.getMessage();
            if (message != null) {
                String lower = message.toLowerCase(Locale.ROOT);
                return lower.contains("no space left on device") || lower.contains("database or disk is full");
            }
        }
        return false;
    }
}
