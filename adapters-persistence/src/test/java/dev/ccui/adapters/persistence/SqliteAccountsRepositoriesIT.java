package dev.ccui.adapters.persistence;

import java.nio.file.Path;

class SqliteAccountsRepositoriesIT extends JdbiAccountsRepositoriesContract {
    @Override
    protected TestDatabases.Opened open(Path folder) {
        return TestDatabases.sqliteOpened(folder);
    }
}
