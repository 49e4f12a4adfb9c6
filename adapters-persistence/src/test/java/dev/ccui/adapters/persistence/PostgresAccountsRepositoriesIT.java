package dev.ccui.adapters.persistence;

import java.nio.file.Path;

class PostgresAccountsRepositoriesIT extends JdbiAccountsRepositoriesContract {
    @Override
    protected TestDatabases.Opened open(Path folder) {
        return TestDatabases.postgres();
    }
}
