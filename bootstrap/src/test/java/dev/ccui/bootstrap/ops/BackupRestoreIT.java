package dev.ccui.bootstrap.ops;

import static dev.ccui.bootstrap.ops.OpsTools.figure;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ccui.bootstrap.testing.ApiClient;
import dev.ccui.bootstrap.testing.TestApplication;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * ops/backup end to end: data made through the API, an online backup with the project's script
 * while the app runs, the app stopped, its database wiped, restore.sh, the app started again on
 * the restored data. Users, projects and audit entries are compared. (Run events are left out:
 * the live-run event log is not in the schema yet.)
 */
class BackupRestoreIT {
    @TempDir
    Path folder;

    /** What must survive: users, projects, audit entries (as the admin sees them). */
    record Snapshot(List<String> users, List<String> projects, List<String> audit) {
    }

    private Snapshot makeData(String base) throws IOException {
        ApiClient admin = ApiClient.setUpAdmin(base);
        ApiClient alice = admin.createMember("alice");
        admin.createMember("bob");
        Path project = Files.createDirectories(folder.resolve("work/demo"));
        var registered = alice.post("/api/projects", "{\"path\":\"" + project + "\",\"name\":\"Demo app\"}");
        assertThat(registered.statusCode()).as(registered.body()).isEqualTo(201);
        new ApiClient(base, null).post("/api/auth/login", "{\"username\":\"alice\",\"password\":\"not it\"}");
        return snapshot(base, "alice");
    }

    private static ApiClient signIn(String base, String user) {
        var login = new ApiClient(base, null).post("/api/auth/login",
                "{\"username\":\"" + user + "\",\"password\":\"" + user + " password 1\"}");
        assertThat(login.statusCode()).as(login.body()).isEqualTo(200);
        return new ApiClient(base, ApiClient.json(login).get("token").asText());
    }

    private static Snapshot snapshot(String base, String projectOwner) {
        ApiClient admin = signIn(base, "admin");
        List<String> users = new ArrayList<>();
        for (JsonNode u : ApiClient.json(admin.get("/api/users"))) {
            users.add(u.get("id").asText() + " " + u.get("username").asText() + " " + u.get("role").asText());
        }
        List<String> projects = new ArrayList<>();
        for (JsonNode p : ApiClient.json(signIn(base, projectOwner).get("/api/projects"))) {
            projects.add(p.get("id").asText() + " " + p.get("name").asText() + " " + p.get("path").asText());
        }
        List<String> audit = new ArrayList<>();
        for (JsonNode e : ApiClient.json(admin.get("/api/audit?limit=200")).get("items")) {
            audit.add(e.get("id").asText() + " " + e.get("at").asText() + " " + e.get("action").asText() + " "
                    + e.get("target").asText() + " " + e.get("success").asText());
        }
        return new Snapshot(List.copyOf(new TreeSet<>(users)), List.copyOf(new TreeSet<>(projects)), audit);
    }

    /** The audit entries of the snapshot that existed at backup time (the sign-ins of snapshot() itself add more). */
    private static void assertRestored(Snapshot before, Snapshot after) {
        assertThat(after.users()).isEqualTo(before.users());
        assertThat(after.projects()).isEqualTo(before.projects());
        assertThat(after.audit()).containsAll(before.audit());
        assertThat(after.users()).noneMatch(u -> u.contains(" carol "));
    }

    @Test
    void sqliteOnlineBackupWipeRestore() throws Exception {
        Path backups = folder.resolve("backups");
        Path db = folder.resolve("data/ccui.db");
        Snapshot before;
        OpsTools.Result backup;
        try (var app = TestApplication.sqlite(folder)) {
            String base = app.startHttp();
            before = makeData(base);
            // Online: the app keeps running (and writing) while the script copies.
            backup = OpsTools.run(List.of("bash", OpsTools.opsDir().resolve("backup/backup-sqlite.sh").toString(),
                    db.toString(), backups.toString(), "3"), 60);
            assertThat(backup.exit()).as(backup.output()).isZero();
            signIn(base, "admin").createMember("carol"); // after the backup: must be gone after the restore
        }
        backup.output().lines().forEach(l -> figure("sqlite " + l));

        // Wipe the database (and its WAL), as a lost disk would.
        for (String suffix : List.of("", "-wal", "-shm")) {
            Files.deleteIfExists(Path.of(db + suffix));
        }
        Path file = onlyFile(backups, ".db");
        var restore = OpsTools.run(List.of("bash", OpsTools.opsDir().resolve("backup/restore.sh").toString(), "--yes",
                file.toString(), db.toString()), 60);
        assertThat(restore.exit()).as(restore.output()).isZero();
        restore.output().lines().forEach(l -> figure("sqlite " + l));

        try (var app = TestApplication.sqlite(folder)) {
            Snapshot after = snapshot(app.startHttp(), "alice");
            assertRestored(before, after);
            figure("sqlite restore: " + after.users().size() + " users, " + after.projects().size() + " project(s), "
                    + before.audit().size() + " audit entries of the backup found again; the user made after the backup is gone");
        }
    }

    @Test
    void postgresBackupWipeRestore() throws Exception {
        assertThat(OpsTools.onPath("pg_dump") && OpsTools.onPath("pg_restore"))
                .as("pg_dump/pg_restore installed (.ci/run: apt-get install postgresql-client)").isTrue();
        Matcher url = Pattern.compile("^(jdbc:postgresql://[^/]+/)([^?]+)(\\?.*)?$").matcher(TestApplication.POSTGRES_URL);
        assertThat(url.matches()).as(TestApplication.POSTGRES_URL).isTrue();
        String name = "ccui_backup_it_" + UUID.randomUUID().toString().replace("-", "").substring(0, 10).toLowerCase(Locale.ROOT);
        String databaseUrl = url.group(1) + name + (url.group(3) == null ? "" : url.group(3));
        sql(TestApplication.POSTGRES_URL, "CREATE DATABASE " + name);
        try {
            Path backups = folder.resolve("pg-backups");
            Map<String, String> env = Map.of("DATABASE_URL", databaseUrl);
            Snapshot before;
            OpsTools.Result backup;
            try (var app = TestApplication.sqlite(folder, env)) {
                String base = app.startHttp();
                before = makeData(base);
                backup = OpsTools.run(List.of("bash", OpsTools.opsDir().resolve("backup/backup-postgres.sh").toString(),
                        backups.toString(), "3"), env, 120);
                assertThat(backup.exit()).as(backup.output()).isZero();
                assertThat(backup.output()).doesNotContain(databaseUrl);
                signIn(base, "admin").createMember("carol");
            }
            backup.output().lines().forEach(l -> figure("postgres " + l));

            // Wipe: an empty database, as after losing the volume and re-creating it.
            sql(databaseUrl, "DROP SCHEMA public CASCADE; CREATE SCHEMA public");
            var restore = OpsTools.run(List.of("bash", OpsTools.opsDir().resolve("backup/restore.sh").toString(), "--yes",
                    onlyFile(backups, ".dump").toString()), env, 120);
            assertThat(restore.exit()).as(restore.output()).isZero();
            restore.output().lines().forEach(l -> figure("postgres " + l));

            try (var app = TestApplication.sqlite(folder, env)) {
                Snapshot after = snapshot(app.startHttp(), "alice");
                assertRestored(before, after);
                figure("postgres restore: " + after.users().size() + " users, " + after.projects().size() + " project(s), "
                        + before.audit().size() + " audit entries of the backup found again; the user made after the backup is gone");
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
        try (var connection = DriverManager.getConnection(jdbcUrl); var statement = connection.createStatement()) {
            for (String s : statements.split(";")) {
                statement.execute(s);
            }
        }
    }
}
