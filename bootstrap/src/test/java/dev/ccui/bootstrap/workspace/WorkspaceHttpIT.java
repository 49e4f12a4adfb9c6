package dev.ccui.bootstrap.workspace;

import static dev.ccui.bootstrap.testing.ApiClient.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ccui.bootstrap.testing.ApiClient;
import dev.ccui.bootstrap.testing.TestApplication;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Files and git over HTTP through the real application: every route, who may use it, hostile paths. */
class WorkspaceHttpIT {
    @TempDir
    Path folder;

    private TestApplication app;
    private ApiClient admin;
    private ApiClient owner;
    private ApiClient stranger;
    private Path projectDir;
    private String files;
    private String git;

    @BeforeEach
    void start() throws Exception {
        projectDir = Files.createDirectories(folder.resolve("work/proj"));
        Files.createDirectories(folder.resolve("work/outside"));
        Files.writeString(folder.resolve("work/outside/secret.txt"), "secret");
        Files.createSymbolicLink(projectDir.resolve("link-out"), Path.of("../outside"));
        app = TestApplication.sqlite(folder);
        admin = ApiClient.setUpAdmin(app.startHttp());
        owner = admin.createMember("owner");
        stranger = admin.createMember("stranger");
        var created = owner.post("/api/projects", "{\"path\":\"" + projectDir + "\"}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String id = json(created).get("id").asText();
        files = "/api/projects/" + id + "/files";
        git = "/api/projects/" + id + "/git";
    }

    @AfterEach
    void stop() {
        app.close();
    }

    private static String q(String path) {
        return URLEncoder.encode(path, StandardCharsets.UTF_8);
    }

    @Test
    void fileRoutesCreateReadWriteListMoveAndDelete() throws Exception {
        assertThat(owner.post(files + "/content?path=src", "{\"type\":\"directory\"}")
                        .statusCode())
                .isEqualTo(201);
        var created = owner.post(files + "/content?path=src/app.txt", "{\"content\":\"hello\\n\"}");
        assertThat(created.statusCode()).isEqualTo(201);
        assertThat(owner.post(files + "/content?path=src/app.txt", "{\"content\":\"again\"}")
                        .statusCode())
                .isEqualTo(409);

        JsonNode listing = json(owner.get(files + "?path=src"));
        assertThat(listing.get("path").asText()).isEqualTo("src");
        assertThat(listing.get("truncated").asBoolean()).isFalse();
        JsonNode entry = listing.get("entries").get(0);
        assertThat(entry.get("name").asText()).isEqualTo("app.txt");
        assertThat(entry.get("path").asText()).isEqualTo("src/app.txt");
        assertThat(entry.get("type").asText()).isEqualTo("file");
        assertThat(entry.get("size").asLong()).isEqualTo(6);
        assertThat(entry.get("modifiedAt").asText()).endsWith("Z");
        JsonNode root = json(owner.get(files));
        assertThat(root.get("entries").findValuesAsText("type")).containsExactly("directory", "symlink");

        JsonNode read = json(owner.get(files + "/content?path=src/app.txt"));
        assertThat(read.get("content").asText()).isEqualTo("hello\n");
        assertThat(read.get("encoding").asText()).isEqualTo("utf-8");
        assertThat(read.get("binary").asBoolean()).isFalse();
        String sha = read.get("sha").asText();
        var written = owner.send(
                "PUT", files + "/content?path=src/app.txt", "{\"content\":\"v2\",\"baseSha\":\"" + sha + "\"}");
        assertThat(written.statusCode()).isEqualTo(200);
        var lost = owner.send(
                "PUT", files + "/content?path=src/app.txt", "{\"content\":\"v3\",\"baseSha\":\"" + sha + "\"}");
        assertThat(lost.statusCode()).isEqualTo(409);
        assertThat(json(lost).get("error").get("code").asText()).isEqualTo("FILE_CHANGED");
        assertThat(Files.readString(projectDir.resolve("src/app.txt"))).isEqualTo("v2");

        Files.write(projectDir.resolve("blob.bin"), new byte[] {0, 1, 2, (byte) 0xFF});
        JsonNode blob = json(owner.get(files + "/content?path=blob.bin"));
        assertThat(blob.get("binary").asBoolean()).isTrue();
        assertThat(blob.get("content").isNull()).isTrue();
        HttpResponse<String> download = owner.get(files + "/content?path=blob.bin&download=true");
        assertThat(download.statusCode()).isEqualTo(200);
        assertThat(download.headers().firstValue("Content-Disposition").orElseThrow())
                .startsWith("attachment;");
        assertThat(download.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/octet-stream");

        assertThat(owner.post(files + "/move", "{\"from\":\"src/app.txt\",\"to\":\"src/main.txt\"}")
                        .statusCode())
                .isEqualTo(204);
        assertThat(projectDir.resolve("src/main.txt")).hasContent("v2");
        assertThat(owner.send("DELETE", files + "/content?path=src", null).statusCode())
                .isEqualTo(400);
        assertThat(owner.send("DELETE", files + "/content?path=src&recursive=true", null)
                        .statusCode())
                .isEqualTo(204);
        assertThat(projectDir.resolve("src")).doesNotExist();
        assertThat(owner.get(files + "/content?path=src/main.txt").statusCode()).isEqualTo(404);

        JsonNode audit = json(admin.get("/api/audit?limit=50"));
        assertThat(audit.findValuesAsText("action"))
                .contains("file.created", "file.written", "file.moved", "file.deleted");
    }

    @Test
    void aDownloadAsABrowserAsksForItGzipAcceptedIsTheFileByteForByte() throws Exception {
        // Browsers send Accept-Encoding: gzip; a compressed body fell short of the Content-Length (500).
        byte[] bytes = new byte[64 * 1024];
        new Random(16).nextBytes(bytes);
        Files.write(projectDir.resolve("data.bin"), bytes);
        var request = HttpRequest.newBuilder(URI.create(owner.base() + files + "/content?path=data.bin&download=true"))
                .header("Authorization", "Bearer " + owner.token())
                .header("Accept-Encoding", "gzip, deflate, br")
                .build();
        HttpResponse<byte[]> download =
                HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofByteArray());
        assertThat(download.statusCode()).isEqualTo(200);
        assertThat(download.headers().firstValue("Content-Encoding")).isEmpty();
        assertThat(download.headers().firstValue("Content-Length")).hasValue(Integer.toString(bytes.length));
        assertThat(download.body()).isEqualTo(bytes);
    }

    @Test
    void onlyTheOwnerMembersAndAdminsMayUseTheFilesAndGit() throws Exception {
        Files.writeString(projectDir.resolve("a.txt"), "a");
        for (String path : List.of(
                files,
                files + "/content?path=a.txt",
                git + "/status",
                git + "/log",
                git + "/branches",
                git + "/diff")) {
            var refused = stranger.get(path);
            assertThat(refused.statusCode()).as(path).isEqualTo(403);
            assertThat(admin.get(path).statusCode()).as(path).isIn(200, 409);
            assertThat(owner.get(path).statusCode()).as(path).isIn(200, 409);
        }
        assertThat(stranger.send("PUT", files + "/content?path=a.txt", "{\"content\":\"x\"}")
                        .statusCode())
                .isEqualTo(403);
        assertThat(stranger.post(files + "/content?path=b.txt", "{}").statusCode())
                .isEqualTo(403);
        assertThat(stranger.send("DELETE", files + "/content?path=a.txt", null).statusCode())
                .isEqualTo(403);
        assertThat(stranger.post(files + "/move", "{\"from\":\"a.txt\",\"to\":\"b.txt\"}")
                        .statusCode())
                .isEqualTo(403);
        for (String action : List.of("stage", "unstage", "commit", "checkout", "branch")) {
            assertThat(stranger.post(
                                    git + "/" + action,
                                    "{\"paths\":[\".\"],\"message\":\"m\",\"branch\":\"x\",\"name\":\"x\"}")
                            .statusCode())
                    .as(action)
                    .isEqualTo(403);
        }
        assertThat(new ApiClient(admin.base(), null).get(files).statusCode()).isEqualTo(401);
        assertThat(projectDir.resolve("a.txt")).hasContent("a");

        String projectId = files.split("/")[3];
        String strangerId = stranger.userId();
        assertThat(owner.post("/api/projects/" + projectId + "/members", "{\"userId\":\"" + strangerId + "\"}")
                        .statusCode())
                .isEqualTo(204);
        assertThat(stranger.get(files + "/content?path=a.txt").statusCode()).isEqualTo(200);
        assertThat(stranger.send("PUT", files + "/content?path=a.txt", "{\"content\":\"by member\"}")
                        .statusCode())
                .isEqualTo(200);
        assertThat(owner.get("/api/projects/00000000-0000-0000-0000-000000000000/files")
                        .statusCode())
                .isEqualTo(404);
    }

    static Stream<String> hostile() {
        return Stream.of(
                "..",
                "../outside/secret.txt",
                "a/../../outside/secret.txt",
                "/etc/passwd",
                "//etc/passwd",
                "..%2foutside%2fsecret.txt",
                "%2e%2e/outside/secret.txt",
                "%252e%252e%252f",
                "..\\outside\\secret.txt",
                "a\u0000b",
                "\u2024\u2024/outside/secret.txt",
                "..\u2215outside",
                "\uFF0E\uFF0E/outside",
                "a\u202Eb",
                "a\u200Bb",
                "~/.ssh/id_rsa",
                "link-out/secret.txt",
                "link-out",
                " ../outside");
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("hostile")
    void hostilePathsAre403NeverA500(String path) throws Exception {
        String p = q(path);
        List<HttpResponse<String>> answers = new ArrayList<>(List.of(
                owner.get(files + "?path=" + p),
                owner.get(files + "/content?path=" + p),
                owner.get(files + "/content?path=" + p + "&download=true"),
                owner.send("PUT", files + "/content?path=" + p, "{\"content\":\"pwned\"}"),
                owner.post(files + "/content?path=" + p + "/new", "{\"content\":\"pwned\"}"),
                owner.post(
                        files + "/move",
                        "{\"from\":\"link-out\",\"to\":" + ApiClient.JSON.writeValueAsString(path + "/x") + "}")));
        if (!path.startsWith("link-out")) {
            // git is given the path text only (a link is git's business, it never follows one out).
            answers.add(owner.get(git + "/diff?path=" + p));
            answers.add(owner.post(git + "/stage", "{\"paths\":[" + ApiClient.JSON.writeValueAsString(path) + "]}"));
        }
        for (HttpResponse<String> response : answers) {
            assertThat(response.statusCode()).as(response.body()).isEqualTo(403);
            assertThat(json(response).get("error").get("code").asText()).isEqualTo("PATH_OUTSIDE_PROJECT");
        }
        assertThat(folder.resolve("work/outside/secret.txt")).hasContent("secret");
    }

    @Test
    void gitRoutesFromAnEmptyRepositoryToBranches() throws Exception {
        var notRepo = owner.get(git + "/status");
        assertThat(notRepo.statusCode()).isEqualTo(409);
        assertThat(json(notRepo).get("error").get("code").asText()).isEqualTo("NOT_A_REPOSITORY");
        Files.delete(projectDir.resolve("link-out"));
        new ProcessBuilder("git", "init", "-q", "-b", "main")
                .directory(projectDir.toFile())
                .start()
                .waitFor();

        JsonNode empty = json(owner.get(git + "/status"));
        assertThat(empty.get("branch").asText()).isEqualTo("main");
        assertThat(empty.get("head").isNull()).isTrue();
        assertThat(json(owner.get(git + "/log")).get("items")).isEmpty();
        assertThat(json(owner.get(git + "/branches")).get("items")).isEmpty();

        Files.writeString(projectDir.resolve("readme.md"), "# hi\n");
        JsonNode status = json(owner.get(git + "/status"));
        assertThat(status.get("files").get(0).get("path").asText()).isEqualTo("readme.md");
        assertThat(status.get("files").get(0).get("untracked").asBoolean()).isTrue();
        assertThat(owner.post(git + "/commit", "{\"message\":\"nothing\"}").statusCode())
                .isEqualTo(409);
        assertThat(owner.post(git + "/stage", "{\"paths\":[\"readme.md\"]}").statusCode())
                .isEqualTo(204);
        assertThat(json(owner.get(git + "/diff?staged=true")).get("diff").asText())
                .contains("+# hi");
        assertThat(owner.post(git + "/unstage", "{\"paths\":[\"readme.md\"]}").statusCode())
                .isEqualTo(204);
        assertThat(owner.post(git + "/stage", "{\"paths\":[\".\"]}").statusCode())
                .isEqualTo(204);
        var committed = owner.post(git + "/commit", "{\"message\":\"first\"}");
        assertThat(committed.statusCode()).isEqualTo(201);
        String hash = json(committed).get("hash").asText();
        var nothing = owner.post(git + "/commit", "{\"message\":\"again\"}");
        assertThat(nothing.statusCode()).isEqualTo(409);
        assertThat(json(nothing).get("error").get("code").asText()).isEqualTo("NOTHING_TO_COMMIT");

        JsonNode log = json(owner.get(git + "/log?limit=10"));
        assertThat(log.get("items").get(0).get("hash").asText()).isEqualTo(hash);
        assertThat(log.get("items").get(0).get("authorEmail").asText()).isEqualTo("owner@ccui.local");
        assertThat(owner.get(git + "/log?limit=0").statusCode()).isEqualTo(400);

        Files.writeString(projectDir.resolve("readme.md"), "# changed\n");
        assertThat(json(owner.get(git + "/diff?path=readme.md")).get("diff").asText())
                .contains("+# changed");
        assertThat(owner.post(git + "/branch", "{\"name\":\"feature\"}").statusCode())
                .isEqualTo(201);
        assertThat(owner.post(git + "/branch", "{\"name\":\"feature\"}").statusCode())
                .isEqualTo(409);
        assertThat(owner.post(git + "/branch", "{\"name\":\"--force\"}").statusCode())
                .isEqualTo(400);
        assertThat(owner.post(git + "/checkout", "{\"branch\":\"nope\"}").statusCode())
                .isEqualTo(404);
        assertThat(owner.post(git + "/checkout", "{\"branch\":\"feature\"}").statusCode())
                .isEqualTo(204);
        JsonNode branches = json(owner.get(git + "/branches")).get("items");
        assertThat(branches.findValuesAsText("name")).containsExactly("feature", "main");
        assertThat(json(owner.get(git + "/status")).get("branch").asText()).isEqualTo("feature");
        assertThat(owner.post(git + "/branch", "{\"name\":\"topic\",\"checkout\":true}")
                        .statusCode())
                .isEqualTo(201);
        assertThat(json(owner.get(git + "/status")).get("branch").asText()).isEqualTo("topic");

        assertThat(owner.send("PUT", files + "/content?path=.git/config", "{\"content\":\"x\"}")
                        .statusCode())
                .isEqualTo(403);
        JsonNode audit = json(admin.get("/api/audit?limit=50"));
        assertThat(audit.findValuesAsText("action")).contains("git.committed", "git.checked_out", "git.branch_created");
    }
}
