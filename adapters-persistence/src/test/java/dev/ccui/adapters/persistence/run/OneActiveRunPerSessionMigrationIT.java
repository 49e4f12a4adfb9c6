package dev.ccui.adapters.persistence.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ccui.adapters.persistence.TestDatabases;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Migration V17 on a database that already holds two active runs of one session (two nodes could
 * each start one before it): the older is ended as lost, every other run is left as it was, and
 * from then on the database refuses a second active run of a session.
 */
class OneActiveRunPerSessionMigrationIT {
    @TempDir
    Path folder;

    @Test
    void onSqlite() throws Exception {
        check("jdbc:sqlite:" + folder.resolve("ccui.db"), null, "sqlite");
    }

    @Test
    void onPostgres() throws Exception {
        String schema = "ccui_it_"
                + UUID.randomUUID().toString().replace("-", "").substring(0, 12).toLowerCase(Locale.ROOT);
        try {
            check(TestDatabases.POSTGRES_URL, schema, "postgresql");
        } finally {
            try (Connection connection = DriverManager.getConnection(TestDatabases.POSTGRES_URL)) {
                connection.createStatement().execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
            }
        }
    }

    private static void check(String url, String schema, String vendorFolder) throws SQLException {
        flyway(url, schema, vendorFolder).target("16").load().migrate();
        try (Connection connection = open(url, schema)) {
            insert(connection, "done", "s1", "COMPLETED", 1);
            insert(connection, "older", "s1", "RUNNING", 2);
            insert(connection, "newer", "s1", "AWAITING_PERMISSION", 3);
            insert(connection, "alone", "s2", "RUNNING", 2);
        }

        flyway(url, schema, vendorFolder).load().migrate();

        try (Connection connection = open(url, schema)) {
            Map<String, String> states = new LinkedHashMap<>();
            var rows = connection.createStatement().executeQuery("SELECT id, state FROM runs ORDER BY id");
            while (rows.next()) {
                states.put(rows.getString(1), rows.getString(2));
            }
            assertThat(states)
                    .containsExactlyInAnyOrderEntriesOf(Map.of(
                            "done", "COMPLETED",
                            "older", "LOST",
                            "newer", "AWAITING_PERMISSION",
                            "alone", "RUNNING"));
            assertThatThrownBy(() -> insert(connection, "third", "s1", "STARTING", 4))
                    .isInstanceOf(SQLException.class);
            insert(connection, "ended", "s1", "FAILED", 5);
        }
    }

    private static FluentConfiguration flyway(String url, String schema, String vendorFolder) {
        FluentConfiguration flyway = Flyway.configure()
                .dataSource(url, null, null)
                .locations("classpath:db/migration/common", "classpath:db/migration/" + vendorFolder);
        return schema == null
                ? flyway
                : flyway.schemas(schema).defaultSchema(schema).createSchemas(true);
    }

    private static Connection open(String url, String schema) throws SQLException {
        Connection connection = DriverManager.getConnection(url);
        if (schema != null) {
            connection.createStatement().execute("SET search_path TO " + schema);
        }
        return connection;
    }

    private static void insert(Connection connection, String id, String session, String state, long startedAt)
            throws SQLException {
        try (var insert = connection.prepareStatement(
                "INSERT INTO runs (id, session_id, project_id, state, started_at) VALUES (?, ?, 'p', ?, ?)")) {
            insert.setString(1, id);
            insert.setString(2, session);
            insert.setString(3, state);
            insert.setLong(4, startedAt);
            insert.executeUpdate();
        }
    }
}
