package dev.ccui.adapters.persistence.db;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ccui.adapters.persistence.TestDatabases;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
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

    /**
     * As the app runs, from its shaded jar: the scripts are listed from the jar's entries (both
     * folders in one pass), among entries of other folders; a jar that lacks one is not up to date.
     */
    @Test
    void scriptsInAJarAreListedFromItsEntries(@TempDir Path folder) throws Exception {
        try (Database database = TestDatabases.sqlite(folder)) {
            Path complete = jarOf(folder.resolve("complete.jar"), folders(database), null);
            Path lacking = jarOf(folder.resolve("lacking.jar"), folders(database), "V1__");
            try (URLClassLoader jar =
                            new URLClassLoader(new URL[] {complete.toUri().toURL()}, null);
                    URLClassLoader lackingJar =
                            new URLClassLoader(new URL[] {lacking.toUri().toURL()}, null)) {
                assertThat(jar.getResource(folders(database).getFirst()).getProtocol())
                        .isEqualTo("jar");
                assertThat(SchemaUpToDate.check(database.dataSource(), folders(database), null, jar))
                        .isTrue();
                assertThat(SchemaUpToDate.check(database.dataSource(), folders(database), null, lackingJar))
                        .isFalse();
            }
        }
    }

    /** A jar of the migration folders (less the scripts starting with {@code without}) and other entries. */
    private static Path jarOf(Path jar, List<String> folders, String without) throws Exception {
        Path resources = Path.of("src/main/resources"); // the module's, where Maven runs its tests
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
            out.putNextEntry(new JarEntry("db/"));
            out.putNextEntry(new JarEntry("db/migration/"));
            out.putNextEntry(new JarEntry("db/migration/README.txt")); // beside the folders, not in them
            out.write("not a migration".getBytes(StandardCharsets.UTF_8));
            for (String folder : folders) {
                out.putNextEntry(new JarEntry(folder + "/"));
                try (Stream<Path> scripts = Files.list(resources.resolve(folder))) {
                    for (Path script : scripts.sorted().toList()) {
                        String name = script.getFileName().toString();
                        if (without != null && name.startsWith(without)) {
                            continue;
                        }
                        out.putNextEntry(new JarEntry(folder + "/" + name));
                        out.write(Files.readAllBytes(script));
                    }
                }
            }
        }
        return jar;
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
