package dev.ccui.adapters.persistence.db;

import java.io.IOException;
import java.lang.ref.Reference;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;
import org.flywaydb.core.Flyway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A new SQLite database starts as a copy of one that Flyway migrated when this build was made
 * ({@code db/sqlite-schema.db} in the jar, written by {@link #main} in the build's
 * {@code process-classes} phase): the first start then needs no Flyway at all, which spent about
 * 0.4 s of CPU running the migrations one by one. The copy holds Flyway's own history of this
 * build's scripts, so {@link SchemaUpToDate} accepts it and a later build with new migrations
 * migrates it as any other database. A file that exists is never touched; without the template
 * (a build that skipped the step) Flyway makes the database as before.
 */
public final class SqliteSchemaTemplate {
    private static final Logger LOG = LoggerFactory.getLogger(SqliteSchemaTemplate.class);
    static final String RESOURCE = "/db/sqlite-schema.db";

    private SqliteSchemaTemplate() {}

    /** The build step: {@code args[0]} is where the template goes. */
    public static void main(String[] args) throws IOException, SQLException {
        Path template = Path.of(args[0]).toAbsolutePath();
        Files.createDirectories(template.getParent());
        Path building = template.resolveSibling(template.getFileName() + ".building");
        Files.deleteIfExists(building);
        // Flyway logs through java.util.logging in the build's JVM: a line per script is noise there.
        java.util.logging.Logger flywayLog = java.util.logging.Logger.getLogger("org.flywaydb");
        flywayLog.setLevel(java.util.logging.Level.WARNING);
        // A plain rollback journal while building: the copy is then this one file, whole.
        String url = "jdbc:sqlite:" + building;
        Flyway.configure()
                .dataSource(url, null, null)
                .locations(Database.migrationLocations(Vendor.SQLITE))
                .failOnMissingLocations(true)
                .load()
                .migrate();
        try (Connection connection = DriverManager.getConnection(url);
                Statement statement = connection.createStatement()) {
            statement.execute("VACUUM");
        }
        Files.move(building, template, StandardCopyOption.REPLACE_EXISTING);
        // java.util.logging keeps loggers weakly: the level must outlive the migration.
        Reference.reachabilityFence(flywayLog);
    }

    /**
     * Copies the template to the database's file when there is none yet. True when it did; false
     * when the file exists (or another process made it meanwhile), the settings name no plain file,
     * or the template is not in this build.
     */
    static boolean placeIfNew(DatabaseSettings settings) {
        Optional<Path> file = fileOf(settings).map(Path::toAbsolutePath);
        if (file.isEmpty() || !Files.isDirectory(file.get().getParent())) {
            return false;
        }
        try {
            return ResourceFiles.placeIfAbsent(RESOURCE, file.get());
        } catch (IOException | UnsupportedOperationException e) {
            LOG.debug("no copy of the schema template for {}; Flyway makes it: {}", file.get(), e.toString());
            return false;
        }
    }

    /** The file of {@code jdbc:sqlite:/path?options}; empty for memory databases and {@code file:} URIs. */
    static Optional<Path> fileOf(DatabaseSettings settings) {
        String prefix = "jdbc:sqlite:";
        if (settings.vendor() != Vendor.SQLITE || !settings.jdbcUrl().startsWith(prefix)) {
            return Optional.empty();
        }
        String rest = settings.jdbcUrl().substring(prefix.length());
        int options = rest.indexOf('?');
        String path = options < 0 ? rest : rest.substring(0, options);
        if (path.isEmpty() || path.startsWith(":") || path.startsWith("file:")) {
            return Optional.empty();
        }
        return Optional.of(Path.of(path));
    }
}
