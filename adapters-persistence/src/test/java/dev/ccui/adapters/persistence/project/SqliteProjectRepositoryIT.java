package dev.ccui.adapters.persistence.project;

import dev.ccui.adapters.persistence.TestDatabases;
import java.nio.file.Path;

class SqliteProjectRepositoryIT extends JdbiProjectRepositoryContract {
    @Override
    protected TestDatabases.Opened open(Path folder) {
        return TestDatabases.sqliteOpened(folder);
    }
}
