package dev.ccui.adapters.persistence;

import dev.ccui.adapters.persistence.db.Database;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

class SqliteAccountsRepositoriesIT extends AccountsRepositoriesContract {
    @TempDir
    Path folder;
    private Database database;

    @BeforeEach
    void open() {
        database = TestDatabases.sqlite(folder);
    }

    @AfterEach
    void close() {
        database.close();
    }

    @Override
    protected Database database() {
        return database;
    }
}
