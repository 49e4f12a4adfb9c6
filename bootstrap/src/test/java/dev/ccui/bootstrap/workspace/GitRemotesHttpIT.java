package dev.ccui.bootstrap.workspace;

import static dev.ccui.adapters.process.workspace.git.GitFixture.commit;
import static dev.ccui.adapters.process.workspace.git.GitFixture.git;
import static dev.ccui.bootstrap.testing.ApiClient.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import dev.ccui.adapters.process.workspace.git.GitFixture;
import dev.ccui.bootstrap.testing.ApiClient;
import dev.ccui.bootstrap.testing.TestApplication;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Fetch, pull, push (plain and streamed), stashes, discard and branch changes over HTTP through the
 * real application, with a bare repository on disk as the remote and a colleague's clone pushing to it.
 */
class GitRemotesHttpIT {
    @TempDir
    Path folder;

    private TestApplication app;
    private ApiClient owner;
    private Path projectDir;
    private Path remote;
    private String git;

    /** The project: a repository with one commit whose origin is a bare repository at {@code remotePath}. */
    private void start(Map<String, String> settings, Path remotePath) throws Exception {
        projectDir = GitFixture.repository(folder.resolve("work/proj"));
        commit(projectDir, "a.txt", "one\ntwo\nthree\n", "first");
        remote = GitFixture.bare(remotePath);
        git(projectDir, "remote", "add", "origin", remote.toString());
        app = TestApplication.sqlite(folder, settings);
        // Only the admin: without a sandbox the app serves one account (issue 12).
        owner = ApiClient.setUpAdmin(app.startHttp());
        var created = owner.post("/api/projects", "{\"path\":\"" + projectDir + "\"}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        git = "/api/projects/" + json(created).get("id").asText() + "/git";
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

    private JsonNode status() {
        return json(owner.get(git + "/status"));
    }

    @Test
    void pushFetchPullAndAConflictingPullThatLosesNothing() throws Exception {
        start(Map.of("CCUI_SANDBOX", "none"), folder.resolve("remote.git"));

        var pushed = owner.post(git + "/push", null);
        assertThat(pushed.statusCode()).as(pushed.body()).isEqualTo(200);
        assertThat(json(pushed).get("upstream").asText()).isEqualTo("origin/main");
        assertThat(json(pushed).get("upstreamSet").asBoolean()).isTrue();
        assertThat(status().get("upstream").asText()).isEqualTo("origin/main");

        GitFixture.colleaguePushes(remote, folder, "a.txt", "one\nTHEIRS\nthree\n");
        assertThat(owner.post(git + "/fetch", "{}").statusCode()).isEqualTo(204);
        assertThat(status().get("behind").asInt()).isEqualTo(1);

        String mine = commit(projectDir, "a.txt", "one\nMINE\nthree\n", "my change");
        Files.writeString(projectDir.resolve("draft.txt"), "not committed\n");
        JsonNode before = status();
        assertThat(before.get("ahead").asInt()).isEqualTo(1);

        var refused = owner.post(git + "/pull", "{\"mode\":\"rebase\"}");
        assertThat(refused.statusCode()).isEqualTo(409);
        assertThat(code(refused)).isEqualTo("PULL_CONFLICT");
        assertThat(json(refused).at("/error/message").asText()).contains("nothing changed");
        JsonNode after = status();
        assertThat(after.get("head").asText()).isEqualTo(mine);
        assertThat(after.get("ahead").asInt()).isEqualTo(1);
        assertThat(after.get("files")).isEqualTo(before.get("files"));
        assertThat(projectDir.resolve("a.txt")).hasContent("one\nMINE\nthree");
        assertThat(projectDir.resolve("draft.txt")).hasContent("not committed");

        var diverged = owner.post(git + "/pull", "{\"mode\":\"ff-only\"}");
        assertThat(diverged.statusCode()).isEqualTo(409);
        assertThat(code(diverged)).isEqualTo("PULL_NOT_FAST_FORWARD");
        assertThat(owner.post(git + "/pull", "{\"mode\":\"merge\"}").statusCode())
                .isEqualTo(400);
        var rejected = owner.post(git + "/push", "{}");
        assertThat(rejected.statusCode()).isEqualTo(409);
        assertThat(code(rejected)).isEqualTo("PUSH_REJECTED");

        // The conflict resolved the way a person would, the pull goes through.
        git(projectDir, "reset", "-q", "--hard", "HEAD~1");
        assertThat(owner.post(git + "/pull", null).statusCode()).isEqualTo(204);
        assertThat(projectDir.resolve("a.txt")).hasContent("one\nTHEIRS\nthree");
        assertThat(status().get("behind").asInt()).isZero();

        JsonNode audit = json(owner.get("/api/audit?limit=50"));
        assertThat(audit.findValuesAsText("action")).contains("git.pushed", "git.fetched", "git.pulled");
    }

    @Test
    void stashRoundTripDiscardAndBranchRenameAndDelete() throws Exception {
        start(Map.of("CCUI_SANDBOX", "none"), folder.resolve("remote.git"));
        Files.writeString(projectDir.resolve("a.txt"), "edited\n");
        Files.writeString(projectDir.resolve("new.txt"), "new\n");

        var stashed = owner.post(git + "/stashes", "{\"message\":\"halfway\",\"includeUntracked\":true}");
        assertThat(stashed.statusCode()).as(stashed.body()).isEqualTo(201);
        assertThat(status().get("files")).isEmpty();
        JsonNode stashes = json(owner.get(git + "/stashes")).get("items");
        assertThat(stashes).hasSize(1);
        assertThat(stashes.get(0).get("index").asInt()).isZero();
        assertThat(stashes.get(0).get("message").asText()).isEqualTo("On main: halfway");
        assertThat(code(owner.post(git + "/stashes", null))).isEqualTo("NOTHING_TO_STASH");
        assertThat(owner.post(git + "/stashes/0/apply", "{\"pop\":true}").statusCode())
                .isEqualTo(204);
        assertThat(projectDir.resolve("a.txt")).hasContent("edited");
        assertThat(projectDir.resolve("new.txt")).hasContent("new");
        assertThat(json(owner.get(git + "/stashes")).get("items")).isEmpty();
        assertThat(owner.send("DELETE", git + "/stashes/0", null).statusCode()).isEqualTo(404);
        assertThat(owner.send("DELETE", git + "/stashes/x", null).statusCode()).isEqualTo(400);

        assertThat(owner.post(git + "/discard", "{\"paths\":[\"a.txt\",\"new.txt\"]}")
                        .statusCode())
                .isEqualTo(204);
        assertThat(projectDir.resolve("a.txt")).hasContent("one\ntwo\nthree");
        assertThat(projectDir.resolve("new.txt")).doesNotExist();
        assertThat(owner.post(git + "/discard", "{\"paths\":[\"../outside\"]}").statusCode())
                .isEqualTo(403);
        Files.writeString(projectDir.resolve("a.txt"), "one\ntwo\nTHREE\n");
        var stale = owner.post(
                git + "/discard-hunk",
                "{\"path\":\"a.txt\",\"oldStart\":1,\"oldLines\":2,\"newStart\":1,\"newLines\":2}");
        assertThat(code(stale)).isEqualTo("DIFF_CHANGED");
        assertThat(json(owner.get(git + "/diff?path=a.txt")).get("diff").asText())
                .contains("@@ -1,3 +1,3 @@");
        assertThat(owner.post(
                                git + "/discard-hunk",
                                "{\"path\":\"a.txt\",\"oldStart\":1,\"oldLines\":3,\"newStart\":1,\"newLines\":3}")
                        .statusCode())
                .isEqualTo(204);
        assertThat(projectDir.resolve("a.txt")).hasContent("one\ntwo\nthree");

        assertThat(owner.post(git + "/branch", "{\"name\":\"feature\"}").statusCode())
                .isEqualTo(201);
        assertThat(owner.post(git + "/branch/rename", "{\"from\":\"feature\",\"to\":\"topic\"}")
                        .statusCode())
                .isEqualTo(204);
        assertThat(json(owner.get(git + "/branches")).get("items").findValuesAsText("name"))
                .containsExactly("main", "topic");
        var current = owner.post(git + "/branch/delete", "{\"name\":\"main\"}");
        assertThat(code(current)).isEqualTo("BRANCH_CHECKED_OUT");
        assertThat(owner.post(git + "/branch/delete", "{\"name\":\"topic\"}").statusCode())
                .isEqualTo(204);
        assertThat(owner.post(git + "/branch/delete", "{\"name\":\"topic\"}").statusCode())
                .isEqualTo(404);
    }

    @Test
    void aRemoteThatAsksForAPasswordFailsFastWithAClearError() throws Exception {
        start(Map.of("CCUI_SANDBOX", "none"), folder.resolve("remote.git"));
        AtomicInteger asked = new AtomicInteger();
        HttpServer server = GitFixture.passwordAsking(asked);
        try {
            git(
                    projectDir,
                    "remote",
                    "add",
                    "private",
                    "http://127.0.0.1:" + server.getAddress().getPort() + "/x.git");
            Instant start = Instant.now();
            var fetched = owner.post(git + "/fetch", "{\"remote\":\"private\"}");
            assertThat(fetched.statusCode()).isEqualTo(409);
            assertThat(code(fetched)).isEqualTo("REMOTE_AUTH_REQUIRED");
            assertThat(Duration.between(start, Instant.now()))
                    .as("no prompt waited")
                    .isLessThan(Duration.ofSeconds(10));
            assertThat(asked.get()).isPositive();
            assertThat(owner.post(git + "/fetch", "{\"remote\":\"--upload-pack=touch x\"}")
                            .statusCode())
                    .isEqualTo(400);
            assertThat(owner.post(git + "/fetch", "{\"remote\":\"nope\"}").statusCode())
                    .isEqualTo(404);
        } finally {
            server.stop(0);
        }
    }

    /**
     * In the sandbox, remote git sees only the project: a remote inside it works (with the network
     * profile), a repository elsewhere on the disk (another user's project) is not there at all.
     */
    @Test
    void inTheSandboxARemoteInsideTheProjectWorksAndOneOutsideItIsNotThere() throws Exception {
        start(Map.of("CCUI_SANDBOX", "bwrap"), folder.resolve("work/proj/remote.git"));
        Files.writeString(projectDir.resolve(".git/info/exclude"), "remote.git/\n");
        GitFixture.bare(folder.resolve("elsewhere.git"));
        git(
                projectDir,
                "remote",
                "add",
                "elsewhere",
                folder.resolve("elsewhere.git").toString());

        var pushed = owner.post(git + "/push", "{\"remote\":\"origin\"}");
        assertThat(pushed.statusCode()).as(pushed.body()).isEqualTo(200);
        assertThat(git(remote, "rev-parse", "main"))
                .isEqualTo(status().get("head").asText());
        assertThat(owner.post(git + "/fetch", "{\"remote\":\"origin\"}").statusCode())
                .isEqualTo(204);

        var outside = owner.post(git + "/push", "{\"remote\":\"elsewhere\"}");
        assertThat(outside.statusCode()).as(outside.body()).isEqualTo(503);
        assertThat(code(outside)).isEqualTo("REMOTE_UNREACHABLE");
        assertThat(git(folder.resolve("elsewhere.git"), "for-each-ref")).isEmpty();
    }

    /** One server-sent event of a streamed fetch, pull or push. */
    private record Frame(String event, JsonNode data) {
        @Override
        public String toString() {
            return event + " " + data;
        }
    }

    /**
     * A fetch, pull or push asked as a stream, read frame by frame; once {@code hangUp} says so the
     * client goes away (its connection closed) and the frames so far are the answer.
     */
    private List<Frame> stream(ApiClient client, String action, String body, Predicate<Frame> hangUp) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(client.base() + git + "/" + action))
                    .header("Authorization", "Bearer " + client.token())
                    .header("Accept", "text/event-stream")
                    .header("Content-Type", "application/json")
                    .POST(body == null ? BodyPublishers.noBody() : BodyPublishers.ofString(body))
                    .build();
            HttpResponse<InputStream> response = http.send(request, BodyHandlers.ofInputStream());
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.headers().firstValue("Content-Type").orElseThrow())
                    .startsWith("text/event-stream");
            List<Frame> frames = new ArrayList<>();
            try (BufferedReader reader =
                    new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
                String event = null;
                for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                    if (line.startsWith("event: ")) {
                        event = line.substring(7);
                    } else if (line.startsWith("data: ")) {
                        frames.add(new Frame(event, json(line.substring(6))));
                        if (hangUp.test(frames.getLast())) {
                            break;
                        }
                    }
                }
            }
            return frames;
        } finally {
            http.shutdownNow();
        }
    }

    private List<Frame> streamToEnd(String action, String body) throws Exception {
        List<Frame> frames = stream(owner, action, body, frame -> false);
        assertThat(frames.getLast().event()).isIn("done", "error");
        assertThat(frames.subList(0, frames.size() - 1))
                .extracting(Frame::event)
                .allMatch("progress"::equals);
        return frames;
    }

    @Test
    void streamedPushAndFetchShowGitsProgressAndAConflictingPullEndsInItsErrorLosingNothing() throws Exception {
        start(Map.of("CCUI_SANDBOX", "none"), folder.resolve("remote.git"));
        String last = GitFixture.randomCommits(projectDir, 3, 1024 * 1024);

        List<Frame> pushed = streamToEnd("push", null);
        assertThat(pushed).filteredOn(frame -> frame.event().equals("progress")).anySatisfy(frame -> {
            assertThat(frame.data().get("phase").asText()).isNotBlank();
            assertThat(frame.data().get("percent").asInt()).isBetween(0, 100);
            assertThat(frame.data().get("total").asLong()).isPositive();
        });
        assertThat(pushed.getLast().event()).isEqualTo("done");
        assertThat(pushed.getLast().data().get("upstream").asText()).isEqualTo("origin/main");
        assertThat(pushed.getLast().data().get("upstreamSet").asBoolean()).isTrue();
        assertThat(git(remote, "rev-parse", "main")).isEqualTo(last);

        GitFixture.colleaguePushes(remote, folder, "a.txt", "one\nTHEIRS\nthree\n");
        List<Frame> fetched = streamToEnd("fetch", "{\"remote\":\"origin\"}");
        assertThat(fetched.getLast().event()).isEqualTo("done");
        assertThat(fetched.getLast().data()).isEqualTo(json("{}"));
        assertThat(status().get("behind").asInt()).isEqualTo(1);

        String mine = commit(projectDir, "a.txt", "one\nMINE\nthree\n", "my change");
        Files.writeString(projectDir.resolve("draft.txt"), "not committed\n");
        JsonNode before = status();
        List<Frame> pulled = streamToEnd("pull", "{\"mode\":\"rebase\"}");
        assertThat(pulled.getLast().event()).isEqualTo("error");
        assertThat(pulled.getLast().data().at("/error/code").asText()).isEqualTo("PULL_CONFLICT");
        assertThat(pulled.getLast().data().at("/error/message").asText()).contains("nothing changed");
        JsonNode after = status();
        assertThat(after.get("head").asText()).isEqualTo(mine);
        assertThat(after.get("files")).isEqualTo(before.get("files"));
        assertThat(projectDir.resolve("a.txt")).hasContent("one\nMINE\nthree");
        assertThat(projectDir.resolve("draft.txt")).hasContent("not committed");
        assertThat(projectDir.resolve(".git/rebase-merge")).doesNotExist();
    }

    /**
     * A client that goes away after the first progress frame (the remote stalls mid-transfer, so git
     * is still at work then): git and everything it started end, and the repositories are as before.
     */
    @Test
    void aStreamedPushOrFetchWhoseClientGoesAwayStopsGitAndChangesNothing() throws Exception {
        start(Map.of("CCUI_SANDBOX", "none"), folder.resolve("remote.git"));
        assertThat(owner.post(git + "/push", null).statusCode()).isEqualTo(200);
        String before = git(remote, "rev-parse", "main");
        GitFixture.randomCommits(projectDir, 3, 1024 * 1024);
        GitFixture.stallingRemote(projectDir, "origin", folder.resolve("scripts"));

        hangUpAfterTheFirstProgressFrame("push");
        assertThat(git(remote, "rev-parse", "main")).isEqualTo(before);

        Path colleague = folder.resolve("colleague");
        git(folder, "clone", "-q", remote.toString(), "colleague");
        GitFixture.randomCommits(colleague, 3, 1024 * 1024);
        git(colleague, "push", "-q", "origin", "main");
        hangUpAfterTheFirstProgressFrame("fetch");
        assertThat(git(projectDir, "rev-parse", "origin/main")).isEqualTo(before);

        JsonNode status = status();
        assertThat(status.get("ahead").asInt()).isEqualTo(3);
        assertThat(status.get("behind").asInt()).isZero();
        assertThat(status.get("files")).isEmpty();
        assertThat(projectDir.resolve(".git/index.lock")).doesNotExist();
        assertThat(git(projectDir, "fsck", "--no-progress")).doesNotContain("error");
    }

    /** Streams {@code action}, goes away after the first progress frame, and waits until what git started has ended. */
    private void hangUpAfterTheFirstProgressFrame(String action) throws Exception {
        List<ProcessHandle> running = new ArrayList<>();
        List<Frame> frames = stream(owner, action, null, frame -> {
            running.addAll(ProcessHandle.current().descendants().toList());
            return true;
        });
        assertThat(frames)
                .as(action + ": " + frames)
                .singleElement()
                .extracting(Frame::event)
                .isEqualTo("progress");
        assertThat(running).as("git and the stalling remote").hasSizeGreaterThan(1);
        for (ProcessHandle process : running) {
            process.onExit().get(30, TimeUnit.SECONDS);
        }
        assertThat(ProcessHandle.current().descendants()).as(action).isEmpty();
    }

    /** The same routes, so the same rule: a stranger's streamed request is a plain 403 and git never runs. */
    @Test
    void aStrangersStreamedRequestIsRefusedBeforeGitRuns() throws Exception {
        start(Map.of(), folder.resolve("remote.git"));
        ApiClient stranger = owner.createMember("stranger");
        for (String action : List.of("fetch", "pull", "push")) {
            HttpResponse<String> refused = HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(URI.create(stranger.base() + git + "/" + action))
                                    .header("Authorization", "Bearer " + stranger.token())
                                    .header("Accept", "text/event-stream")
                                    .POST(BodyPublishers.noBody())
                                    .build(),
                            BodyHandlers.ofString());
            assertThat(refused.statusCode()).as(action).isEqualTo(403);
            assertThat(refused.headers().firstValue("Content-Type").orElseThrow())
                    .startsWith("application/json");
            assertThat(code(refused)).isNotBlank();
        }
        assertThat(git(remote, "for-each-ref")).isEmpty();
        assertThat(status().get("upstream").isNull()).isTrue();
    }
}
