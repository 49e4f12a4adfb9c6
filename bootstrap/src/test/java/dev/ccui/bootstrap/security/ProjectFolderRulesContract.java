package dev.ccui.bootstrap.security;

import static dev.ccui.bootstrap.testing.ApiClient.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ccui.bootstrap.testing.ApiClient;
import dev.ccui.bootstrap.testing.TestApplication;
import dev.ccui.bootstrap.testing.TranscriptFixtures;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 11, case 1 and 2 replayed over HTTP: a member registering the data dir (and so reading the
 * JWT secret through the files API), the workspaces root, the Claude config dir, or a folder
 * around or inside another user's project. Every one gets the same {@code 403 PROJECT_PATH_REFUSED},
 * an absent folder too, so the answer says nothing about what exists.
 */
abstract class ProjectFolderRulesContract {
    @TempDir
    Path folder;

    private TestApplication app;
    private ApiClient admin;
    private ApiClient mia;

    protected abstract TestApplication open(Path folder);

    @BeforeEach
    void start() throws Exception {
        // Claude Code once ran in the workspaces root itself: the index discovers it as a project.
        TranscriptFixtures.install(folder.resolve("claude"), folder);
        app = open(folder);
        String base = app.startHttp();
        admin = ApiClient.setUpAdmin(base);
        mia = admin.createMember("mia");
        app.application().history().indexer().scanAll();
    }

    @AfterEach
    void stop() {
        app.close();
    }

    private static void assertRefused(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(403);
        assertThat(json(response).at("/error/code").asText()).isEqualTo("PROJECT_PATH_REFUSED");
    }

    private HttpResponse<String> register(ApiClient client, Path path) {
        return client.post("/api/projects", "{\"path\":\"" + path + "\"}");
    }

    @Test
    void theDataDirWithTheJwtSecretCannotBeAProject() throws Exception {
        Path data = folder.resolve("data");
        assertThat(data.resolve("jwt-secret")).exists();
        // Before issue 11: 201, then GET …/files/content?path=jwt-secret answered 200 with the secret.
        assertRefused(register(mia, data));
        assertRefused(register(mia, data.resolve("logs")));
        assertRefused(register(admin, data));
        assertThat(json(mia.get("/api/projects"))).isEmpty();
    }

    @Test
    void theRootTheClaudeDirAbsentAndOutsideFoldersGetOneAnswer() throws Exception {
        Files.createDirectories(folder.resolve("claude").resolve("projects"));
        String[] bodies = {
            register(mia, folder).body(),
            register(mia, folder.resolve("claude")).body(),
            register(mia, folder.resolve("claude").resolve("projects")).body(),
            register(mia, folder.resolve("no-such-folder")).body(),
            register(mia, Path.of("/tmp")).body(),
        };
        for (String body : bodies) {
            JsonNode error = ApiClient.json(body).get("error");
            assertThat(error.get("code").asText()).isEqualTo("PROJECT_PATH_REFUSED");
            // The same words for an absent folder and a forbidden one: no existence oracle.
            assertThat(error.get("message").asText())
                    .isEqualTo(ApiClient.json(bodies[0]).at("/error/message").asText());
        }
        assertRefused(register(admin, folder));
    }

    @Test
    void aFolderAroundOrInsideAnotherUsersProjectIsRefused() throws Exception {
        Path app1 = Files.createDirectories(folder.resolve("code").resolve("app"));
        Files.createDirectories(app1.resolve("src"));
        Path own = Files.createDirectories(folder.resolve("mine"));
        assertThat(register(admin, app1).statusCode()).isEqualTo(201);

        assertRefused(register(mia, folder.resolve("code")));
        assertRefused(register(mia, app1));
        assertRefused(register(mia, app1.resolve("src")));
        assertThat(register(mia, own).statusCode()).isEqualTo(201);
        assertThat(register(mia, own).statusCode()).isEqualTo(200);

        // Once shared with her, the folder inside it is hers to register.
        String projectId = json(register(admin, app1)).get("id").asText();
        assertThat(admin.post("/api/projects/" + projectId + "/members", "{\"userId\":\"" + mia.userId() + "\"}")
                        .statusCode())
                .isEqualTo(204);
        assertThat(register(mia, app1.resolve("src")).statusCode()).isEqualTo(201);
    }

    @Test
    void rowsThatBreakTheRulesAreReportedAndTheirWorkspaceIsRefused() {
        // The discovered project at the workspaces root predates the rules.
        JsonNode unsafe = json(admin.get("/api/admin/unsafe-projects")).get("items");
        assertThat(unsafe).hasSize(1);
        assertThat(unsafe.get(0).get("path").asText()).isEqualTo(folder.toString());
        assertThat(unsafe.get(0).get("reason").asText()).contains("workspaces root");
        String projectId = unsafe.get(0).get("id").asText();
        assertThat(mia.get("/api/admin/unsafe-projects").statusCode()).isEqualTo(403);

        assertThat(admin.post("/api/projects/" + projectId + "/members", "{\"userId\":\"" + mia.userId() + "\"}")
                        .statusCode())
                .isEqualTo(204);
        for (String path : new String[] {"/files/content?path=data/jwt-secret", "/files?path=", "/git/status"}) {
            var response = mia.get("/api/projects/" + projectId + path);
            assertThat(response.statusCode()).as(path).isEqualTo(403);
            assertThat(json(response).at("/error/code").asText()).isEqualTo("PROJECT_UNSAFE");
        }
        var run = mia.post(
                "/api/runs", "{\"projectId\":\"" + projectId + "\",\"prompt\":\"hi\",\"clientMessageId\":\"c1\"}");
        assertThat(run.statusCode()).as(run.body()).isEqualTo(403);
        assertThat(json(run).at("/error/code").asText()).isEqualTo("PROJECT_UNSAFE");
        // Its history stays readable: only the folder itself is closed.
        assertThat(mia.get("/api/projects/" + projectId + "/sessions").statusCode())
                .isEqualTo(200);
    }
}
