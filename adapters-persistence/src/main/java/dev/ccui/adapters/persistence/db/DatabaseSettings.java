package dev.ccui.adapters.persistence.db;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Where the database is. Built either from {@code DATABASE_URL} (PostgreSQL, in the
 * {@code postgresql://user:pass@host:port/db} form or as a JDBC URL) or from the SQLite file of
 * the embedded default. {@link #toString()} never shows the password.
 */
public record DatabaseSettings(
        Vendor vendor, String jdbcUrl, String user, String password, int poolSize, String schema) {
    public DatabaseSettings {
        Objects.requireNonNull(vendor, "vendor");
        Objects.requireNonNull(jdbcUrl, "jdbcUrl");
        if (poolSize < 1) {
            throw new IllegalArgumentException("poolSize must be at least 1");
        }
    }

    static final int SQLITE_POOL_SIZE = 8;

    public static DatabaseSettings sqlite(Path file) {
        // WAL lets readers run beside the one writer; IMMEDIATE transactions take the write lock
        // up front, so two transactions never deadlock upgrading a read lock; busy_timeout waits
        // for the lock instead of failing at once (only writers outside the app's queue, e.g. the
        // sqlite3 shell of an operator, ever wait there).
        String url = "jdbc:sqlite:" + file.toAbsolutePath()
                + "?journal_mode=WAL&synchronous=NORMAL&busy_timeout=10000&foreign_keys=true&transaction_mode=IMMEDIATE";
        // Eight connections: writers wait for their turn in the app's queue holding one (see
        // SqliteWriteQueue), and with four, 40 clients writing left readers waiting for a connection
        // (measured: 1,000-1,260 req/s, p99 460-490 ms; with eight 1,400-1,500 req/s, p99 300 ms;
        // sixteen was no better).
        return new DatabaseSettings(Vendor.SQLITE, url, null, null, SQLITE_POOL_SIZE, null);
    }

    /** Parses {@code DATABASE_URL}; throws {@link IllegalArgumentException} with a clear message. */
    public static DatabaseSettings fromUrl(String databaseUrl, int poolSize) {
        String text = databaseUrl.strip();
        if (text.startsWith("jdbc:postgresql:")) {
            return new DatabaseSettings(Vendor.POSTGRESQL, text, null, null, poolSize, null);
        }
        if (text.startsWith("jdbc:sqlite:")) {
            return new DatabaseSettings(Vendor.SQLITE, text, null, null, poolSize, null);
        }
        if (!text.startsWith("postgresql://") && !text.startsWith("postgres://")) {
            throw new IllegalArgumentException(
                    "DATABASE_URL must start with postgresql://, postgres:// or jdbc:postgresql://");
        }
        URI uri;
        try {
            uri = new URI(text);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("DATABASE_URL is not a valid URL");
        }
        if (uri.getHost() == null) {
            throw new IllegalArgumentException("DATABASE_URL has no host");
        }
        String user = null;
        String password = null;
        if (uri.getRawUserInfo() != null) {
            String[] parts = uri.getRawUserInfo().split(":", 2);
            user = decode(parts[0]);
            password = parts.length > 1 ? decode(parts[1]) : null;
        }
        int port = uri.getPort() == -1 ? 5432 : uri.getPort();
        String database = uri.getRawPath() == null || uri.getRawPath().length() <= 1
                ? "postgres"
                : uri.getRawPath().substring(1);
        String query = uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery();
        String jdbc = "jdbc:postgresql://" + uri.getHost() + ":" + port + "/" + database + query;
        return new DatabaseSettings(Vendor.POSTGRESQL, jdbc, user, password, poolSize, null);
    }

    public DatabaseSettings withSchema(String newSchema) {
        return new DatabaseSettings(vendor, jdbcUrl, user, password, poolSize, newSchema);
    }

    private static String decode(String part) {
        return URLDecoder.decode(part, StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        return "DatabaseSettings[" + vendor + " " + jdbcUrl.replaceAll("password=[^&]*", "password=***")
                + (user == null ? "" : " as " + user) + "]";
    }
}
