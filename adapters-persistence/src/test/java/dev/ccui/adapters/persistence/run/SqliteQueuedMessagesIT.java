package dev.ccui.adapters.persistence.run;

import dev.ccui.adapters.persistence.TestDatabases;
import java.nio.file.Path;

class SqliteQueuedMessagesIT extends JdbiQueuedMessagesContract {
    @Override
    protected TestDatabases.Opened open(Path folder) {
        return TestDatabases.sqliteOpened(folder);
    }
}
