package dev.ccui.bootstrap.security;

import dev.ccui.bootstrap.testing.TestApplication;
import java.nio.file.Path;

class SqliteTokenBindingIT extends TokenBindingContract {
    @Override
    protected TestApplication open(Path folder) {
        return TestApplication.sqlite(folder);
    }
}
