package dev.ccui.bootstrap.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The reference UI, claudecodeui 1.12.0 (see {@code /work/shared/tools/reference-ui/}): a Node
 * server reading {@code $HOME/.claude/projects} on every request. Its HOME is a folder of the run
 * whose {@code .claude/projects} links to the corpus, so nothing it writes lands in the corpus.
 * It binds 0.0.0.0 by itself; the preload rewrites that to 127.0.0.1.
 */
record ReferenceApp(BenchSettings settings, Path projects, Path runDir) implements App {
    static final String USER = "{\"username\":\"tester\",\"password\":\"secret123\"}";

    @Override
    public String label() {
        return "reference";
    }

    @Override
    public String healthPath() {
        return "/health";
    }

    @Override
    public Process start(int port, boolean fresh) throws IOException {
        Path home = runDir.resolve("ref-home");
        Path auth = runDir.resolve("ref-auth.db");
        if (fresh) {
            OursApp.deleteTree(home);
            Files.deleteIfExists(auth);
        }
        Path link = home.resolve(".claude").resolve("projects");
        if (!Files.exists(link, LinkOption.NOFOLLOW_LINKS)) {
            Files.createDirectories(link.getParent());
            Files.createSymbolicLink(link, projects);
        }
        Map<String, String> env = new HashMap<>();
        env.put("PATH", System.getenv().getOrDefault("PATH", "/usr/bin:/bin"));
        env.put("HOME", home.toString());
        env.put("PORT", Integer.toString(port));
        env.put("DATABASE_PATH", auth.toString());
        env.put("JWT_SECRET", "benchmark-secret-of-32-characters-or-more");
        ProcessBuilder builder = new ProcessBuilder(
                        settings.node(), "-r", settings.referencePreload().toString(), "server/cli.js", "start")
                .directory(packageDir().toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(
                        runDir.resolve("reference.log").toFile()));
        builder.environment().clear();
        builder.environment().putAll(env);
        return builder.start();
    }

    private Path packageDir() {
        return settings.referenceDir().resolve("node_modules/@siteboon/claude-code-ui");
    }

    @Override
    public List<Path> codeFiles() {
        return List.of(settings.referenceDir().resolve("node_modules"));
    }

    @Override
    public String firstToken(Http http) {
        return http.json(http.post("/api/auth/register", USER, null))
                .get("token")
                .asText();
    }

    /** Its listing's {@code sessionMeta.total}: it stops reading a project after 10 sessions, so this is a lower bound. */
    @Override
    public Map<String, Long> counts(JsonNode listing) {
        Map<String, Long> counts = new HashMap<>();
        for (JsonNode project : listing) {
            counts.put(
                    project.path("path").asText(),
                    project.path("sessionMeta").path("total").asLong());
        }
        return counts;
    }

    /** The count it gives when asked for every session of each project: {@code /sessions?limit=} above the total. */
    Map<String, Long> fullCounts(Http http, String token, JsonNode listing) {
        Map<String, Long> counts = new HashMap<>();
        for (JsonNode project : listing) {
            String name = project.path("name").asText();
            JsonNode page = http.json(http.get("/api/projects/" + name + "/sessions?limit=1000000&offset=0", token));
            counts.put(project.path("path").asText(), page.path("total").asLong());
        }
        return counts;
    }

    @Override
    public boolean indexes() {
        return false;
    }

    @Override
    public List<Long> pids(Process process) {
        List<Long> pids = new ArrayList<>();
        pids.add(process.pid());
        process.descendants().forEach(p -> pids.add(p.pid()));
        return pids;
    }
}
