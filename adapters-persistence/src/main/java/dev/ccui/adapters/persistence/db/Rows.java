package dev.ccui.adapters.persistence.db;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;

/**
 * Column conventions shared by both databases: instants as epoch milliseconds (BIGINT) and
 * flags as 0/1 integers, so one SQL text serves SQLite and PostgreSQL.
 */
public final class Rows {
    private Rows() {}

    public static Long millis(Instant instant) {
        return instant == null ? null : instant.toEpochMilli();
    }

    public static Instant instant(ResultSet rs, String column) throws SQLException {
        long value = rs.getLong(column);
        return rs.wasNull() ? null : Instant.ofEpochMilli(value);
    }

    public static int flag(boolean value) {
        return value ? 1 : 0;
    }

    public static boolean flag(ResultSet rs, String column) throws SQLException {
        return rs.getInt(column) != 0;
    }
}
