package dev.ccui.bootstrap.workspace;

import static dev.ccui.bootstrap.testing.ApiClient.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ccui.adapters.process.claude.FakeMessagesApi;
import dev.ccui.adapters.process.claude.TestCli;
import dev.ccui.bootstrap.testing.ApiClient;
import dev.ccui.bootstrap.testing.TestApplication;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The commit message button with everything real: git, the sandbox and the claude CLI against the fake
 * Messages API. The model's request carries the staged diff; its answer is the message.
 */
class CommitMessageHttpIT {
    @TempDir
    Path root;

    private static void git(Path dir, String... args) throws Exception {
        var command = new ArrayList<>(List.of("git", "-c", "user.name=t", "-c", "user.email=t@t"));
        command.addAll(List.of(args));
        Process process =
                new ProcessBuilder(command).directory(dir.toFile()).inheritIO().start();
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).isZero();
    }

    @Test
    void claudeDescribesTheStagedDiffAndNothingIsCommitted() throws Exception {
        Path folder = root.toRealPath();
        Path project = Files.createDirectories(folder.resolve("work/app"));
        git(project, "init", "-q", "-b", "main");
        Files.writeString(project.resolve("hello.txt"), "hello\n");
        git(project, "add", "hello.txt");
        git(project, "commit", "-q", "-m", "first");
        try (var api = new FakeMessagesApi();
                var app = TestApplication.sqlite(
                        folder,
                        TestApplication.cliEnvironment(folder, TestCli.path().toString(), api.baseUrl()))) {
            ApiClient admin = ApiClient.setUpAdmin(app.startHttp());
            ApiClient member = admin.createMember("mia");
            ApiClient other = admin.createMember("olaf");
            String id = json(member.post("/api/projects", "{\"path\":\"" + project + "\"}"))
                    .get("id")
                    .asText();
            String url = "/api/projects/" + id + "/git/commit-message";

            var nothing = member.post(url, null);
            assertThat(nothing.statusCode()).as(nothing.body()).isEqualTo(409);
            assertThat(json(nothing).get("error").get("code").asText()).isEqualTo("NOTHING_STAGED");

            Files.writeString(project.resolve("hello.txt"), "hello\nGREETING-LINE-XYZ\n");
            assertThat(member.post("/api/projects/" + id + "/git/stage", "{\"paths\":[\"hello.txt\"]}")
                            .statusCode())
                    .isEqualTo(204);
            assertThat(other.post(url, null).statusCode()).isIn(403, 404);

            var suggested = member.post(url, null);
            assertThat(suggested.statusCode()).as(suggested.body()).isEqualTo(200);
            String message = json(suggested).get("message").asText();
            assertThat(message).startsWith("Hi from fake server").contains("GREETING-LINE-XYZ");

            JsonNode request = api.messageRequests().getLast();
            assertThat(request.path("messages").toString()).contains("+GREETING-LINE-XYZ");
            assertThat(request.path("system").toString()).contains("You write git commit messages");
            assertThat(request.path("tools")).isEmpty();
            JsonNode status = json(member.get("/api/projects/" + id + "/git/status"));
            assertThat(status.get("files").get(0).get("staged").asBoolean()).isTrue();
        }
    }
}
