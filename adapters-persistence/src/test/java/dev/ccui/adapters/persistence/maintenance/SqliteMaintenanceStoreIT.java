package dev.ccui.adapters.persistence.maintenance;

import dev.ccui.adapters.persistence.TestDatabases;
import java.nio.file.Path;

class SqliteMaintenanceStoreIT extends JdbiMaintenanceStoreContract {
    @Override
    protected TestDatabases.Opened open(Path folder) {
        return TestDatabases.sqliteOpened(folder);
    }
}
