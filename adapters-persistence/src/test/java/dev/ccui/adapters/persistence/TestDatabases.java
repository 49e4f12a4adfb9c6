package dev.ccui.adapters.persistence;

import dev.ccui.adapters.persistence.db.Database;
import dev.ccui.adapters.persistence.db.DatabaseSettings;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Locale;
import java.util.UUID;

/**
 * The real databases the contract tests run against: a SQLite file in a temp folder, and a
 * fresh schema on the PostgreSQL server ({@code CCUI_TEST_POSTGRES_URL}, default the local
 * server's {@code test} database), dropped when the test closes it.
 */
public final class TestDatabases {
    public static final String POSTGRES_URL = System.getenv()
            .getOrDefault("CCUI_TEST_POSTGRES_URL", "jdbc:postgresql://127.0.0.1:5432/test?user=postgres");

    private TestDatabases() {}

    public static Database sqlite(Path folder) {
        return Database.open(DatabaseSettings.sqlite(folder.resolve("ccui.db")));
    }

    public static FreshSchema postgres() {
        String schema = "ccui_it_"
                + UUID.randomUUID().toString().replace("-", "").substring(0, 12).toLowerCase(Locale.ROOT);
        Database database =
                Database.open(DatabaseSettings.fromUrl(POSTGRES_URL, 4).withSchema(schema));
        return new FreshSchema(database, schema);
    }

    /** A database on its own PostgreSQL schema, dropped on close. */
    /** A database a contract test runs on, and how to get rid of it afterwards. */
    public interface Opened extends AutoCloseable {
        Database database();
    }

    public static Opened sqliteOpened(Path folder) {
        Database database = sqlite(folder);
        return new Opened() {
            @Override
            public Database database() {
                return database;
            }

            @Override
            public void close() {
                database.close();
            }
        };
    }

    public record FreshSchema(Database database, String schema) implements Opened {
        @Override
        public void close() throws SQLException {
            database.close();
            try (var connection = DriverManager.getConnection(POSTGRES_URL);
                    var statement = connection.createStatement()) {
                statement.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
            }
        }
    }
}
