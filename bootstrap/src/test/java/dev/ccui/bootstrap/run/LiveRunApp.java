package dev.ccui.bootstrap.run;

import static dev.ccui.bootstrap.testing.ApiClient.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ccui.adapters.process.claude.FakeMessagesApi;
import dev.ccui.bootstrap.testing.ApiClient;
import dev.ccui.bootstrap.testing.TestApplication;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * The app as {@code Main} builds it, on SQLite, running the given claude CLI against a fake
 * Messages API, with an admin signed in and one project: what the live-run tests start from.
 */
record LiveRunApp(TestApplication app, ApiClient admin, Path cwd, String projectId) implements AutoCloseable {

    static LiveRunApp start(Path root, FakeMessagesApi api, String cli) throws Exception {
        Path base = root.toRealPath();
        Path cwd = Files.createDirectories(base.resolve("work").resolve("app"));
        Map<String, String> env = new HashMap<>(TestApplication.cliEnvironment(base, cli, api.baseUrl()));
        env.put("CCUI_PERMISSION_TIMEOUT", "1m");
        TestApplication app = TestApplication.sqlite(base, env);
        String url = app.startHttp();
        var login = new ApiClient(url, null)
                .post("/api/auth/login", "{\"username\":\"admin\",\"password\":\"admin password 1\"}");
        ApiClient admin = login.statusCode() == 200
                ? new ApiClient(url, json(login).get("token").asText())
                : ApiClient.setUpAdmin(url);
        String projectId = json(admin.post("/api/projects", "{\"path\":\"" + cwd + "\"}"))
                .get("id")
                .asText();
        return new LiveRunApp(app, admin, cwd, projectId);
    }

    /** {@code POST /api/runs}; a null session starts a new one, a null mode keeps the CLI's default. */
    JsonNode startRun(ApiClient client, String sessionId, String prompt, String permissionMode) {
        return startRun(client, projectId, sessionId, prompt, permissionMode);
    }

    /** {@code POST /api/runs} in any project the client may run in. */
    static JsonNode startRun(
            ApiClient client, String projectId, String sessionId, String prompt, String permissionMode) {
        ObjectNode body = JsonNodeFactory.instance
                .objectNode()
                .put("projectId", projectId)
                .put("prompt", prompt)
                .put("clientMessageId", UUID.randomUUID().toString());
        if (sessionId != null) {
            body.put("sessionId", sessionId);
        }
        if (permissionMode != null) {
            body.put("permissionMode", permissionMode);
        }
        var response = client.post("/api/runs", body.toString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
        return json(response);
    }

    @Override
    public void close() {
        app.close();
    }
}
