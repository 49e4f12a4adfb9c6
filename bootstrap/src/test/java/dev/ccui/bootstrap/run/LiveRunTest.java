package dev.ccui.bootstrap.run;

import dev.ccui.adapters.process.claude.FakeMessagesApi;
import dev.ccui.adapters.process.claude.TestCli;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the live-run tests start from, fresh for each test: a fake Messages API, and the app (SQLite,
 * an admin signed in, one project) running the real claude CLI against it.
 */
abstract class LiveRunTest {
    @TempDir
    Path root;

    FakeMessagesApi api;
    LiveRunApp live;

    @BeforeEach
    void startApp() throws Exception {
        api = new FakeMessagesApi();
        live = LiveRunApp.start(root, api, TestCli.path().toString());
    }

    @AfterEach
    void stopApp() {
        if (live != null) {
            live.close();
        }
        api.close();
    }
}
