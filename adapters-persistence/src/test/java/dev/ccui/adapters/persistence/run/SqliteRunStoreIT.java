package dev.ccui.adapters.persistence.run;

import dev.ccui.adapters.persistence.TestDatabases;
import dev.ccui.adapters.persistence.db.Database;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;

class SqliteRunStoreIT extends RunStoreContract {
    @TempDir
    Path folder;
    private Database database;

    @AfterEach
    void close() {
        if (database != null) {
            database.close();
        }
    }

    /** Opened on first use: the contract's own set-up runs before any set-up of this class. */
    @Override
    protected Database database() {
        if (database == null) {
            database = TestDatabases.sqlite(folder);
        }
        return database;
    }
}
