package dev.ccui.adapters.persistence.history;

import dev.ccui.adapters.persistence.TestDatabases;
import java.nio.file.Path;

class PostgresHistoryIndexIT extends JdbiSessionIndexContract {
    @Override
    protected TestDatabases.Opened open(Path folder) {
        return TestDatabases.postgres();
    }
}
