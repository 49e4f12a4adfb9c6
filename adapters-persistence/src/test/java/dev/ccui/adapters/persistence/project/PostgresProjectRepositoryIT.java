package dev.ccui.adapters.persistence.project;

import dev.ccui.adapters.persistence.TestDatabases;
import java.nio.file.Path;

class PostgresProjectRepositoryIT extends JdbiProjectRepositoryContract {
    @Override
    protected TestDatabases.Opened open(Path folder) {
        return TestDatabases.postgres();
    }
}
