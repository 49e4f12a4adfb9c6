package dev.ccui.bootstrap.fuzz;

import static dev.ccui.bootstrap.testing.ApiClient.json;

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

    static synchronized FuzzApp get() {
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
