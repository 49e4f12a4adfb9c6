package dev.ccui.adapters.persistence.history;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ccui.adapters.persistence.TestDatabases;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Migration V18 on PostgreSQL: the search chunks' tsvectors move from the TOAST table into their
 * rows, for the chunks already stored as for new ones, and search finds the same chunks as before.
 * A chunk of ~1,900 characters of varied words makes a row over the 2 KB at which PostgreSQL
 * toasted it by default.
 */
class SearchVectorsInlineMigrationIT {
    private final String schema = "ccui_it_"
            + UUID.randomUUID().toString().replace("-", "").substring(0, 12).toLowerCase(Locale.ROOT);

    @AfterEach
    void dropSchema() throws SQLException {
        try (Connection connection = DriverManager.getConnection(TestDatabases.POSTGRES_URL)) {
            connection.createStatement().execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
        }
    }

    @Test
    void chunksStoredBeforeAndAfterKeepTheirVectorsInTheRow() throws SQLException {
        flyway().target("17").load().migrate();
        try (Connection connection = open()) {
            insertSession(connection);
            insertChunk(connection, 1);
            insertChunk(connection, 2);
            assertThat(toastedValues(connection))
                    .as("before V18 the chunks' vectors are toasted")
                    .isPositive();
        }

        flyway().load().migrate();

        try (Connection connection = open()) {
            assertThat(toastedValues(connection)).as("the chunks stored before").isZero();
            insertChunk(connection, 3);
            assertThat(toastedValues(connection)).as("a chunk stored after").isZero();
            assertThat(chunksMatching(connection, "needle")).containsExactly(1L, 2L, 3L);
            assertThat(chunksMatching(connection, "absentword")).isEmpty();
        }
    }

    private FluentConfiguration flyway() {
        return Flyway.configure()
                .dataSource(TestDatabases.POSTGRES_URL, null, null)
                .locations("classpath:db/migration/common", "classpath:db/migration/postgresql")
                .schemas(schema)
                .defaultSchema(schema)
                .createSchemas(true);
    }

    private Connection open() throws SQLException {
        Connection connection = DriverManager.getConnection(TestDatabases.POSTGRES_URL);
        connection.createStatement().execute("SET search_path TO " + schema);
        return connection;
    }

    private static void insertSession(Connection connection) throws SQLException {
        connection
                .createStatement()
                .execute(
                        "INSERT INTO projects (id, path, name, created_at, updated_at) VALUES ('p', '/w/p', 'p', 0, 0)");
        connection.createStatement().execute("INSERT INTO sessions (id, project_id) VALUES ('s', 'p')");
    }

    /** A chunk of distinct made-up words (they barely compress) with one common word in it. */
    private static void insertChunk(Connection connection, int seed) throws SQLException {
        Random random = new Random(seed);
        StringBuilder body = new StringBuilder("needle");
        while (body.length() < 1_900) {
            body.append(' ');
            for (int i = 0, n = 4 + random.nextInt(6); i < n; i++) {
                body.append((char) ('a' + random.nextInt(26)));
            }
        }
        try (var insert = connection.prepareStatement(
                "INSERT INTO session_search_text (session_id, file_path, body) VALUES ('s', '/t/s.jsonl', ?)")) {
            insert.setString(1, body.toString());
            insert.executeUpdate();
        }
    }

    /** How many values of the table live in its TOAST table (only the chunks' rows are there). */
    private static long toastedValues(Connection connection) throws SQLException {
        var toast = connection
                .createStatement()
                .executeQuery(
                        "SELECT reltoastrelid::regclass FROM pg_class WHERE oid = 'session_search_text'::regclass");
        toast.next();
        var values =
                connection.createStatement().executeQuery("SELECT count(DISTINCT chunk_id) FROM " + toast.getString(1));
        values.next();
        return values.getLong(1);
    }

    private static List<Long> chunksMatching(Connection connection, String word) throws SQLException {
        try (var query = connection.prepareStatement(
                "SELECT id FROM session_search_text WHERE tsv @@ plainto_tsquery('simple', ?) ORDER BY id")) {
            query.setString(1, word);
            var rows = query.executeQuery();
            List<Long> ids = new ArrayList<>();
            while (rows.next()) {
                ids.add(rows.getLong(1));
            }
            return ids;
        }
    }
}
