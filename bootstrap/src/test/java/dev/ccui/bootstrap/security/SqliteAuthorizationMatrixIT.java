package dev.ccui.bootstrap.security;

import dev.ccui.bootstrap.testing.TestApplication;
import java.nio.file.Path;
import java.util.Map;

class SqliteAuthorizationMatrixIT extends AuthorizationMatrixContract {
    @Override
    protected TestApplication open(Path folder, Map<String, String> overrides) {
        return TestApplication.sqlite(folder, overrides);
    }
}
