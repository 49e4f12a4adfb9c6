package dev.ccui.adapters.persistence.run;

import dev.ccui.adapters.persistence.TestDatabases;
import dev.ccui.adapters.persistence.db.Database;
import org.junit.jupiter.api.AfterEach;

class PostgresRunStoreIT extends RunStoreContract {
    private TestDatabases.FreshSchema schema;

    @AfterEach
    void close() throws Exception {
        if (schema != null) {
            schema.close();
        }
    }

    /** Opened on first use: the contract's own set-up runs before any set-up of this class. */
    @Override
    protected Database database() {
        if (schema == null) {
            schema = TestDatabases.postgres();
        }
        return schema.database();
    }
}
