package dev.ccui.bootstrap.run;

import static dev.ccui.bootstrap.testing.ApiClient.json;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ccui.adapters.process.claude.FakeMessagesApi;
import dev.ccui.adapters.process.claude.TestCli;
import dev.ccui.bootstrap.testing.ApiClient;
import dev.ccui.bootstrap.testing.JarProcess;
import dev.ccui.bootstrap.testing.TestApplication;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The executable jar stopped with SIGTERM in the middle of a run leaves no claude process behind. */
@Timeout(180)
class RunsJarIT {
    private static final Pattern LISTENING = Pattern.compile("listening on http://127\\.0\\.0\\.1:(\\d+)");

    @TempDir
    Path folder;

    @Test
    void sigtermMidRunLeavesNoClaudeProcess() throws Exception {
        Path base = folder.toRealPath();
        Path cwd = Files.createDirectories(base.resolve("work").resolve("app"));
        Path home = Files.createDirectories(base.resolve("home"));
        try (FakeMessagesApi api = new FakeMessagesApi()) {
            Map<String, String> env = new HashMap<>(TestApplication.baseEnvironment(base));
            env.put("HOME", home.toString());
            env.put("CLAUDE_CLI_PATH", TestCli.path().toString());
            env.put("CCUI_WORKSPACES_ROOT", base.resolve("work").toString());
            env.putAll(TestCli.fakeApiEnvironment(api.baseUrl()));
            try (JarProcess jar = JarProcess.start(env)) {
                Matcher listening = LISTENING.matcher(
                        jar.awaitLine(l -> LISTENING.matcher(l).find(), Duration.ofSeconds(60)));
                assertThat(listening.find()).isTrue();
                ApiClient admin = ApiClient.setUpAdmin("http://127.0.0.1:" + listening.group(1));
                String projectId = json(admin.post("/api/projects", "{\"path\":\"" + cwd + "\"}"))
                        .get("id")
                        .asText();
                try (RunsHttpIT.Ws ws = new RunsHttpIT.Ws(admin)) {
                    var started = json(admin.post(
                            "/api/runs",
                            "{\"projectId\":\"" + projectId + "\",\"prompt\":\"SLOW please\",\"clientMessageId\":\""
                                    + UUID.randomUUID() + "\"}"));
                    ws.subscribe(started.get("sessionId").asText(), 0);
                    ws.awaitKind("assistant_delta");
                }
                List<ProcessHandle> children =
                        ProcessHandle.of(jar.pid()).orElseThrow().descendants().toList();
                assertThat(children).as("the claude CLI runs under the app").isNotEmpty();

                jar.terminate();
                assertThat(jar.awaitExit(Duration.ofSeconds(60))).isIn(0, 143);
                for (ProcessHandle child : children) {
                    child.onExit().get(10, TimeUnit.SECONDS);
                    assertThat(child.isAlive())
                            .as("process " + child.pid() + " " + child.info().command())
                            .isFalse();
                }
            }
        }
    }
}
