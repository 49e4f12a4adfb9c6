package dev.ccui.bootstrap.fuzz;

import static dev.ccui.bootstrap.testing.ApiClient.json;

import com.code_intelligence.jazzer.api.BugDetectors;
import dev.ccui.bootstrap.testing.ApiClient;
import dev.ccui.bootstrap.testing.TestApplication;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * One app (as {@code Main} builds it, on SQLite) for every input of a fuzz run, with an admin
 * and a project: starting one per input would leave no time to fuzz. Closed when the JVM ends.
 */
final class FuzzApp {
    private static FuzzApp instance;

    final ApiClient admin;
    final String projectId;

    private FuzzApp(ApiClient admin, String projectId) {
        this.admin = admin;
        this.projectId = projectId;
    }

    /** The app, started by the first call; every call (each fuzz input) also sets Jazzer's network policy. */
    @SuppressWarnings("resource") // the policy stays for the input; Jazzer resets it before the next
    static synchronized FuzzApp get() {
        // The targets talk to the app over loopback HTTP and WebSockets. Jazzer's SSRF detector
        // reported the client's own connection to it as a finding (RouteBodiesFuzz after 24,000
        // inputs, when the client opened a fresh connection). Loopback is the one destination
        // allowed, so a connection the app makes anywhere else from fuzzed input is still reported.
        BugDetectors.allowNetworkConnections((host, port) -> host.equals("localhost") || host.equals("127.0.0.1"));
        if (instance == null) {
            try {
                Path folder = Files.createTempDirectory("ccui-fuzz-app").toRealPath();
                Path project = Files.createDirectories(folder.resolve("project"));
                Files.writeString(project.resolve("a.txt"), "inside");
                TestApplication app = TestApplication.sqlite(folder);
                Runtime.getRuntime().addShutdownHook(new Thread(app::close));
                ApiClient admin = ApiClient.setUpAdmin(app.startHttp());
                String projectId = json(admin.post("/api/projects", "{\"path\":\"" + project + "\"}"))
                        .get("id")
                        .asText();
                instance = new FuzzApp(admin, projectId);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return instance;
    }
}
