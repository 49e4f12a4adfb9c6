package dev.ccui.bootstrap.ops;

import static dev.ccui.bootstrap.ops.OpsTools.figure;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ccui.adapters.process.claude.FakeMessagesApi;
import dev.ccui.adapters.process.claude.TestCli;
import dev.ccui.bootstrap.testing.ApiClient;
import dev.ccui.bootstrap.testing.TestApplication;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * ops/backup end to end: data made through the API, an online backup with the project's script
 * while the app runs, the app stopped, its database wiped, restore.sh, the app started again on
 * the restored data. Users, projects, audit entries, runs and the session event log are compared;
 * the runs are real ones (the pinned claude CLI against a fake Messages API, started through
 * {@code POST /api/runs}), and a run made after the backup must be gone after the restore.
 */
@Timeout(300)
class BackupRestoreIT {
    private static final Duration RUN_WAIT = Duration.ofSeconds(90);

    @TempDir
    Path folder;

    private FakeMessagesApi messagesApi;

    /** What must survive: users, projects, audit entries, runs and run events (as admin and owner see them). */
    record Snapshot(
            List<String> users, List<String> projects, List<String> audit, List<String> runs, List<String> events) {}

    @BeforeEach
    void startMessagesApi() throws IOException {
        messagesApi = new FakeMessagesApi();
    }

    @AfterEach
    void stopMessagesApi() {
        messagesApi.close();
    }

    /** The app's environment for live runs: the real CLI, talking only to the fake Messages API. */
    private Map<String, String> runEnvironment(Map<String, String> extra) throws IOException {
        Path home = Files.createDirectories(folder.resolve("home"));
        Path tmp = Files.createDirectories(folder.resolve("tmp"));
        Map<String, String> env = new HashMap<>(extra);
        env.put("CLAUDE_CLI_PATH", TestCli.path().toString());
        env.put("PATH", System.getenv("PATH"));
        env.put("LANG", "C.UTF-8");
        env.put("HOME", home.toString());
        env.put("TMPDIR", tmp.toString());
        env.put("CLAUDE_CODE_TMPDIR", tmp.toString());
        env.putAll(TestCli.fakeApiEnvironment(messagesApi.baseUrl()));
        return env;
    }

    private Snapshot makeData(String base) throws IOException {
        ApiClient admin = ApiClient.setUpAdmin(base);
        ApiClient alice = admin.createMember("alice");
        admin.createMember("bob");
        Path project = Files.createDirectories(folder.resolve("work/demo"));
        var registered =
                alice.post("/api/projects", "{\"path\":\"" + project.toRealPath() + "\",\"name\":\"Demo app\"}");
        assertThat(registered.statusCode()).as(registered.body()).isEqualTo(201);
        new ApiClient(base, null).post("/api/auth/login", "{\"username\":\"alice\",\"password\":\"not it\"}");
        String projectId = ApiClient.json(registered).get("id").asText();
        runToTheEnd(alice, projectId, null, "hello before the backup");
        return snapshot(base, "alice");
    }

    /** Starts a run as the user and waits (polling, with a deadline) for it to end; returns its session. */
    private static String runToTheEnd(ApiClient user, String projectId, String sessionId, String prompt) {
        String session = sessionId == null ? "" : ",\"sessionId\":\"" + sessionId + "\"";
        var started = user.post(
                "/api/runs",
                "{\"projectId\":\"" + projectId + "\",\"prompt\":\"" + prompt + "\"" + session
                        + ",\"clientMessageId\":\"" + UUID.randomUUID() + "\"}");
        assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
        String runId = ApiClient.json(started).get("runId").asText();
        long deadline = System.nanoTime() + RUN_WAIT.toNanos();
        JsonNode run = ApiClient.json(user.get("/api/runs/" + runId));
        while (run.get("endedAt").isNull() && System.nanoTime() < deadline) {
            LockSupport.parkNanos(Duration.ofMillis(100).toNanos());
            run = ApiClient.json(user.get("/api/runs/" + runId));
        }
        assertThat(run.get("state").asText()).as(run.toString()).isEqualTo("completed");
        return run.get("sessionId").asText();
    }

    /** After the backup: a second run in the same session, whose run and events the restore must drop. */
    private static void runAfterBackup(String base, String runsSessionId) {
        ApiClient alice = signIn(base, "alice");
        String projectId =
                ApiClient.json(alice.get("/api/projects")).get(0).get("id").asText();
        runToTheEnd(alice, projectId, runsSessionId, "hello after the backup");
    }

    private static ApiClient signIn(String base, String user) {
        var login = new ApiClient(base, null)
                .post("/api/auth/login", "{\"username\":\"" + user + "\",\"password\":\"" + user + " password 1\"}");
        assertThat(login.statusCode()).as(login.body()).isEqualTo(200);
        return new ApiClient(base, ApiClient.json(login).get("token").asText());
    }

    private static Snapshot snapshot(String base, String projectOwner) {
        ApiClient admin = signIn(base, "admin");
        List<String> users = new ArrayList<>();
        for (JsonNode u : ApiClient.json(admin.get("/api/users"))) {
            users.add(u.get("id").asText() + " " + u.get("username").asText() + " "
                    + u.get("role").asText());
        }
        List<String> projects = new ArrayList<>();
        for (JsonNode p : ApiClient.json(signIn(base, projectOwner).get("/api/projects"))) {
            projects.add(p.get("id").asText() + " " + p.get("name").asText() + " "
                    + p.get("path").asText());
        }
        List<String> audit = new ArrayList<>();
        for (JsonNode e : ApiClient.json(admin.get("/api/audit?limit=200")).get("items")) {
            audit.add(e.get("id").asText() + " " + e.get("at").asText() + " "
                    + e.get("action").asText() + " " + e.get("target").asText() + " "
                    + e.get("success").asText());
        }
        List<String> runs = new ArrayList<>();
        List<String> events = new ArrayList<>();
        ApiClient owner = signIn(base, projectOwner);
        for (JsonNode r : ApiClient.json(admin.get("/api/runs")).get("items")) {
            runs.add(r.get("id").asText() + " " + r.get("sessionId").asText() + " "
                    + r.get("userId").asText() + " " + r.get("state").asText() + " "
                    + r.get("startedAt").asText() + " " + r.get("endedAt").asText());
        }
        for (String sessionId :
                new TreeSet<>(runs.stream().map(r -> r.split(" ")[1]).toList())) {
            var page = owner.get("/api/sessions/" + sessionId + "/events?afterSeq=0&limit=1000");
            assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
            // The whole logged event as served: seq, run, time and the typed payload.
            ApiClient.json(page).get("items").forEach(e -> events.add(e.toString()));
        }
        return new Snapshot(
                List.copyOf(new TreeSet<>(users)),
                List.copyOf(new TreeSet<>(projects)),
                audit,
                List.copyOf(new TreeSet<>(runs)),
                events);
    }

    private static String onlySession(Snapshot snapshot) {
        assertThat(snapshot.runs()).hasSize(1);
        return snapshot.runs().get(0).split(" ")[1];
    }

    /** The audit entries of the snapshot that existed at backup time (the sign-ins of snapshot() itself add more). */
    private static void assertRestored(Snapshot before, Snapshot after) {
        assertThat(after.users()).isEqualTo(before.users());
        assertThat(after.projects()).isEqualTo(before.projects());
        assertThat(after.audit()).containsAll(before.audit());
        assertThat(after.users()).noneMatch(u -> u.contains(" carol "));
        assertThat(before.events())
                .extracting(e -> ApiClient.json(e).get("event").get("kind").asText())
                .startsWith("run_started")
                .contains("assistant_text", "result")
                .endsWith("run_ended");
        assertThat(after.runs()).isEqualTo(before.runs());
        assertThat(after.events()).isEqualTo(before.events());
    }

    @Test
    void sqliteOnlineBackupWipeRestore() throws Exception {
        Path backups = folder.resolve("backups");
        Path db = folder.resolve("data/ccui.db");
        Snapshot before;
        OpsTools.Result backup;
        Map<String, String> env = runEnvironment(Map.of());
        try (var app = TestApplication.sqlite(folder, env)) {
            String base = app.startHttp();
            before = makeData(base);
            // Online: the app keeps running (and writing) while the script copies.
            backup = OpsTools.run(
                    List.of(
                            "bash",
                            OpsTools.opsDir().resolve("backup/backup-sqlite.sh").toString(),
                            db.toString(),
                            backups.toString(),
                            "3"),
                    60);
            assertThat(backup.exit()).as(backup.output()).isZero();
            signIn(base, "admin").createMember("carol"); // after the backup: must be gone after the restore
            runAfterBackup(base, onlySession(before));
        }
        backup.output().lines().forEach(l -> figure("sqlite " + l));

        // Wipe the database (and its WAL), as a lost disk would.
        for (String suffix : List.of("", "-wal", "-shm")) {
            Files.deleteIfExists(Path.of(db + suffix));
        }
        Path file = onlyFile(backups, ".db");
        var restore = OpsTools.run(
                List.of(
                        "bash",
                        OpsTools.opsDir().resolve("backup/restore.sh").toString(),
                        "--yes",
                        file.toString(),
                        db.toString()),
                60);
        assertThat(restore.exit()).as(restore.output()).isZero();
        restore.output().lines().forEach(l -> figure("sqlite " + l));

        try (var app = TestApplication.sqlite(folder, env)) {
            Snapshot after = snapshot(app.startHttp(), "alice");
            assertRestored(before, after);
            figure("sqlite restore: " + after.users().size() + " users, "
                    + after.projects().size() + " project(s), "
                    + before.audit().size() + " audit entries, " + after.runs().size() + " run(s) and "
                    + after.events().size()
                    + " run events of the backup found again; the user and the run made after the backup are gone");
        }
    }

    @Test
    void postgresBackupWipeRestore() throws Exception {
        assertThat(OpsTools.onPath("pg_dump") && OpsTools.onPath("pg_restore"))
                .as("pg_dump/pg_restore installed (.ci/run: apt-get install postgresql-client)")
                .isTrue();
        Matcher url =
                Pattern.compile("^(jdbc:postgresql://[^/]+/)([^?]+)(\\?.*)?$").matcher(TestApplication.POSTGRES_URL);
        assertThat(url.matches()).as(TestApplication.POSTGRES_URL).isTrue();
        String name = "ccui_backup_it_"
                + UUID.randomUUID().toString().replace("-", "").substring(0, 10).toLowerCase(Locale.ROOT);
        String databaseUrl = url.group(1) + name + (url.group(3) == null ? "" : url.group(3));
        sql(TestApplication.POSTGRES_URL, "CREATE DATABASE " + name);
        try {
            Path backups = folder.resolve("pg-backups");
            Map<String, String> env = runEnvironment(Map.of("DATABASE_URL", databaseUrl));
            Snapshot before;
            OpsTools.Result backup;
            try (var app = TestApplication.sqlite(folder, env)) {
                String base = app.startHttp();
                before = makeData(base);
                backup = OpsTools.run(
                        List.of(
                                "bash",
                                OpsTools.opsDir()
                                        .resolve("backup/backup-postgres.sh")
                                        .toString(),
                                backups.toString(),
                                "3"),
                        env,
                        120);
                assertThat(backup.exit()).as(backup.output()).isZero();
                assertThat(backup.output()).doesNotContain(databaseUrl);
                signIn(base, "admin").createMember("carol");
                runAfterBackup(base, onlySession(before));
            }
            backup.output().lines().forEach(l -> figure("postgres " + l));

            // Wipe: an empty database, as after losing the volume and re-creating it.
            sql(databaseUrl, "DROP SCHEMA public CASCADE; CREATE SCHEMA public");
            var restore = OpsTools.run(
                    List.of(
                            "bash",
                            OpsTools.opsDir().resolve("backup/restore.sh").toString(),
                            "--yes",
                            onlyFile(backups, ".dump").toString()),
                    env,
                    120);
            assertThat(restore.exit()).as(restore.output()).isZero();
            restore.output().lines().forEach(l -> figure("postgres " + l));

            try (var app = TestApplication.sqlite(folder, env)) {
                Snapshot after = snapshot(app.startHttp(), "alice");
                assertRestored(before, after);
                figure("postgres restore: " + after.users().size() + " users, "
                        + after.projects().size() + " project(s), "
                        + before.audit().size() + " audit entries, "
                        + after.runs().size() + " run(s) and "
                        + after.events().size()
                        + " run events of the backup found again; the user and the run made after "
                        + "the backup are gone");
            }
        } finally {
            sql(TestApplication.POSTGRES_URL, "DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
        }
    }

    private static Path onlyFile(Path dir, String suffix) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            List<Path> found = files.filter(p -> p.toString().endsWith(suffix)).toList();
            assertThat(found).hasSize(1);
            return found.get(0);
        }
    }

    private static void sql(String jdbcUrl, String statements) throws Exception {
        try (var connection = DriverManager.getConnection(jdbcUrl);
                var statement = connection.createStatement()) {
            for (String s : statements.split(";")) {
                statement.execute(s);
            }
        }
    }
}
