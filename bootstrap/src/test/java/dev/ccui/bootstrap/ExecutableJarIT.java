package dev.ccui.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ccui.adapters.persistence.db.Database;
import dev.ccui.adapters.persistence.db.DatabaseSettings;
import dev.ccui.adapters.persistence.run.JdbiRunRepository;
import dev.ccui.application.auth.port.in.Credentials;
import dev.ccui.application.auth.port.in.LoginResult;
import dev.ccui.application.common.ClientInfo;
import dev.ccui.bootstrap.config.NodeIdFile;
import dev.ccui.bootstrap.testing.JarProcess;
import dev.ccui.bootstrap.testing.TestApplication;
import dev.ccui.domain.project.ProjectId;
import dev.ccui.domain.run.NodeId;
import dev.ccui.domain.run.Run;
import dev.ccui.domain.run.RunId;
import dev.ccui.domain.run.RunState;
import dev.ccui.domain.session.SessionId;
import dev.ccui.domain.user.UserId;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The executable jar as an operator runs it: start, serve, stop on SIGTERM, refuse bad config, admin CLI. */
class ExecutableJarIT {
    private static final Pattern LISTENING = Pattern.compile("listening on http://127\\.0\\.0\\.1:(\\d+)");

    @TempDir
    Path folder;

    private Map<String, String> env() {
        Map<String, String> env = new HashMap<>(TestApplication.baseEnvironment(folder));
        env.put("HOME", folder.toString());
        return env;
    }

    @Test
    void startsServesAndStopsCleanlyOnSigterm() throws Exception {
        Map<String, String> env = env();
        env.put("METRICS_TOKEN", "operator-metrics-token-0123456789");
        try (JarProcess jar = JarProcess.start(env)) {
            String line = jar.awaitLine(l -> LISTENING.matcher(l).find(), Duration.ofSeconds(60));
            Matcher matcher = LISTENING.matcher(line);
            assertThat(matcher.find()).isTrue();
            URI health = URI.create("http://127.0.0.1:" + matcher.group(1) + "/api/health");
            var anonymous = HttpClient.newHttpClient()
                    .send(HttpRequest.newBuilder(health).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(anonymous.statusCode()).isEqualTo(200);
            assertThat(anonymous.body()).contains("\"status\":").doesNotContain("database", "version");
            // The operator's monitoring sees the checks with the metrics token.
            var response = HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(health)
                                    .header("Authorization", "Bearer operator-metrics-token-0123456789")
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.body()).contains("\"database\":{\"status\":\"up\"");

            jar.terminate();
            jar.awaitLine(l -> l.contains("Application - stopped"), Duration.ofSeconds(30));
            assertThat(jar.awaitExit(Duration.ofSeconds(30))).isIn(0, 143);
            Path data = folder.resolve("data");
            assertThat(data.resolve("combined.log")).exists();
            assertThat(Files.readString(data.resolve("combined.log"))).contains("listening on");
            assertThat(data.resolve("error.log")).exists();
            assertThat(data.resolve("ccui.db")).exists();
            // Made owner-only before anything (the logging included) wrote into it.
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(data)))
                    .isEqualTo("rwx------");
            assertThat(jar.output()).noneMatch(l -> l.contains("open to other users"));
        }
    }

    /** A data dir an earlier version left readable by others is named in a warning (not changed under the operator). */
    @Test
    void aDataDirOpenToOtherUsersIsWarnedAbout() throws Exception {
        Path data = Files.createDirectories(folder.resolve("data"));
        Files.setPosixFilePermissions(data, PosixFilePermissions.fromString("rwxr-xr-x"));
        try (JarProcess jar = JarProcess.start(env())) {
            jar.awaitLine(l -> l.contains("is open to other users of this machine"), Duration.ofSeconds(60));
            jar.terminate();
            jar.awaitExit(Duration.ofSeconds(30));
        }
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(data)))
                .isEqualTo("rwxr-xr-x");
    }

    /**
     * SQLite's native library is copied into the data dir once and loaded from there: the driver's
     * own way copies it into the temp dir and compares it byte by byte on every start.
     */
    @Test
    void sqliteNativeLibraryIsKeptInTheDataDirAndLoadedFromThere() throws Exception {
        Path kept = null;
        for (int start = 0; start < 2; start++) {
            try (JarProcess jar = JarProcess.start(env())) {
                jar.awaitLine(l -> LISTENING.matcher(l).find(), Duration.ofSeconds(60));
                Path loaded = Files.readAllLines(Path.of("/proc/" + jar.pid() + "/maps")).stream()
                        .filter(line -> line.endsWith("libsqlitejdbc.so"))
                        .map(line -> Path.of(line.substring(line.indexOf('/'))))
                        .findFirst()
                        .orElseThrow();
                assertThat(loaded).startsWith(folder.resolve("data").resolve("native"));
                if (kept == null) {
                    kept = loaded;
                } else {
                    // The second start found the copy and loaded it as it was.
                    assertThat(loaded).isEqualTo(kept);
                }
                jar.terminate();
                jar.awaitExit(Duration.ofSeconds(30));
            }
        }
        try (var folderEntries = Files.list(kept.getParent())) {
            assertThat(folderEntries).containsExactly(kept);
        }
    }

    @Test
    void productionRefusesWeakConfigurationWithOneLinePerProblem() throws Exception {
        Map<String, String> env = env();
        env.put("CCUI_ENV", "production");
        env.put("JWT_SECRET", "too-short");
        env.put("CORS_ORIGINS", "*");
        try (JarProcess jar = JarProcess.start(env)) {
            assertThat(jar.awaitExit(Duration.ofSeconds(60))).isEqualTo(Main.CONFIG_ERROR);
            assertThat(jar.output())
                    .anySatisfy(l -> assertThat(l).contains("JWT_SECRET must have at least 32 characters"))
                    .anySatisfy(l -> assertThat(l).contains("CORS_ORIGINS must list exact origins"))
                    .anySatisfy(l -> assertThat(l).contains("DATABASE_URL is required in production"))
                    .noneSatisfy(l -> assertThat(l).contains("Exception"));
        }
    }

    @Test
    void theAdminCommandLineCreatesListsAndResetsUsers() throws Exception {
        try (JarProcess create = JarProcess.start(
                env(), "users", "create", "--username", "Rescue", "--role", "admin", "--password-stdin")) {
            create.writeStdin("rescue password 1\n");
            assertThat(create.awaitExit(Duration.ofSeconds(60)))
                    .as(String.join("\n", create.output()))
                    .isZero();
            assertThat(create.output())
                    .anySatisfy(l ->
                            assertThat(l).contains("created").contains("rescue").contains("admin"));
        }
        try (JarProcess reset =
                JarProcess.start(env(), "users", "reset-password", "--username", "rescue", "--password-stdin")) {
            reset.writeStdin("rescue password 2\n");
            assertThat(reset.awaitExit(Duration.ofSeconds(60)))
                    .as(String.join("\n", reset.output()))
                    .isZero();
        }
        try (JarProcess weak =
                JarProcess.start(env(), "users", "reset-password", "--username", "rescue", "--password-stdin")) {
            weak.writeStdin("short\n");
            assertThat(weak.awaitExit(Duration.ofSeconds(60))).isEqualTo(1);
            assertThat(weak.output()).anySatisfy(l -> assertThat(l).contains("at least 10"));
        }
        Map<String, String> json = env();
        json.put("LOG_FORMAT", "json");
        try (JarProcess list = JarProcess.start(json, "users", "list")) {
            assertThat(list.awaitExit(Duration.ofSeconds(60))).isZero();
            assertThat(list.output())
                    .anySatisfy(l ->
                            assertThat(l).contains("rescue").contains("admin").contains("enabled"));
        }
        try (JarProcess revoke = JarProcess.start(env(), "sessions", "revoke-all")) {
            assertThat(revoke.awaitExit(Duration.ofSeconds(60)))
                    .as(String.join("\n", revoke.output()))
                    .isZero();
            assertThat(revoke.output())
                    .anySatisfy(l -> assertThat(l).contains("revoked").contains("session token(s)"));
        }
        // With LOG_FORMAT=json every line of the log file is one JSON object.
        var mapper = new ObjectMapper();
        List<String> lines = Files.readAllLines(folder.resolve("data").resolve("combined.log"));
        List<String> jsonLines = lines.stream().filter(l -> l.startsWith("{")).toList();
        assertThat(jsonLines).isNotEmpty();
        for (String line : jsonLines) {
            assertThat(mapper.readTree(line).has("@timestamp")).isTrue();
        }
        try (TestApplication app = TestApplication.sqlite(folder)) {
            var result = app.application()
                    .accounts()
                    .auth()
                    .login(new Credentials("rescue", "rescue password 2", ClientInfo.INTERNAL));
            assertThat(result).isInstanceOf(LoginResult.Authenticated.class);
        }
    }

    /**
     * {@code ccui users …} on the data dir of a live server shares that server's node id; it must
     * never treat the server's active runs as its own leftovers and mark them lost.
     */
    @Test
    void theAdminCommandLineLeavesTheLiveServersRunsAlone() throws Exception {
        try (TestApplication live = TestApplication.sqlite(folder);
                Database database = Database.open(
                        DatabaseSettings.sqlite(folder.resolve("data").resolve("ccui.db")))) {
            NodeId node = NodeIdFile.readOrCreate(folder.resolve("data"));
            var runs = new JdbiRunRepository(database.jdbi());
            Run running = new Run(
                    RunId.random(),
                    new SessionId(UUID.randomUUID().toString()),
                    ProjectId.random(),
                    UserId.random(),
                    RunState.RUNNING,
                    "live-run",
                    Instant.now(),
                    null,
                    node);
            assertThat(runs.insert(running)).isTrue();

            try (JarProcess list = JarProcess.start(env(), "users", "list")) {
                assertThat(list.awaitExit(Duration.ofSeconds(60)))
                        .as(String.join("\n", list.output()))
                        .isZero();
            }
            assertThat(runs.findById(running.id()).orElseThrow().state())
                    .as("the live server's run after `ccui users list` on its data dir")
                    .isEqualTo(RunState.RUNNING);
            assertThat(live.application().operations().health()).isNotNull();
        }
    }
}
