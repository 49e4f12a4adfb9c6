package dev.ccui.bootstrap.run;

import static dev.ccui.bootstrap.testing.ApiClient.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ccui.adapters.process.claude.FakeMessagesApi;
import dev.ccui.adapters.process.claude.TestCli;
import dev.ccui.bootstrap.testing.ApiClient;
import dev.ccui.bootstrap.testing.JsonSocketClient;
import dev.ccui.bootstrap.testing.TestApplication;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 12 with everything real (the claude CLI against the fake Messages API, the PTY, git,
 * bubblewrap, pasta, cgroups): a member with every capability tries, from a Bash tool call in
 * bypassPermissions and from the web shell, to read the app's secrets and database, any process's
 * environment, another member's project and transcript, and to connect to PostgreSQL, Redis and
 * the app on loopback. Every attempt fails and the output says so; the member's own project works.
 */
class SandboxIT {
    private static final Duration WAIT = Duration.ofSeconds(60);

    @TempDir
    Path root;

    private FakeMessagesApi api;
    private TestApplication app;
    private String base;
    private ApiClient admin;
    private ApiClient mallory;
    private ApiClient bob;
    private String bobProjectId;
    private String projectId;
    private Path project;
    private Path bobFile;
    private Path bobTranscript;

    private void start(Map<String, String> extra) throws Exception {
        api = new FakeMessagesApi();
        Path folder = root.toRealPath();
        project = Files.createDirectories(folder.resolve("work/mallory"));
        Path bobProject = Files.createDirectories(folder.resolve("work/bob"));
        Map<String, String> env = new HashMap<>();
        env.put("CLAUDE_CLI_PATH", TestCli.path().toString());
        env.put("CCUI_WORKSPACES_ROOT", folder.resolve("work").toString());
        env.put("PATH", System.getenv("PATH"));
        env.put("LANG", "C.UTF-8");
        env.put("HOME", Files.createDirectories(folder.resolve("home")).toString());
        env.putAll(TestCli.fakeApiEnvironment(api.baseUrl()));
        env.putAll(extra);
        app = TestApplication.sqlite(folder, env);
        base = app.startHttp();
        admin = ApiClient.setUpAdmin(base);
        mallory = admin.createMember("mallory", "terminal", "bypassPermissions");
        bob = admin.createMember("bob");
        projectId = mallory.addProject(project);
        bobProjectId = bob.addProject(bobProject);
        bobFile = Files.writeString(bobProject.resolve("plans.txt"), "BOB-PRIVATE-PLANS");
        Path bobTranscripts = Files.createDirectories(
                folder.resolve("claude/projects").resolve(bobProject.toString().replaceAll("[^A-Za-z0-9]", "-")));
        bobTranscript = Files.writeString(
                bobTranscripts.resolve(UUID.randomUUID() + ".jsonl"), "{\"BOB-PRIVATE-TRANSCRIPT\":1}\n");
    }

    @AfterEach
    void stop() {
        if (app != null) {
            app.close();
        }
        if (api != null) {
            api.close();
        }
    }

    /** One line of shell that reports each attempt as ...-OK or ...-DENIED. */
    private String probe() {
        Path data = root.resolve("data");
        int appPort = URI.create(base).getPort();
        long jvm = ProcessHandle.current().pid();
        // The words are put together when the script runs, so the echo of the typed command cannot pass for a result.
        StringBuilder script = new StringBuilder("R=OK; D=DENIED; ");
        for (Path file : List.of(
                data.resolve("jwt-secret"), data.resolve("ccui.db"), data.resolve("node-id"), bobFile, bobTranscript)) {
            script.append("if head -c1 ")
                    .append(file)
                    .append(" >/dev/null 2>&1; then echo READ-$R ")
                    .append(file)
                    .append("; else echo READ-$D ")
                    .append(file)
                    .append("; fi; ");
        }
        // /proc/1 and every /proc/*: only the sandbox's own processes (bubblewrap's init is pid 1), none is the
        // app (a java process) and no environment holds an app setting or secret.
        script.append("n=0; for p in /proc/[0-9]*; do n=$((n+1)); if grep -qa ja[v]a $p/cmdline 2>/dev/null "
                + "|| grep -qa -e JWT_SECRET -e CCUI_ -e DATABASE_URL -e xxxxxxxxxxxxxxxx $p/environ 2>/dev/null; "
                + "then echo ENVIRON-$R $p; fi; done; echo ENVIRONS-SEEN-$R $n; ");
        script.append(
                "if grep -qa ja[v]a /proc/1/cmdline 2>/dev/null || grep -qa -e CCUI_ -e JWT_SECRET /proc/1/environ; "
                        + "then echo PROC1-APP-$R; else echo PROC1-APP-$D; fi; ");
        script.append("if grep -qa ja[v]a /proc/")
                .append(jvm)
                .append("/cmdline 2>/dev/null; then echo APP-PROCESS-$R; else echo APP-PROCESS-$D; fi; ");
        for (int port : List.of(5432, 6379, appPort)) {
            script.append("if (exec 3<>/dev/tcp/127.0.0.1/")
                    .append(port)
                    .append(") 2>/dev/null; then echo CONNECT-$R ")
                    .append(port)
                    .append("; else echo CONNECT-$D ")
                    .append(port)
                    .append("; fi; ");
        }
        script.append("echo mine > own.txt && cat own.txt | sed s/mine/OWN-FILE-$R/");
        return script.toString();
    }

    private static void assertAllDenied(String output) {
        assertThat(output)
                .contains(
                        "PROC1-APP-DENIED",
                        "ENVIRONS-SEEN-OK",
                        "APP-PROCESS-DENIED",
                        "CONNECT-DENIED 5432",
                        "CONNECT-DENIED 6379",
                        "OWN-FILE-OK");
        assertThat(Pattern.compile("READ-DENIED").matcher(output).results().count())
                .isGreaterThanOrEqualTo(5);
        assertThat(output)
                .doesNotContain("READ-OK", "ENVIRON-OK", "CONNECT-OK", "APP-PROCESS-OK", "PROC1-APP-OK", "BOB-PRIVATE");
    }

    @Test
    void aBashToolCallInBypassPermissionsReachesNothingButItsProject() throws Exception {
        start(Map.of("JWT_SECRET", "x".repeat(40)));
        String probe = probe();
        BypassRun run = BypassRun.of(mallory, projectId, "BASH " + probe);
        assertThat(run.text()).contains("Tool finished (is_error=false)");
        assertAllDenied(run.text());
        assertThat(project.resolve("own.txt")).hasContent("mine");

        // The transcript landed where the index reads it, and the member sees the session.
        app.application().history().indexer().scanAll();
        assertThat(mallory.get("/api/sessions/" + run.sessionId()).statusCode()).isEqualTo(200);
        assertThat(json(admin.get("/api/health"))
                        .path("checks")
                        .path("sandbox")
                        .path("mode")
                        .asText())
                .isEqualTo("bwrap");
    }

    @Test
    void theSameAttemptsInTheWebShellFailAndTheShellReattaches() throws Exception {
        start(Map.of());
        JsonSocketClient shell = terminal();
        String terminalId = shell.openTerminal(200, 50);
        shell.input(probe() + "; echo PROBE-$R-DONE\n");
        shell.awaitOutput(Pattern.compile("PROBE-OK-DONE"));
        assertAllDenied(shell.output());
        long seen = shell.lastSeq();
        shell.abort();

        JsonSocketClient again = terminal();
        again.attach(terminalId, seen);
        again.input("echo back-$((40+2))\n");
        again.awaitOutput(Pattern.compile("back-42"));
    }

    /**
     * Issue 16: the web shell is its user's own terminal, so the {@code claude} typed there has that user's CLI
     * configuration (here the memory file), writable as at any terminal, and never another account's. A link
     * planted there (to the app's JWT secret) leads nowhere when a later run gets the folder.
     */
    @Test
    void theShellHasItsUsersOwnCliConfigurationAndNoOneElses() throws Exception {
        start(Map.of());
        assertThat(mallory.send("PUT", "/api/memory/user", "{\"content\":\"MALLORY-MEMORY\"}")
                        .statusCode())
                .isEqualTo(200);
        assertThat(bob.send("PUT", "/api/memory/user", "{\"content\":\"BOB-MEMORY\"}")
                        .statusCode())
                .isEqualTo(200);
        Path bobConfig = root.toRealPath().resolve("data/cli-config").resolve(bob.userId());
        assertThat(bobConfig.resolve("CLAUDE.md")).hasContent("BOB-MEMORY");
        JsonSocketClient shell = terminal();
        shell.openTerminal(200, 50);
        shell.input("R=OK; D=DENIED; sed s/MALLORY/SEEN-MALLORY/ \"$CLAUDE_CONFIG_DIR/CLAUDE.md\"; echo;"
                + " if cat " + bobConfig.resolve("CLAUDE.md") + " >/dev/null 2>&1; then echo BOB-CONFIG-$R;"
                + " else echo BOB-CONFIG-$D; fi;"
                + " echo ' EDITED-IN-THE-SHELL' >> \"$CLAUDE_CONFIG_DIR/CLAUDE.md\" && echo WROTE-$R;"
                + " ln -sf ../../jwt-secret \"$(readlink \"$CLAUDE_CONFIG_DIR/settings.json\")\" && echo PLANTED-$R;"
                + " echo SHELL-$R-DONE\n");
        shell.awaitOutput(Pattern.compile("SHELL-OK-DONE"));
        assertThat(shell.output())
                .contains("SEEN-MALLORY-MEMORY", "BOB-CONFIG-DENIED", "WROTE-OK", "PLANTED-OK")
                .doesNotContain("BOB-MEMORY");
        assertThat(json(mallory.get("/api/memory/user")).get("content").asText())
                .isEqualTo("MALLORY-MEMORY EDITED-IN-THE-SHELL\n");
        assertThat(bobConfig.resolve("CLAUDE.md")).hasContent("BOB-MEMORY");
        assertThat(bobConfig.resolve("settings.json")).doesNotExist();

        String secret = Files.readString(root.resolve("data/jwt-secret")).strip();
        String all = BypassRun.of(
                        mallory,
                        projectId,
                        "BASH cat \"$CLAUDE_CONFIG_DIR/CLAUDE.md\" \"$CLAUDE_CONFIG_DIR/settings.json\"; echo RUN-DONE")
                .text();
        assertThat(all).contains("MALLORY-MEMORY EDITED-IN-THE-SHELL", "RUN-DONE");
        assertThat(all).doesNotContain(secret, "BOB-MEMORY");
    }

    @Test
    void aForkBombInOneShellLeavesHealthAnswering() throws Exception {
        start(Map.of("CCUI_SANDBOX_PIDS", "64", "CCUI_SANDBOX_CPUS", "1"));
        HttpClient http = HttpClient.newHttpClient();
        List<Long> before = healthLatencies(http, 10);
        JsonSocketClient shell = terminal();
        shell.openTerminal(200, 50);
        shell.input("bomb() { bomb | bomb & }; bomb\n");
        shell.awaitOutput(Pattern.compile("(?i)resource temporarily unavailable|retry"));
        List<Long> during = healthLatencies(http, 20);
        long usual = before.stream().mapToLong(Long::longValue).max().orElseThrow();
        long worst = during.stream().mapToLong(Long::longValue).max().orElseThrow();
        // Usual latency here is a few ms; a CPU or PID exhaustion would stall it for seconds.
        assertThat(worst)
                .as("health during the fork bomb (ms), before: %s", before)
                .isLessThan(Math.max(500, usual * 20));
    }

    /** The replay of issue 12 over HTTP: a repository planted with the file API in a project without .git runs nothing. */
    @Test
    void aRepositoryPlantedWithTheFileApiIsNotARepositoryAndItsFilterNeverRuns() throws Exception {
        start(Map.of());
        Path marker = root.resolve("filter-ran");
        Map<String, String> files = new LinkedHashMap<>();
        files.put("HEAD", "ref: refs/heads/main\n");
        files.put(
                "config",
                "[core]\n\trepositoryformatversion = 0\n\tbare = false\n\tworktree = " + project
                        + "\n[filter \"x\"]\n\tclean = touch " + marker + "\n");
        files.put("info/attributes", "* filter=x\n");
        files.put("a.txt", "data\n");
        String files0 = "/api/projects/" + projectId + "/files/content?path=";
        for (String dir : List.of("objects", "objects/info", "objects/pack", "refs", "refs/heads", "info")) {
            assertThat(mallory.post(files0 + dir, "{\"type\":\"directory\"}").statusCode())
                    .isEqualTo(201);
        }
        for (var file : files.entrySet()) {
            var created = mallory.post(
                    files0 + file.getKey(), ApiClient.JSON.writeValueAsString(Map.of("content", file.getValue())));
            assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        }
        var staged = mallory.post("/api/projects/" + projectId + "/git/stage", "{\"paths\":[\".\"]}");
        assertThat(staged.statusCode()).isEqualTo(409);
        assertThat(json(staged).path("error").path("code").asText()).isEqualTo("NOT_A_REPOSITORY");
        assertThat(mallory.get("/api/projects/" + projectId + "/git/status").statusCode())
                .isEqualTo(409);
        assertThat(marker).doesNotExist();
    }

    @Test
    void capabilitiesAndScopesAreRequiredAndEveryRefusalIsAudited() throws Exception {
        start(Map.of());
        var refused = bob.post(
                "/api/runs",
                ApiClient.JSON.writeValueAsString(Map.of(
                        "projectId",
                        bobProjectId,
                        "prompt",
                        "hi",
                        "permissionMode",
                        "bypassPermissions",
                        "clientMessageId",
                        UUID.randomUUID().toString())));
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(json(refused).path("error").path("code").asText()).isEqualTo("CAPABILITY_REQUIRED");
        assertThat(JsonSocketClient.handshakeStatus(
                        () -> JsonSocketClient.withTicket(bob, "/ws/terminal?projectId=" + bobProjectId)))
                .isEqualTo(403);

        String apiOnly = json(mallory.post("/api/api-keys", "{\"name\":\"ci\",\"scopes\":[\"api\"]}"))
                .get("secret")
                .asText();
        String bypass = json(mallory.post(
                        "/api/api-keys", "{\"name\":\"yolo\",\"scopes\":[\"api\",\"bypassPermissions\"]}"))
                .get("secret")
                .asText();
        String run = ApiClient.JSON.writeValueAsString(Map.of(
                "projectId",
                projectId,
                "prompt",
                "hi",
                "permissionMode",
                "bypassPermissions",
                "clientMessageId",
                UUID.randomUUID().toString()));
        var noScope = withKey(apiOnly, run);
        assertThat(noScope.statusCode()).isEqualTo(403);
        assertThat(json(noScope).path("error").path("code").asText()).isEqualTo("SCOPE_REQUIRED");
        assertThat(withKey(bypass, run).statusCode()).isEqualTo(202);

        JsonNode users = json(admin.get("/api/users"));
        assertThat(users.toString()).contains("\"username\":\"mallory\"");
        for (JsonNode user : users.has("items") ? users.get("items") : users) {
            String expected = switch (user.get("username").asText()) {
                case "mallory" -> "[\"bypassPermissions\",\"terminal\"]";
                case "bob" -> "[]";
                default -> "[\"bypassPermissions\",\"terminal\"]";
            };
            assertThat(user.get("capabilities").toString()).isEqualTo(expected);
        }
        String audit = json(admin.get("/api/audit?action=access.capability_refused&limit=50"))
                .toString();
        assertThat(audit).contains("bob", "mallory");
    }

    private HttpResponse<String> withKey(String key, String body) throws Exception {
        return HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(base + "/api/runs"))
                                .header("X-API-Key", key)
                                .header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString(body))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void withoutTheSandboxASecondAccountIsRefused(@TempDir Path other) throws Exception {
        app = TestApplication.sqlite(other.toRealPath(), Map.of("CCUI_SANDBOX", "none"));
        base = app.startHttp();
        admin = ApiClient.setUpAdmin(base);
        var second = admin.post("/api/users", "{\"username\":\"second\",\"password\":\"second password 1\"}");
        assertThat(second.statusCode()).isEqualTo(409);
        assertThat(json(second).path("error").path("code").asText()).isEqualTo("SANDBOX_REQUIRED");
        assertThat(json(admin.get("/api/health"))
                        .path("checks")
                        .path("sandbox")
                        .path("mode")
                        .asText())
                .isEqualTo("none");
    }

    private List<Long> healthLatencies(HttpClient http, int count) throws Exception {
        List<Long> latencies = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            long start = System.nanoTime();
            var response = http.send(
                    HttpRequest.newBuilder(URI.create(base + "/api/health"))
                            .timeout(Duration.ofSeconds(30))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            latencies.add(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start));
            assertThat(response.statusCode()).isIn(200, 503);
        }
        return latencies;
    }

    /** A terminal socket of mallory's on her project. */
    private JsonSocketClient terminal() {
        return JsonSocketClient.withTicket(mallory, "/ws/terminal?projectId=" + projectId)
                .waitingUpTo(WAIT);
    }
}
