package dev.ccui.bootstrap.security;

import dev.ccui.bootstrap.testing.TestApplication;
import java.nio.file.Path;
import java.util.Map;

class PostgresAuthorizationMatrixIT extends AuthorizationMatrixContract {
    @Override
    protected TestApplication open(Path folder, Map<String, String> overrides) {
        return TestApplication.postgres(folder, overrides);
    }
}
