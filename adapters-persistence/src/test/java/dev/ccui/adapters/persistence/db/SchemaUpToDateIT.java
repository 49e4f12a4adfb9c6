package dev.ccui.adapters.persistence.db;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ccui.adapters.persistence.TestDatabases;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The start-up shortcut past Flyway holds only when the database has exactly this build's
 * migrations with Flyway's own checksums: so a freshly migrated database must pass (which also
 * proves the checksum is computed as Flyway does), and any difference must send the start back to
 * Flyway.
 */
class SchemaUpToDateIT {
    private static List<String> folders(Database database) {
        return List.of(
                "db/migration/common", "db/migration/" + database.vendor().migrationFolder());
    }

    @Test
    void aMigratedSqliteDatabaseIsUpToDateAndAnyDifferenceIsNot(@TempDir Path folder) {
        try (Database database = TestDatabases.sqlite(folder)) {
            var jdbi = database.jdbi();
            assertThat(SchemaUpToDate.check(database.dataSource(), folders(database), null))
                    .isTrue();

            jdbi.useHandle(
                    h -> h.execute("UPDATE flyway_schema_history SET checksum = checksum + 1 WHERE version = '1'"));
            assertThat(SchemaUpToDate.check(database.dataSource(), folders(database), null))
                    .isFalse();
            jdbi.useHandle(
                    h -> h.execute("UPDATE flyway_schema_history SET checksum = checksum - 1 WHERE version = '1'"));
            assertThat(SchemaUpToDate.check(database.dataSource(), folders(database), null))
                    .isTrue();

            jdbi.useHandle(
                    h -> h.execute(
                            "DELETE FROM flyway_schema_history WHERE installed_rank = (SELECT MAX(installed_rank) FROM flyway_schema_history)"));
            assertThat(SchemaUpToDate.check(database.dataSource(), folders(database), null))
                    .isFalse();
        }
    }

    @Test
    void aDatabaseWithoutHistoryIsNotUpToDate(@TempDir Path folder) {
        try (Database database = TestDatabases.sqlite(folder)) {
            database.jdbi().useHandle(h -> h.execute("DROP TABLE flyway_schema_history"));

            assertThat(SchemaUpToDate.check(database.dataSource(), folders(database), null))
                    .isFalse();
        }
    }

    @Test
    void reopeningAnUpToDateDatabaseKeepsItsSchemaAndData(@TempDir Path folder) {
        try (Database first = TestDatabases.sqlite(folder)) {
            first.jdbi()
                    .useHandle(h -> h.execute(
                            "INSERT INTO maintenance_mode (id, enabled, message, since) VALUES (1, 1, 'kept', 0)"));
        }
        try (Database again = TestDatabases.sqlite(folder)) {
            String message = again.jdbi()
                    .withHandle(h -> h.createQuery("SELECT message FROM maintenance_mode WHERE id = 1")
                            .mapTo(String.class)
                            .one());
            assertThat(message).isEqualTo("kept");
        }
    }

    @Test
    void aMigratedPostgresSchemaIsUpToDateAndAnotherChecksumIsNot() throws Exception {
        try (var fresh = TestDatabases.postgres()) {
            Database database = fresh.database();
            String table = "\"" + fresh.schema() + "\".flyway_schema_history";
            assertThat(SchemaUpToDate.check(database.dataSource(), folders(database), fresh.schema()))
                    .isTrue();

            database.jdbi().useHandle(h -> h.execute("UPDATE " + table + " SET checksum = 7 WHERE version = '4'"));
            assertThat(SchemaUpToDate.check(database.dataSource(), folders(database), fresh.schema()))
                    .isFalse();
        }
    }
}
