package dev.ccui.bootstrap.mcp;

import static dev.ccui.bootstrap.testing.ApiClient.json;
import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ccui.adapters.process.claude.FakeMessagesApi;
import dev.ccui.adapters.process.claude.TestCli;
import dev.ccui.bootstrap.testing.ApiClient;
import dev.ccui.bootstrap.testing.TestApplication;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * MCP servers through the real claude CLI 2.1.328 in the real sandbox: a member adds a stdio server (a
 * small MCP server in the project, which the CLI's health check finds connected) and an HTTP one with a
 * secret header, lists them with their status, removes them. The secrets never come back, nor reach the
 * log; another member neither sees the project's servers nor the first member's user-scope ones; hostile
 * names and settings are refused with 400 before any CLI starts.
 */
class McpServersHttpIT {
    private static final String ENV_SECRET = "env-secret-4f1e9a";
    private static final String HEADER_SECRET = "header-secret-77c2d0";

    @TempDir
    Path root;

    private FakeMessagesApi api;
    private TestApplication app;
    private ApiClient alice;
    private ApiClient bob;
    private String aliceProject;
    private String bobProject;
    private ListAppender<ILoggingEvent> logs;

    @BeforeEach
    void start() throws Exception {
        logs = new ListAppender<>();
        logs.start();
        ((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).addAppender(logs);
        api = new FakeMessagesApi();
        Path folder = root.toRealPath();
        Path aliceFolder = Files.createDirectories(folder.resolve("work/alice"));
        Path bobFolder = Files.createDirectories(folder.resolve("work/bob"));
        try (InputStream server = getClass().getResourceAsStream("/mcp/echo-server.js")) {
            Files.write(aliceFolder.resolve("echo-server.js"), server.readAllBytes());
        }
        app = TestApplication.sqlite(
                folder, TestApplication.cliEnvironment(folder, TestCli.path().toString(), api.baseUrl()));
        String base = app.startHttp();
        ApiClient admin = ApiClient.setUpAdmin(base);
        alice = admin.createMember("alice");
        bob = admin.createMember("bob");
        aliceProject = json(alice.post("/api/projects", "{\"path\":\"" + aliceFolder + "\"}"))
                .get("id")
                .asText();
        bobProject = json(bob.post("/api/projects", "{\"path\":\"" + bobFolder + "\"}"))
                .get("id")
                .asText();
    }

    @AfterEach
    void stop() {
        ((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).detachAppender(logs);
        if (app != null) {
            app.close();
        }
        if (api != null) {
            api.close();
        }
    }

    private String servers(String projectId) {
        return "/api/projects/" + projectId + "/mcp-servers";
    }

    private static ObjectNode stdio(String name) {
        ObjectNode body =
                JsonNodeFactory.instance.objectNode().put("name", name).put("command", "/usr/bin/node");
        body.putArray("args").add("echo-server.js");
        body.putObject("env").put("API_TOKEN", ENV_SECRET);
        return body;
    }

    private static ObjectNode http(String name) {
        ObjectNode body = JsonNodeFactory.instance
                .objectNode()
                .put("name", name)
                .put("transport", "http")
                .put("scope", "user")
                .put("url", "http://127.0.0.1:9/mcp");
        body.putObject("headers").put("Authorization", "Bearer " + HEADER_SECRET);
        return body;
    }

    private JsonNode list(ApiClient who, String projectId) {
        var listed = who.get(servers(projectId));
        assertThat(listed.statusCode()).as(listed.body()).isEqualTo(200);
        assertThat(listed.body()).doesNotContain(ENV_SECRET).doesNotContain(HEADER_SECRET);
        return json(listed).get("items");
    }

    private static JsonNode named(JsonNode items, String name) {
        for (JsonNode item : items) {
            if (item.get("name").asText().equals(name)) {
                return item;
            }
        }
        return null;
    }

    @Test
    void aStdioAndAnHttpServerAreAddedListedWithTheirStatusAndRemoved() {
        assertThat(list(alice, aliceProject)).isEmpty();

        var added = alice.post(servers(aliceProject), stdio("echo").toString());
        assertThat(added.statusCode()).as(added.body()).isEqualTo(201);
        assertThat(json(added).get("scope").asText()).isEqualTo("local");
        var addedHttp = alice.post(servers(aliceProject), http("remote").toString());
        assertThat(addedHttp.statusCode()).as(addedHttp.body()).isEqualTo(201);
        assertThat(alice.post(servers(aliceProject), http("remote").toString()).statusCode())
                .isEqualTo(409);

        JsonNode items = list(alice, aliceProject);
        assertThat(items).hasSize(2);
        JsonNode echo = named(items, "echo");
        assertThat(echo.get("scope").asText()).isEqualTo("local");
        assertThat(echo.get("transport").asText()).isEqualTo("stdio");
        assertThat(echo.get("command").asText()).isEqualTo("/usr/bin/node");
        assertThat(echo.get("envNames").get(0).asText()).isEqualTo("API_TOKEN");
        assertThat(echo.get("status").asText()).as(echo.toString()).isEqualTo("connected");
        JsonNode remote = named(items, "remote");
        assertThat(remote.get("scope").asText()).isEqualTo("user");
        assertThat(remote.get("transport").asText()).isEqualTo("http");
        assertThat(remote.get("url").asText()).isEqualTo("http://127.0.0.1:9/mcp");
        assertThat(remote.get("headerNames").get(0).asText()).isEqualTo("Authorization");
        assertThat(remote.get("status").asText()).isEqualTo("failed");

        // Each account has its own CLI configuration: bob's project shows none of alice's servers.
        assertThat(list(bob, bobProject)).isEmpty();

        assertThat(alice.send("DELETE", servers(aliceProject) + "/echo", null).statusCode())
                .isEqualTo(204);
        assertThat(alice.send("DELETE", servers(aliceProject) + "/remote?scope=user", null)
                        .statusCode())
                .isEqualTo(204);
        var again = alice.send("DELETE", servers(aliceProject) + "/echo", null);
        assertThat(again.statusCode()).isEqualTo(404);
        assertThat(json(again).get("error").get("code").asText()).isEqualTo("MCP_SERVER_NOT_FOUND");
        assertThat(list(alice, aliceProject)).isEmpty();

        List<String> logged = new ArrayList<>();
        logs.list.forEach(event -> logged.add(event.getFormattedMessage()));
        assertThat(String.join("\n", logged)).doesNotContain(ENV_SECRET).doesNotContain(HEADER_SECRET);
    }

    @Test
    void anotherMemberCanNeitherSeeNorChangeTheProjectsServers() {
        assertThat(alice.post(servers(aliceProject), stdio("echo").toString()).statusCode())
                .isEqualTo(201);

        assertThat(bob.get(servers(aliceProject)).statusCode()).isIn(403, 404);
        assertThat(bob.post(servers(aliceProject), stdio("mine").toString()).statusCode())
                .isIn(403, 404);
        assertThat(bob.post(servers(aliceProject), "{}").statusCode()).isIn(403, 404);
        assertThat(bob.send("DELETE", servers(aliceProject) + "/echo", null).statusCode())
                .isIn(403, 404);
        assertThat(named(list(alice, aliceProject), "echo")).isNotNull();
    }

    @Test
    void hostileNamesAndSettingsAreRefusedWith400() {
        List<ObjectNode> hostile = new ArrayList<>();
        for (String name : List.of(
                "a;touch pwned", "--foo", "-s", "$(id)", "`id`", "a b", "a/../b", "_x", "", "x".repeat(65), "é")) {
            hostile.add(stdio(name));
        }
        ObjectNode hugeEnv = stdio("huge");
        ObjectNode env = hugeEnv.putObject("env");
        for (int i = 0; i < 65; i++) {
            env.put("VAR_" + i, "v");
        }
        hostile.add(hugeEnv);
        ObjectNode hugeValue = stdio("huge2");
        hugeValue.putObject("env").put("BIG", "x".repeat(9000));
        hostile.add(hugeValue);
        ObjectNode badEnvName = stdio("badenv");
        badEnvName.putObject("env").put("A=B", "v");
        hostile.add(badEnvName);
        ObjectNode crlfHeader = http("crlf");
        crlfHeader.putObject("headers").put("X-A", "v\r\nX-Injected: 1");
        hostile.add(crlfHeader);
        ObjectNode fileUrl = http("file");
        fileUrl.put("url", "file:///etc/passwd");
        hostile.add(fileUrl);
        ObjectNode noCommand = JsonNodeFactory.instance.objectNode().put("name", "nocmd");
        hostile.add(noCommand);
        ObjectNode badScope = stdio("scoped");
        badScope.put("scope", "--scope=user");
        hostile.add(badScope);
        ObjectNode badTransport = stdio("ws");
        badTransport.put("transport", "ws");
        hostile.add(badTransport);
        ObjectNode manyArgs = stdio("args");
        var args = manyArgs.putArray("args");
        for (int i = 0; i < 65; i++) {
            args.add("a");
        }
        hostile.add(manyArgs);

        for (ObjectNode body : hostile) {
            var refused = alice.post(servers(aliceProject), body.toString());
            assertThat(refused.statusCode()).as(body.toString()).isEqualTo(400);
            assertThat(json(refused).get("error").get("code").asText()).isEqualTo("INVALID");
        }
        for (String name : List.of("--foo", "-s", "a;b", "_x")) {
            assertThat(alice.send("DELETE", servers(aliceProject) + "/" + name, null)
                            .statusCode())
                    .as(name)
                    .isEqualTo(400);
        }
        assertThat(alice.send("DELETE", servers(aliceProject) + "/echo?scope=--all", null)
                        .statusCode())
                .isEqualTo(400);
        assertThat(list(alice, aliceProject)).isEmpty();
        assertThat(root.resolve("work/alice/pwned")).doesNotExist();
    }
}
