package dev.ccui.adapters.persistence.history;

import dev.ccui.adapters.persistence.db.Database;
import dev.ccui.adapters.persistence.db.Vendor;
import dev.ccui.application.history.port.out.IndexLock;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import org.jdbi.v3.core.Jdbi;

/**
 * The index lock of nodes sharing a PostgreSQL database: a session-level advisory lock keyed on
 * the folder, held on one pooled connection for the length of a pass. PostgreSQL releases it if
 * the node dies with the connection, so a crashed indexer never blocks the others. On SQLite (one
 * node per database file) there is nothing to lock.
 */
public final class PostgresIndexLock implements IndexLock {
    private final Jdbi jdbi;

    private PostgresIndexLock(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    public static IndexLock of(Database database) {
        return database.vendor() == Vendor.POSTGRESQL ? new PostgresIndexLock(database.jdbi()) : IndexLock.NONE;
    }

    /** A stable 64-bit key per folder (the same on every node and version). */
    static long key(String folder) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(("ccui-index:" + folder).getBytes(StandardCharsets.UTF_8));
            return ByteBuffer.wrap(digest).getLong();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    @Override
    public void during(String folder, Pass pass) throws InterruptedException {
        long key = key(folder);
        InterruptedException[] interrupted = new InterruptedException[1];
        jdbi.useHandle(h -> {
            h.createQuery("SELECT pg_advisory_lock(:key)")
                    .bind("key", key)
                    .mapToMap()
                    .one();
            try {
                pass.run();
            } catch (InterruptedException e) {
                interrupted[0] = e;
            } finally {
                h.createQuery("SELECT pg_advisory_unlock(:key)")
                        .bind("key", key)
                        .mapToMap()
                        .one();
            }
        });
        if (interrupted[0] != null) {
            throw interrupted[0];
        }
    }
}
