package dev.ccui.bootstrap.security;

import dev.ccui.bootstrap.testing.TestApplication;
import java.nio.file.Path;

class PostgresProjectFolderRulesIT extends ProjectFolderRulesContract {
    @Override
    protected TestApplication open(Path folder) {
        return TestApplication.postgres(folder);
    }
}
