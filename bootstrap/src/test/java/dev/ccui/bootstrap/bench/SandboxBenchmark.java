package dev.ccui.bootstrap.bench;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ccui.adapters.process.claude.FakeMessagesApi;
import dev.ccui.adapters.process.claude.TestCli;
import dev.ccui.bootstrap.testing.ApiClient;
import dev.ccui.bootstrap.testing.TestApplication;
import dev.ccui.bootstrap.testing.WsFrames;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * Issue 12's closing figures: what the sandbox adds to a run's first event (POST /api/runs →
 * first event frame on /ws, a new CLI process each time) and to a shell keystroke round trip
 * (input frame → the echo's output frame), median and p99, bubblewrap (with pasta and cgroups)
 * against none, measured in the same process with the two apps side by side and the samples
 * interleaved. Run with ops/bench/sandbox-benchmark.sh.
 *
 * <p>Arguments: work folder, runs per mode (20), keystrokes per mode (200).
 */
public final class SandboxBenchmark {
    private SandboxBenchmark() {}

    private record Side(String mode, TestApplication app, ApiClient admin, String projectId) {}

    public static void main(String[] args) throws Exception {
        Path work = Files.createDirectories(Path.of(args.length > 0 ? args[0] : "/tmp/ccui-sandbox-bench"))
                .toRealPath();
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 20;
        int keys = args.length > 2 ? Integer.parseInt(args[2]) : 200;
        try (FakeMessagesApi api = new FakeMessagesApi()) {
            Map<String, Side> sides = new LinkedHashMap<>();
            for (String mode : List.of("bwrap", "none")) {
                sides.put(mode, start(work.resolve(mode + "-" + UUID.randomUUID()), mode, api));
            }
            try {
                Map<String, List<Double>> first = new LinkedHashMap<>();
                Map<String, List<Double>> keystroke = new LinkedHashMap<>();
                sides.keySet().forEach(mode -> {
                    first.put(mode, new ArrayList<>());
                    keystroke.put(mode, new ArrayList<>());
                });
                for (int i = 0; i < runs; i++) {
                    for (Side side : sides.values()) {
                        first.get(side.mode()).add(firstEventMs(side));
                    }
                }
                Map<String, WsFrames> shells = new LinkedHashMap<>();
                for (Side side : sides.values()) {
                    shells.put(side.mode(), openShell(side));
                }
                for (int i = 0; i < keys; i++) {
                    for (Side side : sides.values()) {
                        keystroke.get(side.mode()).add(keystrokeMs(shells.get(side.mode()), i));
                    }
                }
                shells.values().forEach(WsFrames::close);
                System.out.println("sandbox overhead (ms)          median     p99   (n)");
                for (String mode : sides.keySet()) {
                    print("first event, " + mode, first.get(mode));
                }
                for (String mode : sides.keySet()) {
                    print("keystroke round trip, " + mode, keystroke.get(mode));
                }
            } finally {
                sides.values().forEach(side -> side.app().close());
            }
        }
        System.exit(0);
    }

    private static Side start(Path folder, String mode, FakeMessagesApi api) throws Exception {
        Path project = Files.createDirectories(folder.resolve("work/p"));
        Map<String, String> env = new HashMap<>();
        env.put("CCUI_SANDBOX", mode);
        env.put("CLAUDE_CLI_PATH", TestCli.path().toString());
        env.put("CCUI_WORKSPACES_ROOT", folder.resolve("work").toString());
        env.put("CCUI_RUNS_PER_USER", "100");
        env.put("PATH", System.getenv("PATH"));
        env.put("LANG", "C.UTF-8");
        env.put("HOME", Files.createDirectories(folder.resolve("home")).toString());
        env.putAll(TestCli.fakeApiEnvironment(api.baseUrl()));
        TestApplication app = TestApplication.sqlite(folder, env);
        ApiClient admin = ApiClient.setUpAdmin(app.startHttp());
        String projectId = ApiClient.json(admin.post("/api/projects", "{\"path\":\"" + project + "\"}"))
                .get("id")
                .asText();
        return new Side(mode, app, admin, projectId);
    }

    private static double firstEventMs(Side side) throws Exception {
        try (WsFrames ws = WsFrames.open(side.admin())) {
            long start = System.nanoTime();
            var response = side.admin()
                    .post(
                            "/api/runs",
                            "{\"projectId\":\"" + side.projectId() + "\",\"prompt\":\"hello\","
                                    + "\"clientMessageId\":\"" + UUID.randomUUID() + "\"}");
            if (response.statusCode() != 202) {
                throw new IllegalStateException("run refused: " + response.body());
            }
            JsonNode started = ApiClient.json(response);
            ws.send("{\"type\":\"subscribe\",\"sessionId\":\""
                    + started.get("sessionId").asText() + "\",\"afterSeq\":0}");
            ws.await("event", 60_000);
            double ms = (System.nanoTime() - start) / 1e6;
            while (!String.valueOf(ws.next(60_000)).contains("\"run_ended\"")) {
                // the run finishes before the next one starts, so runs do not overlap
            }
            return ms;
        }
    }

    private static WsFrames openShell(Side side) throws Exception {
        String ticket = ApiClient.json(side.admin().post("/api/auth/ws-ticket", ""))
                .get("ticket")
                .asText();
        WsFrames shell = WsFrames.connect(
                HttpClient.newHttpClient(),
                URI.create(side.admin().base().replace("http", "ws") + "/ws/terminal?projectId=" + side.projectId()
                        + "&ticket=" + ticket));
        shell.send("{\"type\":\"open\",\"cols\":200,\"rows\":50}");
        shell.await("opened", 30_000);
        shell.send("{\"type\":\"input\",\"data\":\"echo ready-$((20+1))\\n\"}");
        long deadline = System.currentTimeMillis() + 30_000;
        while (System.currentTimeMillis() < deadline) {
            String frame = shell.next(1_000);
            if (frame != null && frame.contains("ready-21")) {
                return shell;
            }
        }
        throw new IllegalStateException("the shell did not answer");
    }

    /** One printable character, echoed by the terminal; every 50 the line is cleared (Ctrl-U). */
    private static double keystrokeMs(WsFrames shell, int i) throws Exception {
        if (i % 50 == 49) {
            shell.send("{\"type\":\"input\",\"data\":\"\\u0015\"}");
            shell.next(2_000);
        }
        shell.clear();
        long start = System.nanoTime();
        shell.send("{\"type\":\"input\",\"data\":\"q\"}");
        while (true) {
            String frame = shell.next(10_000);
            if (frame == null) {
                throw new IllegalStateException("no echo within 10 s");
            }
            if (frame.contains("\"output\"") && frame.contains("q")) {
                return (System.nanoTime() - start) / 1e6;
            }
        }
    }

    private static void print(String label, List<Double> samples) {
        List<Double> sorted = samples.stream().sorted().toList();
        double median = sorted.get(sorted.size() / 2);
        double p99 = sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(sorted.size() * 0.99) - 1));
        System.out.println(String.format(Locale.ROOT, "%-30s %8.1f %8.1f   (%d)", label, median, p99, samples.size()));
    }
}
