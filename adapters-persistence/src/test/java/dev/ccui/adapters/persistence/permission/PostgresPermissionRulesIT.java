package dev.ccui.adapters.persistence.permission;

import dev.ccui.adapters.persistence.TestDatabases;
import java.nio.file.Path;

class PostgresPermissionRulesIT extends JdbiPermissionRulesContract {
    @Override
    protected TestDatabases.Opened open(Path folder) {
        return TestDatabases.postgres();
    }
}
