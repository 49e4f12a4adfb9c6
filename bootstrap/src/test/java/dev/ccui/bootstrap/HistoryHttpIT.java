package dev.ccui.bootstrap;

import static dev.ccui.bootstrap.testing.ApiClient.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ccui.bootstrap.testing.ApiClient;
import dev.ccui.bootstrap.testing.TestApplication;
import dev.ccui.bootstrap.testing.TranscriptFixtures;
import dev.ccui.bootstrap.testing.WsFrames;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Projects and session history over HTTP, on the real transcripts recorded from the CLI. */
class HistoryHttpIT {
    @TempDir
    Path folder;

    private TestApplication app;
    private ApiClient admin;
    private Path transcripts;
    private Path projectDir;

    @BeforeEach
    void start() throws Exception {
        projectDir = folder.resolve("work").resolve("proj");
        transcripts = TranscriptFixtures.install(folder.resolve("claude"), projectDir);
        app = TestApplication.sqlite(folder);
        String base = app.startHttp();
        admin = ApiClient.setUpAdmin(base);
        app.application().history().indexer().scanAll();
    }

    @AfterEach
    void stop() {
        app.close();
    }

    private JsonNode onlyProject(ApiClient client) {
        JsonNode projects = json(client.get("/api/projects"));
        assertThat(projects).hasSize(1);
        return projects.get(0);
    }

    @Test
    void discoveredProjectsAndSessionsAreListedFromTheIndex() {
        JsonNode project = onlyProject(admin);
        assertThat(project.get("path").asText()).isEqualTo(projectDir.toString());
        assertThat(project.get("name").asText()).isEqualTo("proj");
        assertThat(project.get("sessionCount").asLong()).isEqualTo(3);
        assertThat(project.get("discovered").asBoolean()).isTrue();

        String id = project.get("id").asText();
        JsonNode first = json(admin.get("/api/projects/" + id + "/sessions?limit=2"));
        assertThat(first.get("items")).hasSize(2);
        String cursor = first.get("nextCursor").asText();
        JsonNode second = json(admin.get("/api/projects/" + id + "/sessions?limit=2&cursor=" + cursor));
        assertThat(second.get("items")).hasSize(1);
        assertThat(second.get("nextCursor").isNull()).isTrue();
        Set<String> seen = new HashSet<>();
        first.get("items").forEach(s -> seen.add(s.get("id").asText()));
        second.get("items").forEach(s -> seen.add(s.get("id").asText()));
        assertThat(seen).containsExactlyInAnyOrderElementsOf(TranscriptFixtures.SESSIONS);

        assertThat(admin.get("/api/projects/" + id + "/sessions?cursor=garbage").statusCode())
                .isEqualTo(400);
        health();
    }

    private void health() {
        JsonNode index = json(admin.get("/api/health")).at("/checks/index");
        assertThat(index.get("filesDone").asLong()).isGreaterThanOrEqualTo(3);
    }

    @Test
    void aSessionShowsItsFiguresAndPagedNormalizedMessages() {
        String session = "ac12bf22-f31a-498a-958c-9d2bfc1878cf";
        JsonNode summary = json(admin.get("/api/sessions/" + session));
        assertThat(summary.get("title").asText()).isEqualTo("USE_BASH allow this one");
        assertThat(summary.get("models").get(0).asText()).isEqualTo("claude-opus-5-5");
        assertThat(summary.get("costUsd").asDouble()).isGreaterThan(0.2);
        assertThat(summary.get("inputTokens").asLong()).isPositive();
        assertThat(summary.get("messageCount").asLong()).isEqualTo(9);

        JsonNode newest = json(admin.get("/api/sessions/" + session + "/messages?limit=4"));
        assertThat(newest.get("items")).hasSize(4);
        long before = newest.get("nextBefore").asLong();
        JsonNode older = json(admin.get("/api/sessions/" + session + "/messages?limit=50&before=" + before));
        assertThat(older.get("nextBefore").isNull()).isTrue();
        List<JsonNode> all = new ArrayList<>();
        older.get("items").forEach(all::add);
        newest.get("items").forEach(all::add);
        assertThat(all).hasSize(9);
        assertThat(all.getFirst().at("/blocks/0/text").asText()).isEqualTo("USE_BASH allow this one");
        assertThat(all).extracting(m -> m.get("seq").asLong()).isSorted();
        JsonNode bash = all.stream()
                .flatMap(m -> iterable(m.get("blocks")).stream())
                .filter(b -> b.get("type").asText().equals("toolUse"))
                .findFirst()
                .orElseThrow();
        assertThat(bash.get("name").asText()).isEqualTo("Bash");
        assertThat(bash.at("/input/command").asText()).isEqualTo("echo hello > out.txt");
        JsonNode denied = all.stream()
                .flatMap(m -> iterable(m.get("blocks")).stream())
                .filter(b -> b.get("type").asText().equals("toolResult")
                        && b.get("isError").asBoolean())
                .findFirst()
                .orElseThrow();
        assertThat(denied.get("content").asText()).contains("Denied");

        assertThat(admin.get("/api/sessions/nope/messages").statusCode()).isEqualTo(404);
        assertThat(admin.get("/api/sessions/" + session + "/messages?before=x").statusCode())
                .isEqualTo(400);

        // From the start forwards, and around one message (where a search hit opens).
        List<Long> seqs = all.stream().map(m -> m.get("seq").asLong()).toList();
        JsonNode start = json(admin.get("/api/sessions/" + session + "/messages?after=-1&limit=3"));
        assertThat(start.get("items"))
                .extracting(m -> m.get("seq").asLong())
                .containsExactlyElementsOf(seqs.subList(0, 3));
        assertThat(start.get("nextBefore").isNull()).isTrue();
        JsonNode next = json(admin.get("/api/sessions/" + session + "/messages?limit=50&after="
                + start.get("nextAfter").asLong()));
        assertThat(next.get("items"))
                .extracting(m -> m.get("seq").asLong())
                .containsExactlyElementsOf(seqs.subList(3, 9));
        assertThat(next.get("nextAfter").isNull()).isTrue();
        assertThat(next.get("nextBefore").asLong()).isEqualTo(seqs.get(3));
        JsonNode around = json(admin.get("/api/sessions/" + session + "/messages?limit=4&around=" + seqs.get(4)));
        assertThat(around.get("items"))
                .extracting(m -> m.get("seq").asLong())
                .containsExactlyElementsOf(seqs.subList(2, 6));
        assertThat(around.get("nextBefore").asLong()).isEqualTo(seqs.get(2));
        assertThat(around.get("nextAfter").asLong()).isEqualTo(seqs.get(5));
        assertThat(json(admin.get("/api/sessions/" + session + "/messages?limit=4"))
                        .get("nextAfter")
                        .isNull())
                .isTrue();
        var both = admin.get("/api/sessions/" + session + "/messages?before=3&after=1");
        assertThat(both.statusCode()).isEqualTo(400);
        assertThat(admin.get("/api/sessions/" + session + "/messages?around=-5").statusCode())
                .isEqualTo(400);
    }

    private static List<JsonNode> iterable(JsonNode array) {
        List<JsonNode> out = new ArrayList<>();
        array.forEach(out::add);
        return out;
    }

    @Test
    void searchRenameHideAndExport() throws Exception {
        JsonNode hits = json(admin.get("/api/search?q=USE_WRITE"));
        assertThat(hits.get("items")).isNotEmpty();
        assertThat(hits.at("/items/0/sessionId").asText()).isEqualTo("ac12bf22-f31a-498a-958c-9d2bfc1878cf");
        assertThat(hits.at("/items/0/snippet").asText()).contains("<mark>");
        assertThat(hits.at("/items/0/projectName").asText()).isEqualTo("proj");
        JsonNode firstPage = json(admin.get("/api/search?q=said&limit=1"));
        assertThat(firstPage.get("items")).hasSize(1);
        JsonNode secondPage = json(admin.get("/api/search?q=said&limit=1&cursor="
                + firstPage.get("nextCursor").asText()));
        assertThat(secondPage.get("items")).as(secondPage.toString()).hasSize(1);
        assertThat(secondPage.at("/items/0/sessionId").asText())
                .isNotEqualTo(firstPage.at("/items/0/sessionId").asText());
        assertThat(admin.get("/api/search?q=said&cursor=-3").statusCode()).isEqualTo(400);

        // Within the session: the messages holding every word, for "next match".
        String withBash = "ac12bf22-f31a-498a-958c-9d2bfc1878cf";
        long firstSeq = json(admin.get("/api/sessions/" + withBash + "/messages?after=-1&limit=1"))
                .at("/items/0/seq")
                .asLong();
        JsonNode matches = json(admin.get("/api/sessions/" + withBash + "/matches?q=use_bash%20ALLOW"));
        assertThat(matches.get("items")).extracting(JsonNode::asLong).contains(firstSeq);
        assertThat(matches.get("truncated").asBoolean()).isFalse();
        assertThat(json(admin.get("/api/sessions/" + withBash + "/matches?q=allow%20giraffe"))
                        .get("items"))
                .isEmpty();
        assertThat(admin.get("/api/sessions/" + withBash + "/matches").statusCode())
                .isEqualTo(400);
        assertThat(admin.get("/api/search").statusCode()).isEqualTo(400);
        assertThat(json(admin.get("/api/search?q=%22%29%28*%3B--")).get("items"))
                .isEmpty();

        String session = "ac12bf22-f31a-498a-958c-9d2bfc1878cf";
        var renamed = admin.send("PATCH", "/api/sessions/" + session, "{\"title\":\"Permissions demo\"}");
        assertThat(json(renamed).get("title").asText()).isEqualTo("Permissions demo");

        var markdown = admin.get("/api/sessions/" + session + "/export?format=markdown");
        assertThat(markdown.statusCode()).isEqualTo(200);
        assertThat(markdown.headers().firstValue("Content-Disposition").orElseThrow())
                .contains(".md");
        assertThat(markdown.body())
                .startsWith("# Permissions demo")
                .contains("## User")
                .contains("USE_BASH allow this one")
                .contains("**Tool: Bash**");
        var exported = json(admin.get("/api/sessions/" + session + "/export?format=json"));
        assertThat(exported.get("messages")).hasSize(9);
        assertThat(admin.get("/api/sessions/" + session + "/export?format=pdf").statusCode())
                .isEqualTo(400);

        assertThat(admin.send("DELETE", "/api/sessions/" + session, null).statusCode())
                .isEqualTo(204);
        String projectId = onlyProject(admin).get("id").asText();
        assertThat(json(admin.get("/api/projects/" + projectId + "/sessions")).get("items"))
                .hasSize(2);
        assertThat(onlyProject(admin).get("sessionCount").asLong()).isEqualTo(2);
        assertThat(json(admin.get("/api/search?q=USE_WRITE")).get("items")).isEmpty();
    }

    @Test
    void membersSeeOnlyTheirOwnOrSharedProjects() throws Exception {
        ApiClient alice = admin.createMember("alice");
        ApiClient bob = admin.createMember("bob");
        assertThat(json(alice.get("/api/projects"))).isEmpty();
        String discovered = onlyProject(admin).get("id").asText();
        assertThat(alice.get("/api/projects/" + discovered).statusCode()).isEqualTo(403);
        assertThat(alice.get("/api/sessions/" + TranscriptFixtures.SESSIONS.getFirst())
                        .statusCode())
                .isEqualTo(403);
        assertThat(json(alice.get("/api/search?q=USE_WRITE")).get("items")).isEmpty();

        Path own = Files.createDirectories(folder.resolve("work").resolve("alice-app"));
        var registered = alice.post("/api/projects", "{\"path\":\"" + own + "\",\"name\":\"Alice's app\"}");
        assertThat(registered.statusCode()).isEqualTo(201);
        String aliceProject = json(registered).get("id").asText();
        assertThat(alice.post("/api/projects", "{\"path\":\"" + own + "\"}").statusCode())
                .isEqualTo(200);
        assertThat(bob.get("/api/projects/" + aliceProject).statusCode()).isEqualTo(403);
        // Another user's folder is refused like any forbidden one (it used to be 409 PROJECT_EXISTS, an existence
        // oracle).
        var taken = bob.post("/api/projects", "{\"path\":\"" + own + "\"}");
        assertThat(taken.statusCode()).isEqualTo(403);
        assertThat(json(taken).at("/error/code").asText()).isEqualTo("PROJECT_PATH_REFUSED");
        assertThat(json(admin.get("/api/projects"))).hasSize(2);

        assertThat(alice.post("/api/projects/" + aliceProject + "/members", "{\"userId\":\"" + bob.userId() + "\"}")
                        .statusCode())
                .isEqualTo(204);
        assertThat(bob.get("/api/projects/" + aliceProject).statusCode()).isEqualTo(200);
        assertThat(json(bob.get("/api/projects/" + aliceProject + "/members"))
                        .get("userIds")
                        .get(0)
                        .asText())
                .isEqualTo(bob.userId());
        assertThat(bob.send("DELETE", "/api/projects/" + aliceProject + "/members/" + bob.userId(), null)
                        .statusCode())
                .isEqualTo(403);
        assertThat(bob.send("PATCH", "/api/projects/" + aliceProject, "{\"name\":\"mine now\"}")
                        .statusCode())
                .isEqualTo(403);
        assertThat(json(alice.send("PATCH", "/api/projects/" + aliceProject, "{\"starred\":true,\"name\":\"App\"}"))
                        .get("name")
                        .asText())
                .isEqualTo("App");

        assertThat(admin.post("/api/projects/" + discovered + "/members", "{\"userId\":\"" + alice.userId() + "\"}")
                        .statusCode())
                .isEqualTo(204);
        assertThat(json(alice.get("/api/projects"))).hasSize(2);
        assertThat(alice.get("/api/sessions/" + TranscriptFixtures.SESSIONS.getFirst())
                        .statusCode())
                .isEqualTo(200);

        assertThat(alice.send("DELETE", "/api/projects/" + aliceProject + "/members/" + bob.userId(), null)
                        .statusCode())
                .isEqualTo(204);
        assertThat(bob.get("/api/projects/" + aliceProject).statusCode()).isEqualTo(403);
        assertThat(alice.send("DELETE", "/api/projects/" + aliceProject, null).statusCode())
                .isEqualTo(204);
        assertThat(json(alice.get("/api/projects"))).hasSize(1);
        assertThat(Files.isDirectory(own)).isTrue();
    }

    @Test
    void registeringRefusesPathsOutsideTheWorkspacesRootAndNonsense() throws Exception {
        for (String path : new String[] {
            "/etc",
            "relative/path",
            folder.resolve("work/../../..").toString(),
            "/nonexistent/x",
            folder.resolve("work") + "/\u0000x"
        }) {
            var response = admin.post("/api/projects", ApiClient.JSON.writeValueAsString(Map.of("path", path)));
            assertThat(response.statusCode()).as(path).isIn(400, 403);
            assertThat(response.body()).doesNotContain("Exception");
        }
        Path outside = Files.createTempDirectory("ccui-outside");
        Path link = folder.resolve("work").resolve("sneaky");
        Files.createSymbolicLink(link, outside);
        assertThat(admin.post("/api/projects", "{\"path\":\"" + link + "\"}").statusCode())
                .isEqualTo(403);
    }

    @Test
    void imagesAndLongToolOutputsAreServedSeparately() throws Exception {
        Path outside = folder.resolve("elsewhere");
        Files.createDirectories(outside);
        String sessionId = "11111111-2222-3333-4444-555555555555";
        byte[] png = Base64.getDecoder()
                .decode(
                        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==");
        String big = "line of output\n".repeat(2_000);
        var mapper = ApiClient.JSON;
        String user = mapper.writeValueAsString(Map.of(
                "type",
                "user",
                "uuid",
                "u1",
                "sessionId",
                sessionId,
                "cwd",
                outside.toString(),
                "timestamp",
                "2026-11-27T10:00:00Z",
                "message",
                Map.of(
                        "role",
                        "user",
                        "content",
                        List.of(
                                Map.of("type", "text", "text", "look at this picture"),
                                Map.of(
                                        "type",
                                        "image",
                                        "source",
                                        Map.of(
                                                "type",
                                                "base64",
                                                "media_type",
                                                "image/png",
                                                "data",
                                                Base64.getEncoder().encodeToString(png)))))));
        String assistant = mapper.writeValueAsString(Map.of(
                "type",
                "assistant",
                "uuid",
                "a1",
                "sessionId",
                sessionId,
                "cwd",
                outside.toString(),
                "timestamp",
                "2026-11-27T10:00:01Z",
                "message",
                Map.of(
                        "id",
                        "msg_1",
                        "role",
                        "assistant",
                        "model",
                        "claude-test",
                        "content",
                        List.of(Map.of(
                                "type",
                                "tool_use",
                                "id",
                                "toolu_1",
                                "name",
                                "Bash",
                                "input",
                                Map.of("command", "cat big.log"))))));
        String result = mapper.writeValueAsString(Map.of(
                "type",
                "user",
                "uuid",
                "u2",
                "sessionId",
                sessionId,
                "cwd",
                outside.toString(),
                "timestamp",
                "2026-11-27T10:00:02Z",
                "message",
                Map.of(
                        "role",
                        "user",
                        "content",
                        List.of(Map.of(
                                "type", "tool_result", "tool_use_id", "toolu_1", "content", big, "is_error", false)))));
        Path dir = Files.createDirectories(folder.resolve("claude/projects/not-an-encoding-of-its-cwd"));
        Files.writeString(
                dir.resolve(sessionId + ".jsonl"),
                user + "\n" + assistant + "\n" + result + "\n"
                        + "\u0000\u0001 garbage that is not JSON\n{\"type\":\"brand-new-record-type\",\"x\":1}\n"
                        + "{\"type\":\"user\",\"partial");
        app.application().history().indexer().scanAll();

        JsonNode messages = json(admin.get("/api/sessions/" + sessionId + "/messages"));
        assertThat(messages.get("items")).hasSize(3);
        JsonNode image = messages.at("/items/0/blocks/1");
        assertThat(image.get("type").asText()).isEqualTo("image");
        assertThat(messages.toString()).doesNotContain("iVBORw0KGgo");
        var served = admin.get(
                "/api/sessions/" + sessionId + "/images/" + image.get("imageId").asText());
        assertThat(served.statusCode()).isEqualTo(200);
        assertThat(served.headers().firstValue("Content-Type")).contains("image/png");
        assertThat(admin.get("/api/sessions/" + sessionId + "/images/9-9").statusCode())
                .isEqualTo(404);
        assertThat(admin.get("/api/sessions/" + sessionId + "/images/../../etc").statusCode())
                .isIn(400, 404);

        JsonNode output = messages.at("/items/2/blocks/0");
        assertThat(output.get("truncated").asBoolean()).isTrue();
        assertThat(output.get("fullLength").asLong()).isEqualTo(big.length());
        long seq = messages.at("/items/2/seq").asLong();
        JsonNode full = json(admin.get("/api/sessions/" + sessionId + "/tool-results/toolu_1?seq=" + seq));
        assertThat(full.get("content").asText()).isEqualTo(big);
        assertThat(admin.get("/api/sessions/" + sessionId + "/tool-results/toolu_1")
                        .statusCode())
                .isEqualTo(400);

        // The cwd is outside the workspaces root: the project is indexed, for admins only.
        ApiClient member = admin.createMember("carla");
        assertThat(json(member.get("/api/projects"))).isEmpty();
        assertThat(member.get("/api/sessions/" + sessionId).statusCode()).isEqualTo(403);
        assertThat(json(admin.get("/api/projects")))
                .extracting(p -> p.get("path").asText())
                .contains(outside.toString());
    }

    @Test
    void browsersAreToldOfAChangeFromTheWatcherWithoutAFullPass() throws Exception {
        String ticket;
        try (WsFrames frames = WsFrames.open(admin)) {
            frames.send("{\"type\":\"ping\"}");
            frames.await("pong", 5_000);

            Path transcript = transcripts.resolve(TranscriptFixtures.SESSIONS.getFirst() + ".jsonl");
            String line = Files.readAllLines(transcript).stream()
                    .filter(l -> l.contains("\"type\":\"user\""))
                    .findFirst()
                    .orElseThrow();
            Files.writeString(transcript, line + "\n", StandardOpenOption.APPEND);
            // How fast is the index benchmark's figure; what is asserted here is the path: the
            // watcher's report of this one file brings the change, no full pass over the files
            // (which would also find it, but only every few minutes).
            List<JsonNode> before = new ArrayList<>();
            JsonNode changed = null;
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            while (changed == null && System.nanoTime() < deadline) {
                String text = frames.next(Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())));
                JsonNode frame = text == null ? null : ApiClient.JSON.readTree(text);
                if (frame != null && frame.get("type").asText().equals("projects_changed")) {
                    changed = frame;
                } else if (frame != null) {
                    before.add(frame);
                }
            }
            assertThat(changed).as("projects_changed within 5 s of the append").isNotNull();
            assertThat(changed.get("projectIds").get(0).asText())
                    .isEqualTo(onlyProject(admin).get("id").asText());
            assertThat(before)
                    .as("no full pass ran before the change arrived")
                    .noneMatch(
                            frame -> frame.path("index").path("state").asText().equals("scanning"));
        }
        ticket = json(admin.post("/api/auth/ws-ticket", "")).get("ticket").asText();
        String url = admin.base().replace("http", "ws") + "/ws?ticket=" + ticket;
        HttpClient.newHttpClient()
                .newWebSocketBuilder()
                .buildAsync(URI.create(url), new WebSocket.Listener() {})
                .get(10, TimeUnit.SECONDS)
                .abort();
        assertThat(HttpClient.newHttpClient()
                        .newWebSocketBuilder()
                        .buildAsync(URI.create(url), new WebSocket.Listener() {})
                        .handle((ws, error) -> error != null)
                        .get(10, TimeUnit.SECONDS))
                .as("a used ticket is refused")
                .isTrue();
        assertThat(HttpClient.newHttpClient()
                        .newWebSocketBuilder()
                        .buildAsync(URI.create(admin.base().replace("http", "ws") + "/ws"), new WebSocket.Listener() {})
                        .handle((ws, error) -> error != null)
                        .get(10, TimeUnit.SECONDS))
                .as("no credentials are refused")
                .isTrue();
    }
}
