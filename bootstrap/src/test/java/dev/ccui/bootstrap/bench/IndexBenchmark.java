package dev.ccui.bootstrap.bench;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ccui.bootstrap.testing.ApiClient;
import dev.ccui.bootstrap.testing.JarProcess;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The history index benchmark (issue 3), against the built jar as a separate process on loopback:
 * cold index throughput and peak RSS over a generated corpus, warm listing and search latency,
 * and the delay from appending a transcript line to the {@code projects_changed} frame.
 * Run by {@code ops/bench/index-benchmark.sh}; prints its figures.
 */
public final class IndexBenchmark {
    private static final Pattern LISTENING = Pattern.compile("listening on http://127\\.0\\.0\\.1:(\\d+)");

    public static void main(String[] args) throws Exception {
        if (args.length != 2) {
            System.err.println("usage: IndexBenchmark <claude config dir with projects/> <work dir>");
            System.exit(2);
        }
        Path claude = Path.of(args[0]).toAbsolutePath();
        Path work = Path.of(args[1]).toAbsolutePath();
        Map<String, String> env = new HashMap<>();
        env.put("HOME", work.toString());
        env.put("CCUI_DATA_DIR", work.resolve("data").toString());
        env.put("CLAUDE_CONFIG_DIR", claude.toString());
        env.put("CCUI_WORKSPACES_ROOT", work.toString());
        env.put("CCUI_PORT", "0");
        env.put("CCUI_RATE_LIMIT_PER_MINUTE", "0");
        env.put("CCUI_AUTH_RATE_LIMIT", "1000/1m");
        env.put("CCUI_BCRYPT_COST", "4");
        env.put("CLAUDE_CLI_PATH", "/nonexistent");

        long started = System.nanoTime();
        try (JarProcess app = JarProcess.start(env)) {
            Matcher m =
                    LISTENING.matcher(app.awaitLine(l -> LISTENING.matcher(l).find(), Duration.ofMinutes(2)));
            m.find();
            long listeningMs = (System.nanoTime() - started) / 1_000_000;
            String base = "http://127.0.0.1:" + m.group(1);
            ApiClient admin = ApiClient.setUpAdmin(base);
            long firstAnswerMs = (System.nanoTime() - started) / 1_000_000;
            System.out.printf(
                    "startup: listening after %d ms, first authenticated answer after %d ms (index still running)%n",
                    listeningMs, firstAnswerMs);

            long indexStart = System.nanoTime();
            long peakRss = 0;
            JsonNode index;
            long[] whileIndexing = new long[20];
            int sampled = 0;
            while (true) {
                index = ApiClient.json(admin.get("/api/health")).at("/checks/index");
                peakRss = Math.max(peakRss, rssKb(app.pid()));
                if (sampled < whileIndexing.length) {
                    long t = System.nanoTime();
                    admin.get("/api/projects");
                    whileIndexing[sampled++] = System.nanoTime() - t;
                }
                if ("watching".equals(index.get("state").asText())
                        && index.get("filesDone").asLong()
                                == index.get("filesTotal").asLong()
                        && index.get("filesTotal").asLong() > 0) {
                    break;
                }
                LockSupport.parkNanos(Duration.ofMillis(200).toNanos());
            }
            double seconds = (System.nanoTime() - indexStart) / 1e9;
            long bytes = index.get("bytesTotal").asLong();
            System.out.printf(
                    "cold index: %d files, %.1f MB in %.1f s = %.1f MB/s; peak RSS seen %d MB (VmHWM %d MB)%n",
                    index.get("filesTotal").asLong(),
                    bytes / 1e6,
                    seconds,
                    bytes / 1e6 / seconds,
                    peakRss / 1024,
                    hwmKb(app.pid()) / 1024);
            System.out.println(
                    "GET /api/projects while indexing: " + Percentiles.of(Arrays.copyOf(whileIndexing, sampled)));

            JsonNode projects = ApiClient.json(admin.get("/api/projects"));
            long sessions = 0;
            String biggest = null;
            long most = -1;
            for (JsonNode p : projects) {
                sessions += p.get("sessionCount").asLong();
                if (p.get("sessionCount").asLong() > most) {
                    most = p.get("sessionCount").asLong();
                    biggest = p.get("id").asText();
                }
            }
            System.out.printf("index holds %d projects, %d sessions%n", projects.size(), sessions);
            System.out.println(
                    "warm GET /api/projects: " + Percentiles.of(time(300, () -> admin.get("/api/projects"))));
            String sessionsPath = "/api/projects/" + biggest + "/sessions?limit=50";
            System.out.println(
                    "warm first page of sessions: " + Percentiles.of(time(300, () -> admin.get(sessionsPath))));
            String firstSession =
                    ApiClient.json(admin.get(sessionsPath)).at("/items/0/id").asText();
            System.out.println("warm newest 50 messages: "
                    + Percentiles.of(
                            time(100, () -> admin.get("/api/sessions/" + firstSession + "/messages?limit=50"))));
            List<String> words = List.of(
                    "refactor",
                    "tests",
                    "parser",
                    "database",
                    "error",
                    "config",
                    "migration",
                    "webpack",
                    "kubernetes",
                    "function");
            int[] i = {0};
            System.out.println("search: "
                    + Percentiles.of(time(
                            200, () -> admin.get("/api/search?q=" + words.get(i[0]++ % words.size()) + "&limit=20"))));

            System.out.println("append -> projects_changed: " + Percentiles.of(appendLatency(admin, claude)));
            System.out.printf(
                    "RSS after the run: %d MB (VmHWM %d MB)%n", rssKb(app.pid()) / 1024, hwmKb(app.pid()) / 1024);
            app.terminate();
            app.awaitExit(Duration.ofSeconds(60));
        }
    }

    private static long[] time(int n, Runnable call) {
        for (int i = 0; i < Math.min(50, n); i++) {
            call.run();
        }
        long[] out = new long[n];
        for (int i = 0; i < n; i++) {
            long t = System.nanoTime();
            call.run();
            out[i] = System.nanoTime() - t;
        }
        return out;
    }

    private static long[] appendLatency(ApiClient admin, Path claude) throws Exception {
        Path file;
        try (Stream<Path> files = Files.walk(claude.resolve("projects"), 2)) {
            file = files.filter(p -> p.toString().endsWith(".jsonl"))
                    .findFirst()
                    .orElseThrow();
        }
        return AppendDelay.measure(admin, file, 30);
    }

    private static long rssKb(long pid) {
        return ProcStats.statusKb(pid, "VmRSS:");
    }

    private static long hwmKb(long pid) {
        return ProcStats.statusKb(pid, "VmHWM:");
    }
}
