package dev.ccui.bootstrap;

import dev.ccui.bootstrap.testing.TestApplication;
import java.nio.file.Path;

class SqliteAccountsFlowIT extends AccountsFlowContract {
    @Override
    protected TestApplication open(Path folder) {
        return TestApplication.sqlite(folder);
    }
}
