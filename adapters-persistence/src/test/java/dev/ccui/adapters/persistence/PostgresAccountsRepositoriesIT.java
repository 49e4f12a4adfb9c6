package dev.ccui.adapters.persistence;

import dev.ccui.adapters.persistence.db.Database;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

class PostgresAccountsRepositoriesIT extends AccountsRepositoriesContract {
    private TestDatabases.FreshSchema schema;

    @BeforeEach
    void open() {
        schema = TestDatabases.postgres();
    }

    @AfterEach
    void close() throws Exception {
        schema.close();
    }

    @Override
    protected Database database() {
        return schema.database();
    }
}
