package dev.ccui.adapters.persistence;

import dev.ccui.adapters.persistence.db.Database;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;

/**
 * The base of every repository contract: each subclass says which database it runs on, and the
 * database is opened on first use (a contract's own set-up may need it) and closed after each test.
 */
public abstract class DatabaseContract {
    @TempDir
    Path folder;
    private TestDatabases.Opened opened;

    protected abstract TestDatabases.Opened open(Path folder);

    protected Database database() {
        if (opened == null) {
            opened = open(folder);
        }
        return opened.database();
    }

    @AfterEach
    void closeDatabase() throws Exception {
        if (opened != null) {
            opened.close();
            opened = null;
        }
    }
}
