package dev.ccui.bootstrap.security;

import static dev.ccui.bootstrap.testing.ApiClient.json;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ccui.bootstrap.testing.ApiClient;
import dev.ccui.bootstrap.testing.TestApplication;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 11: a run request is checked whole (model, permission mode, tools, images) before anything
 * is stored or counted. Tools and model become arguments of the CLI, so a "tool" such as
 * {@code --dangerously-skip-permissions} must never reach it; a refused request leaves no run row,
 * no audit entry and no active-run slot.
 */
class RunRequestValidationIT {
    @TempDir
    Path folder;

    @Test
    void aRefusedRunLeavesNothingBehind() throws Exception {
        try (var app = TestApplication.sqlite(folder, Map.of("CCUI_RUNS_PER_USER", "1"))) {
            ApiClient admin = ApiClient.setUpAdmin(app.startHttp());
            ApiClient mia = admin.createMember("mia");
            Path dir = Files.createDirectories(folder.resolve("work").resolve("app"));
            String projectId = json(mia.post("/api/projects", "{\"path\":\"" + dir + "\"}"))
                    .get("id")
                    .asText();
            String[][] refused = {
                {"allowedTools", "\"allowedTools\":[\"--dangerously-skip-permissions\"]"},
                {"allowedTools", "\"allowedTools\":[\"Bash\\n--x\"]"},
                {"model", "\"model\":\"--permission-mode=bypassPermissions\""},
                {"permissionMode", "\"permissionMode\":\"yolo\""},
                {"images", "\"images\":[{\"mediaType\":\"image/svg+xml\",\"data\":\"PHN2Zz4=\"}]"},
                {"images", "\"images\":[{\"mediaType\":\"image/png\",\"data\":\"not base64!\"}]"},
                // Issue 15: documents. A zip named .pdf, an executable named .txt, a path for a name, no name.
                {
                    "attachments",
                    "\"attachments\":[{\"name\":\"a.pdf\",\"mediaType\":\"application/pdf\",\"data\":\"UEsDBA==\"}]"
                },
                {
                    "attachments",
                    "\"attachments\":[{\"name\":\"a.txt\",\"mediaType\":\"text/plain\",\"data\":\"f0VMRgIBAQA=\"}]"
                },
                {
                    "attachments",
                    "\"attachments\":[{\"name\":\"../a.txt\",\"mediaType\":\"text/plain\",\"data\":\"aGk=\"}]"
                },
                {"attachments", "\"attachments\":[{\"mediaType\":\"text/plain\",\"data\":\"aGk=\"}]"},
                {"attachments", "\"attachments\":[null]"},
            };
            int n = 0;
            for (String[] bad : refused) {
                var response = mia.post(
                        "/api/runs",
                        "{\"projectId\":\"" + projectId + "\",\"prompt\":\"hi\",\"clientMessageId\":\"c" + n++ + "\","
                                + bad[1] + "}");
                // Before issue 11 the tool and model cases were 202: a row, an audit entry, and the CLI started with
                // them.
                assertThat(response.statusCode()).as(bad[1]).isEqualTo(400);
                assertThat(json(response).at("/error/field").asText())
                        .as(bad[1])
                        .isEqualTo(bad[0]);
            }
            assertThat(json(mia.get("/api/runs")).get("items")).as("no run row").isEmpty();
            assertThat(json(admin.get("/api/audit?action=run.started")).get("items"))
                    .as("nothing audited as started")
                    .isEmpty();
            // The one active-run slot of this user is still free.
            var ok = mia.post(
                    "/api/runs",
                    "{\"projectId\":\"" + projectId + "\",\"prompt\":\"hi\",\"clientMessageId\":\"fine\","
                            + "\"model\":\"claude-sonnet-4-5\",\"allowedTools\":[\"Read\",\"Bash(git diff:*)\",\"mcp__srv__tool\"]}");
            assertThat(ok.statusCode()).as(ok.body()).isIn(200, 201, 202);
        }
    }
}
