package dev.ccui.adapters.persistence.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A new SQLite database is a copy of the build's template: it must be exactly what Flyway makes
 * from this build's scripts (tables, indexes, triggers and Flyway's own history), and an existing
 * file must never be replaced by it.
 */
class SqliteSchemaTemplateIT {
    @TempDir
    Path folder;

    @Test
    void aNewDatabaseIsTheSchemaFlywayMakesFromThisBuildsScripts() throws Exception {
        Path fromTemplate = folder.resolve("template.db");
        Path fromFlyway = folder.resolve("flyway.db");
        Flyway.configure()
                .dataSource("jdbc:sqlite:" + fromFlyway, null, null)
                .locations(Database.migrationLocations(Vendor.SQLITE))
                .load()
                .migrate();

        assertThat(SqliteSchemaTemplate.placeIfNew(DatabaseSettings.sqlite(fromTemplate)))
                .isTrue();
        try (Database database = Database.open(DatabaseSettings.sqlite(fromTemplate))) {
            // Opened as every database is, and usable: the accounts table takes a row.
            database.jdbi().useHandle(h -> h.execute("SELECT COUNT(*) FROM users"));
        }

        assertThat(schema(fromTemplate)).isNotEmpty().isEqualTo(schema(fromFlyway));
        assertThat(history(fromTemplate)).hasSizeGreaterThan(10).isEqualTo(history(fromFlyway));
        try (var left = Files.list(folder)) {
            assertThat(left.map(p -> p.getFileName().toString()))
                    .as("no partial copy left beside it")
                    .noneMatch(name -> name.startsWith(".partial-"));
        }
    }

    @Test
    void anExistingFileIsNeverReplaced() throws Exception {
        Path existing = Files.writeString(folder.resolve("ccui.db"), "an operator's file");

        assertThat(SqliteSchemaTemplate.placeIfNew(DatabaseSettings.sqlite(existing)))
                .isFalse();

        assertThat(Files.readString(existing)).isEqualTo("an operator's file");
    }

    @Test
    void onlyAPlainFileIsMadeFromTheTemplate() {
        assertThat(SqliteSchemaTemplate.fileOf(DatabaseSettings.sqlite(Path.of("/data/ccui.db"))))
                .contains(Path.of("/data/ccui.db"));
        assertThat(SqliteSchemaTemplate.fileOf(DatabaseSettings.fromUrl("jdbc:sqlite::memory:", 1)))
                .isEmpty();
        assertThat(SqliteSchemaTemplate.fileOf(DatabaseSettings.fromUrl("jdbc:sqlite:file:x.db?mode=memory", 1)))
                .isEmpty();
        assertThat(SqliteSchemaTemplate.fileOf(DatabaseSettings.fromUrl("postgresql://127.0.0.1/test", 1)))
                .isEmpty();
        assertThat(SqliteSchemaTemplate.placeIfNew(DatabaseSettings.sqlite(folder.resolve("missing/ccui.db"))))
                .as("a folder that is not there is Flyway's to report")
                .isFalse();
    }

    private static List<String> schema(Path file) throws SQLException {
        return rows(
                file,
                "SELECT type || ' ' || name || ' ' || tbl_name || ' ' || COALESCE(sql, '') FROM sqlite_master"
                        + " ORDER BY type, name");
    }

    private static List<String> history(Path file) throws SQLException {
        return rows(
                file,
                "SELECT installed_rank || ' ' || version || ' ' || description || ' ' || type || ' ' || script"
                        + " || ' ' || checksum || ' ' || success FROM flyway_schema_history ORDER BY installed_rank");
    }

    private static List<String> rows(Path file, String query) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file);
                Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery(query)) {
            while (result.next()) {
                rows.add(result.getString(1));
            }
        }
        return rows;
    }
}
