package dev.ccui.bootstrap.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Stream;

/** Claude Code UI: the built jar, run as {@code ./ccui} runs it, on SQLite in the run folder or on a given PostgreSQL database. */
record OursApp(BenchSettings settings, Path claudeConfig, Path runDir) implements App {

    @Override
    public String label() {
        return settings.databaseUrl().isEmpty() ? "ours (SQLite)" : "ours (PostgreSQL)";
    }

    @Override
    public String healthPath() {
        return "/api/health";
    }

    @Override
    public Process start(int port, boolean fresh) throws IOException {
        Path data = runDir.resolve("data");
        Path home = runDir.resolve("home");
        if (fresh) {
            deleteTree(data);
        }
        Files.createDirectories(home);
        Map<String, String> env = new HashMap<>();
        env.put("PATH", System.getenv().getOrDefault("PATH", "/usr/bin:/bin"));
        env.put("HOME", home.toString());
        // As ./ccui and the image start it: two malloc arenas.
        env.put("MALLOC_ARENA_MAX", "2");
        env.put("CCUI_HOST", "127.0.0.1");
        env.put("CCUI_PORT", Integer.toString(port));
        env.put("CCUI_DATA_DIR", data.toString());
        env.put("CLAUDE_CONFIG_DIR", claudeConfig.toString());
        env.put("CCUI_WORKSPACES_ROOT", home.toString());
        env.put("CLAUDE_CLI_PATH", settings.claudeCli());
        // Load tests need the per-address limit off (all load comes from 127.0.0.1); bcrypt cost 4
        // keeps the one sign-up off the listing's critical path (the reference's is bcrypt 12).
        env.put("CCUI_RATE_LIMIT_PER_MINUTE", "0");
        env.put("CCUI_AUTH_RATE_LIMIT", "1000/1m");
        env.put("CCUI_BCRYPT_COST", "4");
        if (!settings.databaseUrl().isEmpty()) {
            env.put("DATABASE_URL", settings.databaseUrl());
        }
        for (String passed : List.of("LOG_LEVEL", "LOG_FORMAT", "CCUI_DB_POOL_SIZE")) {
            if (System.getenv(passed) != null) {
                env.put(passed, System.getenv(passed));
            }
        }
        List<String> command = new ArrayList<>(List.of(settings.java(), "--enable-native-access=ALL-UNNAMED"));
        command.addAll(settings.javaOpts());
        if (settings.jfr() != null) {
            // Jetty and Javalin stacks are deep: JFR's default of 64 frames would cut off our own.
            command.add("-XX:FlightRecorderOptions=stackdepth=256");
        }
        command.addAll(List.of("-jar", settings.jar().toString()));
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(runDir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(
                        runDir.resolve("app.log").toFile()));
        builder.environment().clear();
        builder.environment().putAll(env);
        return builder.start();
    }

    @Override
    public List<Path> codeFiles() {
        return List.of(settings.jar());
    }

    @Override
    public String firstToken(Http http) {
        // The first answers may be the starting server's 503 (Retry-After) while the app is built.
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (true) {
            var response =
                    http.post("/api/auth/setup", "{\"username\":\"admin\",\"password\":\"admin password 1\"}", null);
            if (response.statusCode() != 503 || System.nanoTime() > deadline) {
                return http.json(response).get("token").asText();
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(5));
        }
    }

    @Override
    public Map<String, Long> counts(JsonNode listing) {
        Map<String, Long> counts = new HashMap<>();
        for (JsonNode project : listing) {
            counts.put(
                    project.path("path").asText(), project.path("sessionCount").asLong());
        }
        return counts;
    }

    @Override
    public boolean indexes() {
        return true;
    }

    @Override
    public List<Long> pids(Process process) {
        List<Long> pids = new ArrayList<>();
        pids.add(process.pid());
        process.descendants().forEach(p -> pids.add(p.pid()));
        if (!settings.databaseMarker().isEmpty()) {
            pids.addAll(ProcStats.pidsWithCommandLine(settings.databaseMarker()));
        }
        return pids;
    }

    static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
