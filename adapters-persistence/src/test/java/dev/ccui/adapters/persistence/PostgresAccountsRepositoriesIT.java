package dev.ccui.adapters.persistence;

import java.nio.file.Path;

class PostgresAccountsRepositoriesIT extends AccountsRepositoriesContract {
    @Override
    protected TestDatabases.Opened open(Path folder) {
        return TestDatabases.postgres();
    }
}
