package dev.ccui.adapters.persistence.maintenance;

import dev.ccui.adapters.persistence.TestDatabases;
import java.nio.file.Path;

class PostgresMaintenanceStoreIT extends JdbiMaintenanceStoreContract {
    @Override
    protected TestDatabases.Opened open(Path folder) {
        return TestDatabases.postgres();
    }
}
