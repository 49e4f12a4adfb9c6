package dev.ccui.adapters.persistence.preferences;

import dev.ccui.adapters.persistence.TestDatabases;
import java.nio.file.Path;

class SqliteUserPreferencesStoreIT extends JdbiUserPreferencesStoreContract {
    @Override
    protected TestDatabases.Opened open(Path folder) {
        return TestDatabases.sqliteOpened(folder);
    }
}
