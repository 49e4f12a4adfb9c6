package dev.ccui.bootstrap.project;

import static dev.ccui.adapters.process.workspace.git.GitFixture.commit;
import static dev.ccui.adapters.process.workspace.git.GitFixture.git;
import static dev.ccui.bootstrap.testing.ApiClient.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ccui.adapters.process.workspace.git.GitFixture;
import dev.ccui.bootstrap.testing.ApiClient;
import dev.ccui.bootstrap.testing.TestApplication;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * New projects over HTTP through the real application and real git: an empty folder with
 * {@code git init}, a clone of a bare repository under the workspaces root followed over SSE,
 * refused schemes and paths, and a cancelled clone whose git is stopped.
 */
class NewProjectsHttpIT {
    @TempDir
    Path folder;

    private TestApplication app;
    private ApiClient admin;
    private Path root;

    private void start(Map<String, String> settings) {
        root = folder; // the test application's CCUI_WORKSPACES_ROOT
        app = TestApplication.sqlite(folder, settings);
        admin = ApiClient.setUpAdmin(app.startHttp());
    }

    @AfterEach
    void stop() {
        if (app != null) {
            app.close();
        }
    }

    private static String code(HttpResponse<String> response) {
        return json(response).at("/error/code").asText();
    }

    @Test
    void anEmptyFolderWithGitInitBecomesAProjectAndHostileNamesAndPlacesAreRefused() throws Exception {
        start(Map.of());
        Files.createDirectories(root.resolve("work"));
        var created = admin.post(
                "/api/projects/new",
                "{\"parent\":\"" + root.resolve("work") + "\",\"name\":\"fresh\",\"gitInit\":true}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        Path fresh = root.resolve("work/fresh");
        assertThat(json(created).get("path").asText())
                .isEqualTo(fresh.toRealPath().toString());
        assertThat(fresh.resolve(".git/HEAD")).hasContent("ref: refs/heads/main");
        String id = json(created).get("id").asText();
        assertThat(json(admin.get("/api/projects/" + id + "/git/status"))
                        .get("branch")
                        .asText())
                .isEqualTo("main");

        var plain = admin.post("/api/projects/new", "{\"name\":\"plain\"}");
        assertThat(plain.statusCode()).as(plain.body()).isEqualTo(201);
        assertThat(root.resolve("plain")).isEmptyDirectory();

        assertThat(code(admin.post("/api/projects/new", "{\"name\":\"plain\"}")))
                .isEqualTo("FOLDER_EXISTS");
        for (String name : List.of("../x", "a/b", "..", ".", "", "-rf", "x\\u0000y", ".git", "x".repeat(300))) {
            var refused = admin.post("/api/projects/new", "{\"name\":\"" + name + "\"}");
            assertThat(refused.statusCode()).as(name).isEqualTo(400);
            assertThat(json(refused).at("/error/field").asText()).isEqualTo("name");
        }
        Path outside = Files.createTempDirectory("ccui-outside");
        try {
            Files.createSymbolicLink(root.resolve("escape"), outside);
            for (String parent :
                    List.of(outside.toString(), root.resolve("escape").toString(), root + "/work/../..")) {
                var refused = admin.post("/api/projects/new", "{\"parent\":\"" + parent + "\",\"name\":\"x\"}");
                assertThat(refused.statusCode()).as(parent).isEqualTo(403);
                assertThat(code(refused)).isEqualTo("PROJECT_PATH_REFUSED");
            }
            assertThat(outside).isEmptyDirectory();
        } finally {
            Files.deleteIfExists(outside);
        }
        // The data dir (JWT secret, database) is never a place for a project.
        var data = admin.post("/api/projects/new", "{\"parent\":\"" + root.resolve("data") + "\",\"name\":\"x\"}");
        assertThat(data.statusCode()).isEqualTo(403);
        assertThat(root.resolve("data/x")).doesNotExist();
    }

    @Test
    void aBareRepositoryUnderTheRootIsClonedWithProgressOverSse() throws Exception {
        start(Map.of());
        Path source = GitFixture.repository(root.resolve("src/origin-work"));
        commit(source, "readme.md", "# hello\n", "first");
        commit(source, "b.txt", "b\n", "second");
        Path bare = root.resolve("src/shared.git");
        git(root.resolve("src"), "clone", "--quiet", "--bare", source.toString(), bare.toString());

        var started = admin.post("/api/projects/clone", "{\"url\":\"" + bare + "\"}");
        assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
        JsonNode clone = json(started);
        assertThat(clone.get("state").asText()).isIn("running", "succeeded");
        assertThat(clone.get("path").asText())
                .isEqualTo(root.toRealPath().resolve("shared").toString());

        List<JsonNode> events = sse(admin, "/api/clones/" + clone.get("id").asText());
        JsonNode last = events.getLast();
        assertThat(last.get("state").asText()).as(last.toString()).isEqualTo("succeeded");
        assertThat(last.get("progress").get("percent").asInt()).isEqualTo(100);
        String projectId = last.get("projectId").asText();
        assertThat(root.resolve("shared/readme.md")).hasContent("# hello");
        JsonNode status = json(admin.get("/api/projects/" + projectId + "/git/status"));
        assertThat(status.get("upstream").asText()).isEqualTo("origin/main");
        assertThat(json(admin.get("/api/projects/" + projectId)).get("name").asText())
                .isEqualTo("shared");
        assertThat(json(admin.get("/api/clones/" + clone.get("id").asText()))
                        .get("state")
                        .asText())
                .isEqualTo("succeeded");
        assertThat(json(admin.get("/api/audit?action=project.cloned&outcome=success"))
                        .get("items"))
                .hasSize(1);

        // A second clone into the same name is refused; the first is untouched.
        var again = admin.post("/api/projects/clone", "{\"url\":\"file://" + bare + "\",\"name\":\"shared\"}");
        assertThat(code(again)).isEqualTo("FOLDER_EXISTS");
        assertThat(root.resolve("shared/readme.md")).exists();
    }

    @Test
    void forbiddenSchemesAndSourcesOutsideTheRootAreRefusedBeforeGitRuns() throws Exception {
        start(Map.of());
        for (String url : List.of(
                "ext::sh -c touch% /tmp/ccui-pwned",
                "ext::sh",
                "fd::3",
                "-uhttps://example.org/x.git",
                "--upload-pack=touch /tmp/ccui-pwned",
                "git://example.org/x.git",
                "http://example.org/x.git",
                "ftp://example.org/x.git",
                "https://user:secret@example.org/x.git",
                "https://example.org",
                "host:path",
                "relative/path",
                "file://relative",
                "https://example.org/x\u0000.git")) {
            var refused = admin.post("/api/projects/clone", "{\"url\":" + ApiClient.JSON.writeValueAsString(url) + "}");
            assertThat(refused.statusCode()).as(url).isEqualTo(400);
            assertThat(json(refused).at("/error/field").asText()).as(url).isEqualTo("url");
            assertThat(refused.body()).doesNotContain("secret");
        }
        Path outside = GitFixture.bare(Files.createTempDirectory("ccui-outside").resolve("x.git"));
        Files.createSymbolicLink(root.resolve("link.git"), outside);
        for (String url : List.of(
                outside.toString(),
                "file://" + outside,
                root.resolve("link.git").toString(),
                root + "/../" + root.getFileName() + "/../"
                        + outside.getParent().getFileName() + "/x.git",
                "/etc",
                root.resolve("data").toString(),
                root.resolve("missing.git").toString())) {
            var refused = admin.post("/api/projects/clone", "{\"url\":\"" + url + "\",\"name\":\"x\"}");
            assertThat(refused.statusCode()).as(url).isEqualTo(403);
            assertThat(code(refused)).isEqualTo("CLONE_SOURCE_REFUSED");
        }
        assertThat(root.resolve("x")).doesNotExist();
        assertThat(Path.of("/tmp/ccui-pwned")).doesNotExist();
    }

    @Test
    void aCancelledCloneStopsGitAndLeavesNoFolder() throws Exception {
        // A server that accepts the connection and never answers: git waits on it until cancelled.
        start(Map.of("CCUI_SANDBOX", "none"));
        try (ServerSocket silent = new ServerSocket(0, 10, InetAddress.getLoopbackAddress())) {
            CompletableFuture<Socket> accepted = CompletableFuture.supplyAsync(() -> {
                try {
                    return silent.accept();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            var started = admin.post(
                    "/api/projects/clone",
                    "{\"url\":\"https://127.0.0.1:" + silent.getLocalPort() + "/slow.git\",\"name\":\"slow\"}");
            assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
            String id = json(started).get("id").asText();
            Socket connection = accepted.get(20, TimeUnit.SECONDS);
            assertThat(root.resolve("slow")).isDirectory();
            assertThat(json(admin.get("/api/clones/" + id)).get("state").asText())
                    .isEqualTo("running");

            Instant before = Instant.now();
            var cancelled = admin.post("/api/clones/" + id + "/cancel", null);
            assertThat(cancelled.statusCode()).isEqualTo(202);
            JsonNode end = sse(admin, "/api/clones/" + id).getLast();
            assertThat(end.get("state").asText()).isEqualTo("cancelled");
            assertThat(end.at("/error/code").asText()).isEqualTo("CLONE_CANCELLED");
            // git is gone: the connection it held is closed from its side.
            connection.setSoTimeout(10_000);
            try (InputStream in = connection.getInputStream()) {
                byte[] sink = new byte[4096];
                while (in.read(sink) != -1) {
                    // The TLS hello and whatever else git sent before it was stopped.
                }
            }
            assertThat(Duration.between(before, Instant.now())).isLessThan(Duration.ofSeconds(15));
            assertThat(root.resolve("slow")).doesNotExist();
            assertThat(json(admin.get("/api/projects")).findValuesAsText("name"))
                    .doesNotContain("slow");
        }
    }

    @Test
    void aCloneIsItsStartersAlone() throws Exception {
        start(Map.of());
        ApiClient sam = admin.createMember("sam");
        ApiClient olga = admin.createMember("olga");
        Path theirs = GitFixture.repository(root.resolve("olga-app"));
        commit(theirs, "secret.txt", "olga's\n", "first");
        assertThat(olga.post("/api/projects", "{\"path\":\"" + theirs + "\"}").statusCode())
                .isEqualTo(201);
        // Sam may not read olga's project, so he may not clone it either, nor create a folder inside it.
        var refused = sam.post("/api/projects/clone", "{\"url\":\"" + theirs + "\",\"name\":\"copy\"}");
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(code(refused)).isEqualTo("CLONE_SOURCE_REFUSED");
        var inside = sam.post("/api/projects/new", "{\"parent\":\"" + theirs + "\",\"name\":\"mine\"}");
        assertThat(code(inside)).isEqualTo("PROJECT_PATH_REFUSED");
        assertThat(theirs.resolve("mine")).doesNotExist();

        var started = olga.post("/api/projects/clone", "{\"url\":\"" + theirs + "\",\"name\":\"copy\"}");
        assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
        String id = json(started).get("id").asText();
        assertThat(sam.get("/api/clones/" + id).statusCode()).isEqualTo(404);
        assertThat(sam.post("/api/clones/" + id + "/cancel", null).statusCode()).isEqualTo(404);
        assertThat(sse(olga, "/api/clones/" + id).getLast().get("state").asText())
                .isEqualTo("succeeded");
        assertThat(root.resolve("copy/secret.txt")).hasContent("olga's");
        assertThat(admin.get("/api/clones/" + id).statusCode()).isEqualTo(200);
    }

    /** The SSE stream of a clone to its end, each event's JSON. */
    private static List<JsonNode> sse(ApiClient client, String path) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(client.base() + path))
                .header("Authorization", "Bearer " + client.token())
                .header("Accept", "text/event-stream")
                .timeout(Duration.ofSeconds(60))
                .build();
        HttpResponse<java.util.stream.Stream<String>> response =
                HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofLines());
        assertThat(response.statusCode()).isEqualTo(200);
        List<JsonNode> events = new ArrayList<>();
        response.body().filter(line -> line.startsWith("data: ")).forEach(line -> events.add(json(line.substring(6))));
        assertThat(events).isNotEmpty();
        return events;
    }
}
