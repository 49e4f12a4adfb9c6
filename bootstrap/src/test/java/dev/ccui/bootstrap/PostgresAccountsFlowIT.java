package dev.ccui.bootstrap;

import dev.ccui.bootstrap.testing.TestApplication;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

class PostgresAccountsFlowIT extends AccountsFlowContract {
    @TempDir
    Path folder;
    private TestApplication app;

    @BeforeEach
    void start() {
        app = TestApplication.postgres(folder);
    }

    @AfterEach
    void stop() {
        app.close();
    }

    @Override
    protected TestApplication app() {
        return app;
    }
}
