package dev.ccui.bootstrap.bench;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ccui.adapters.process.claude.TestCli;
import dev.ccui.bootstrap.testing.ApiClient;
import dev.ccui.bootstrap.testing.JarProcess;
import dev.ccui.bootstrap.testing.TimedEventSocket;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The live-run benchmark (issue 4, "Performance"), against the built jar as a separate process on
 * loopback (SQLite, rate limits off, bcrypt cost 4) with the real claude CLI pointed at a fake
 * Messages API in this JVM: event delivery overhead with 1 and 100 subscribers, 20 concurrent
 * runs, and the memory of 2,000 idle subscribed WebSockets. Run by
 * {@code ops/bench/run-benchmark.sh}; prints its figures; stops by itself.
 */
public final class RunBenchmark {
    private static final Pattern LISTENING = Pattern.compile("listening on http://127\\.0\\.0\\.1:(\\d+)");
    private static final Duration RUN_TIMEOUT = Duration.ofMinutes(4);

    private static ApiClient admin;
    private static String projectId;
    private static long appPid;

    public static void main(String[] args) throws Exception {
        if (args.length < 2) {
            System.err.println("usage: RunBenchmark <claude cli> <work dir> [concurrent runs] [idle sockets]");
            System.exit(2);
        }
        Path cli = Path.of(args[0]).toAbsolutePath();
        Path work = Path.of(args[1]).toAbsolutePath();
        int concurrent = args.length > 2 ? Integer.parseInt(args[2]) : 20;
        int idle = args.length > 3 ? Integer.parseInt(args[3]) : 2000;
        if (!Files.isExecutable(cli)) {
            System.err.println("no claude CLI at " + cli);
            System.exit(2);
        }
        // A hard stop for the whole benchmark: it must end by itself.
        Thread watchdog = Thread.ofPlatform().daemon().start(() -> {
            try {
                Thread.sleep(Duration.ofMinutes(20));
                System.out.println("WATCHDOG: the benchmark took more than 20 minutes; stopping");
                System.exit(3);
            } catch (InterruptedException ignored) {
                // finished in time
            }
        });
        Files.createDirectories(work);
        Path cwd = Files.createDirectories(work.resolve("work").resolve("app"));
        Path home = Files.createDirectories(work.resolve("home"));
        Path tmp = Files.createDirectories(work.resolve("tmp"));
        try (StreamingMessagesApi api = new StreamingMessagesApi()) {
            Map<String, String> env = new HashMap<>();
            env.put("HOME", home.toString());
            env.put("LANG", "C.UTF-8");
            env.put("TMPDIR", tmp.toString());
            env.put("CLAUDE_CODE_TMPDIR", tmp.toString());
            env.put("CCUI_DATA_DIR", work.resolve("data").toString());
            env.put("CLAUDE_CONFIG_DIR", work.resolve("claude").toString());
            env.put("CCUI_WORKSPACES_ROOT", work.resolve("work").toString());
            env.put("CCUI_PORT", "0");
            env.put("CCUI_RATE_LIMIT_PER_MINUTE", "0");
            env.put("CCUI_AUTH_RATE_LIMIT", "1000/1m");
            env.put("CCUI_BCRYPT_COST", "4");
            env.put("CCUI_SHUTDOWN_GRACE", "5s");
            env.put("CCUI_RUNS_PER_USER", String.valueOf(Math.max(concurrent, 3) + 5));
            env.put("CCUI_RUNS_MAX", String.valueOf(Math.max(concurrent, 3) + 5));
            env.put("CCUI_PERMISSION_TIMEOUT", "1m");
            env.put("CLAUDE_CLI_PATH", cli.toString());
            env.putAll(TestCli.fakeApiEnvironment(api.baseUrl()));
            try (JarProcess app = JarProcess.start(env)) {
                appPid = app.pid();
                Thread killer = new Thread(() -> {
                    ProcessHandle.of(appPid).ifPresent(h -> {
                        h.descendants().forEach(ProcessHandle::destroyForcibly);
                        h.destroyForcibly();
                    });
                });
                Runtime.getRuntime().addShutdownHook(killer);
                Matcher m = LISTENING.matcher(
                        app.awaitLine(l -> LISTENING.matcher(l).find(), Duration.ofMinutes(2)));
                m.find();
                String base = "http://127.0.0.1:" + m.group(1);
                admin = ApiClient.setUpAdmin(base);
                projectId = ApiClient.json(admin.post("/api/projects", "{\"path\":\"" + cwd + "\"}"))
                        .get("id")
                        .asText();
                System.out.printf(
                        "app pid %d on %s (SQLite, rate limits off, bcrypt 4), CLI %s, fake API %s, %d CPUs%n",
                        appPid, base, cli, api.baseUrl(), Runtime.getRuntime().availableProcessors());
                System.out.println("CI run using the CPU at start: " + ciRunning());
                System.out.println();

                List<TimedEventSocket> keep = new ArrayList<>();
                latency(api, keep);
                Map<String, Long> lastSeqs = concurrentRuns(api, concurrent);
                keep.forEach(TimedEventSocket::close);
                idleSockets(idle, lastSeqs);

                List<ProcessHandle> children =
                        ProcessHandle.of(appPid).orElseThrow().descendants().toList();
                System.out.println();
                System.out.printf("stopping the app (SIGTERM) with %d descendant processes (CLI)…%n", children.size());
                app.terminate();
                int exit = app.awaitExit(Duration.ofSeconds(60));
                long alive = 0;
                for (ProcessHandle child : children) {
                    try {
                        child.onExit().get(10, TimeUnit.SECONDS);
                    } catch (Exception e) {
                        // counted below
                    }
                    alive += child.isAlive() ? 1 : 0;
                }
                System.out.printf("app exited with %d; CLI processes still alive: %d%n", exit, alive);
                System.out.println("CI run using the CPU at the end: " + ciRunning());
                Runtime.getRuntime().removeShutdownHook(killer);
            }
        }
        watchdog.interrupt();
        System.exit(0);
    }

    // ---------------------------------------------------------------- 1. overhead line → frame

    private static void latency(StreamingMessagesApi api, List<TimedEventSocket> keep) throws Exception {
        System.out.println("== 1. overhead: CLI stdout line → WebSocket frame at the subscribers ==");
        System.out.println(
                "method: the fake API streams 300 text deltas 10 ms apart; the CLI turns each into a stream-json");
        System.out.println(
                "  line; the app stamps the event it parsed from that line with `at` (Clock.systemUTC, µs) just");
        System.out.println(
                "  before appending it to SQLite and publishing it. Each subscriber records Instant.now() when the");
        System.out.println(
                "  frame's last fragment arrives (onText); overhead = receive − at, same machine clock. This covers");
        System.out.println(
                "  the log append (SQLite), the dispatch, JSON writing, the per-socket queue and writer, loopback");
        System.out.println(
                "  and the client's read; it misses the app's read+parse of the line (before `at`). Also shown:");
        System.out.println(
                "  fake API flush → frame (adds the CLI itself) and, for 100 subscribers, the spread per event");
        System.out.println(
                "  (last arrival − first arrival across the subscribers). Each socket has its own HttpClient.");
        String sessionId = startRun(null, "STREAM 50 2 warm");
        TimedEventSocket reference = TimedEventSocket.open(client(), admin);
        keep.add(reference);
        reference.subscribe(sessionId, 0);
        reference.awaitRunEnded(0, RUN_TIMEOUT);
        // A second warm-up run in the same session, then the measured one.
        long after = reference.lastSeq();
        startRun(sessionId, "STREAM 100 2 warm2");
        reference.awaitRunEnded(after, RUN_TIMEOUT);

        after = reference.lastSeq();
        startRun(sessionId, "STREAM 300 10 one");
        reference.awaitRunEnded(after, RUN_TIMEOUT);
        report("1 subscriber", List.of(reference), after, api);

        List<TimedEventSocket> many = new ArrayList<>(List.of(reference));
        for (int i = 1; i < 100; i++) {
            TimedEventSocket sub = TimedEventSocket.open(client(), admin);
            sub.subscribe(sessionId, reference.lastSeq());
            many.add(sub);
        }
        for (TimedEventSocket sub : many) {
            sub.awaitSubscribed(Duration.ofSeconds(30));
        }
        after = reference.lastSeq();
        startRun(sessionId, "STREAM 100 2 warm100");
        for (TimedEventSocket sub : many) {
            sub.awaitRunEnded(after, RUN_TIMEOUT);
        }
        after = reference.lastSeq();
        startRun(sessionId, "STREAM 300 10 hundred");
        for (TimedEventSocket sub : many) {
            sub.awaitRunEnded(after, RUN_TIMEOUT);
        }
        report("100 subscribers", many, after, api);
        for (int i = 1; i < many.size(); i++) {
            many.get(i).close();
        }
        System.out.println();
    }

    private static void report(String label, List<TimedEventSocket> subs, long afterSeq, StreamingMessagesApi api) {
        List<Long> all = new ArrayList<>();
        List<Long> deltas = new ArrayList<>();
        List<Long> endToEnd = new ArrayList<>();
        Map<Long, long[]> spread = new HashMap<>();
        for (TimedEventSocket sub : subs) {
            for (TimedEventSocket.Frame frame : sub.frames()) {
                if (!frame.text().contains("\"type\":\"event\"")) {
                    continue;
                }
                JsonNode node = readTree(frame.text());
                long seq = node.get("seq").asLong();
                if (seq <= afterSeq) {
                    continue;
                }
                long at = TimedEventSocket.micros(Instant.parse(node.get("at").asText()));
                long overhead = frame.receivedMicros() - at;
                all.add(overhead);
                JsonNode event = node.get("event");
                if ("assistant_delta".equals(event.path("kind").asText())) {
                    deltas.add(overhead);
                    Long flushed = api.flushedAt.get(event.path("text").asText());
                    if (flushed != null) {
                        endToEnd.add(frame.receivedMicros() - flushed);
                    }
                }
                spread.computeIfAbsent(seq, s -> new long[] {Long.MAX_VALUE, Long.MIN_VALUE});
                long[] range = spread.get(seq);
                range[0] = Math.min(range[0], frame.receivedMicros());
                range[1] = Math.max(range[1], frame.receivedMicros());
            }
        }
        System.out.printf("%s: at → frame, assistant_delta events: %s%n", label, percentiles(deltas));
        System.out.printf("%s: at → frame, every event of the run:   %s%n", label, percentiles(all));
        System.out.printf("%s: fake API flush → frame (incl. CLI):   %s%n", label, percentiles(endToEnd));
        if (subs.size() > 1) {
            List<Long> spreads = spread.values().stream().map(r -> r[1] - r[0]).toList();
            System.out.printf("%s: spread first → last subscriber/event: %s%n", label, percentiles(spreads));
        }
    }

    private static String percentiles(List<Long> micros) {
        if (micros.isEmpty()) {
            return "no samples";
        }
        return Percentiles.of(micros.stream().mapToLong(us -> us * 1000).toArray());
    }

    // ---------------------------------------------------------------- 2. concurrent runs

    private static Map<String, Long> concurrentRuns(StreamingMessagesApi api, int n) throws Exception {
        System.out.printf(
                "== 2. %d concurrent real CLI runs (new sessions, STREAM 100 deltas 20 ms apart each) ==%n", n);
        System.out.println("CI run using the CPU now: " + ciRunning());
        JsonNode before = metrics();
        System.out.printf(
                "before (as found, no GC): heap used %d MB, RSS %d MB, VmHWM %d MB, threads %s%n",
                heapMb(before),
                statusKb(appPid, "VmRSS:") / 1024,
                statusKb(appPid, "VmHWM:") / 1024,
                before.path("threads"));
        AtomicLong peakHeap = new AtomicLong();
        AtomicLong peakRss = new AtomicLong();
        AtomicLong peakCliRss = new AtomicLong();
        AtomicLong peakCli = new AtomicLong();
        AtomicLong peakCliPss = new AtomicLong();
        Thread sampler = Thread.ofPlatform().daemon().start(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                try {
                    peakHeap.accumulateAndGet(
                            metrics().path("memory").path("heapUsedBytes").asLong(), Math::max);
                    peakRss.accumulateAndGet(statusKb(appPid, "VmRSS:"), Math::max);
                    List<ProcessHandle> cli = ProcessHandle.of(appPid)
                            .map(h -> h.descendants().toList())
                            .orElse(List.of());
                    peakCli.accumulateAndGet(cli.size(), Math::max);
                    peakCliRss.accumulateAndGet(
                            cli.stream()
                                    .mapToLong(p -> statusKb(p.pid(), "VmRSS:"))
                                    .sum(),
                            Math::max);
                    peakCliPss.accumulateAndGet(
                            cli.stream().mapToLong(p -> pssKb(p.pid())).sum(), Math::max);
                    Thread.sleep(250);
                } catch (InterruptedException e) {
                    return;
                } catch (RuntimeException e) {
                    // a sample missed
                }
            }
        });
        HttpClient shared = client();
        long started = System.nanoTime();
        List<String> sessions = new ArrayList<>();
        List<TimedEventSocket> subs = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String sessionId = startRun(null, "STREAM 100 20 c" + i);
            sessions.add(sessionId);
            TimedEventSocket sub = TimedEventSocket.open(shared, admin);
            sub.subscribe(sessionId, 0);
            subs.add(sub);
        }
        long accepted = System.nanoTime();
        Map<String, Long> lastSeqs = new HashMap<>();
        int completed = 0;
        int intact = 0;
        List<String> problems = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            TimedEventSocket sub = subs.get(i);
            String reason;
            try {
                reason = sub.awaitRunEnded(0, RUN_TIMEOUT);
            } catch (AssertionError e) {
                problems.add("session " + i + ": " + e.getMessage());
                continue;
            }
            completed += "completed".equals(reason) ? 1 : 0;
            if (!"completed".equals(reason)) {
                problems.add("session " + i + " ended " + reason);
            }
            List<Long> seqs = new ArrayList<>();
            int deltas = 0;
            for (TimedEventSocket.Frame frame : sub.frames()) {
                if (frame.text().contains("\"type\":\"event\"")) {
                    JsonNode node = readTree(frame.text());
                    seqs.add(node.get("seq").asLong());
                    if ("assistant_delta".equals(node.path("event").path("kind").asText())) {
                        deltas++;
                    }
                }
            }
            boolean contiguous = true;
            for (int k = 0; k < seqs.size(); k++) {
                contiguous &= seqs.get(k) == k + 1;
            }
            int expected =
                    api.streamed.getOrDefault("c" + i, new AtomicInteger()).get();
            if (contiguous && deltas == expected && expected == 100) {
                intact++;
            } else {
                problems.add("session " + i + ": seqs " + (contiguous ? "contiguous" : "NOT contiguous: " + seqs)
                        + ", deltas " + deltas + " received vs " + expected + " streamed");
            }
            lastSeqs.put(sessions.get(i), seqs.isEmpty() ? 0 : seqs.getLast());
        }
        long wall = System.nanoTime() - started;
        sampler.interrupt();
        sampler.join();
        subs.forEach(TimedEventSocket::close);
        JsonNode after = metrics();
        System.out.printf(
                "all %d accepted after %.2f s; %d/%d ended completed; %d/%d with seqs 1..N contiguous and all "
                        + "100 deltas; total wall time %.2f s (start of the first POST to the last run_ended)%n",
                n, (accepted - started) / 1e9, completed, n, intact, n, wall / 1e9);
        problems.forEach(p -> System.out.println("  problem: " + p));
        System.out.printf(
                "app during the runs: peak heap used %d MB (sampled every 250 ms), peak RSS sampled %d MB, "
                        + "VmHWM %d MB; after: heap %d MB, RSS %d MB, threads %s%n",
                peakHeap.get() >> 20,
                peakRss.get() / 1024,
                statusKb(appPid, "VmHWM:") / 1024,
                heapMb(after),
                statusKb(appPid, "VmRSS:") / 1024,
                after.path("threads"));
        System.out.printf(
                "CLI processes under the app: up to %d at once (they stay alive after their run, one per session), "
                        + "summed RSS up to %d MB, summed PSS (shared pages split) up to %d MB%n",
                peakCli.get(), peakCliRss.get() / 1024, peakCliPss.get() / 1024);
        System.out.printf("fake API: side requests (not the streamed turn) answered: %d%n", api.otherRequests.get());
        System.out.println();
        return lastSeqs;
    }

    // ---------------------------------------------------------------- 3. idle sockets

    private static void idleSockets(int n, Map<String, Long> lastSeqs) throws Exception {
        System.out.printf("== 3. %d idle subscribed WebSockets ==%n", n);
        System.out.println(
                "method: bearer-token sockets from this JVM (16 shared HttpClients), each subscribes to one of the");
        System.out.println(
                "  sessions of part 2 after its last seq (nothing to replay) and stays open; the app's heap is read");
        System.out.println("  after `jcmd <pid> GC.run` (full GC), RSS from /proc/<pid>/status.");
        String gcNote = gc();
        Thread.sleep(1000);
        long heapBefore = metrics().path("memory").path("heapUsedBytes").asLong();
        long rssBefore = statusKb(appPid, "VmRSS:");
        int threadsBefore = metrics().path("threads").asInt();
        System.out.printf(
                "before (%s): heap used %.1f MB, RSS %.1f MB, threads %d%n",
                gcNote, heapBefore / 1048576.0, rssBefore / 1024.0, threadsBefore);
        List<HttpClient> clients = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            clients.add(client());
        }
        List<String> sessions = new ArrayList<>(lastSeqs.keySet());
        List<TimedEventSocket> subs = new ArrayList<>();
        Semaphore inFlight = new Semaphore(64);
        ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
        long t0 = System.nanoTime();
        CountDownLatch opened = new CountDownLatch(n);
        List<TimedEventSocket> synced = Collections.synchronizedList(subs);
        for (int i = 0; i < n; i++) {
            inFlight.acquire();
            String session = sessions.get(i % sessions.size());
            HttpClient http = clients.get(i % clients.size());
            TimedEventSocket.openAsync(http, admin).whenComplete((sub, error) -> {
                try {
                    if (error != null) {
                        failures.add(String.valueOf(error));
                    } else {
                        synced.add(sub);
                        sub.subscribe(session, lastSeqs.get(session));
                    }
                } finally {
                    inFlight.release();
                    opened.countDown();
                }
            });
        }
        if (!opened.await(5, TimeUnit.MINUTES)) {
            failures.add("not all sockets opened within 5 minutes");
        }
        int subscribed = 0;
        for (TimedEventSocket sub : List.copyOf(synced)) {
            try {
                sub.awaitSubscribed(Duration.ofSeconds(30));
                subscribed++;
            } catch (AssertionError e) {
                failures.add(e.getMessage());
            }
        }
        double openSeconds = (System.nanoTime() - t0) / 1e9;
        System.out.printf(
                "%d sockets open and subscribed (subscribed frame received) in %.1f s; failures: %d%s%n",
                subscribed, openSeconds, failures.size(), failures.isEmpty() ? "" : " e.g. " + failures.peek());
        Thread.sleep(2000);
        gcNote = gc();
        Thread.sleep(1000);
        JsonNode with = metrics();
        long heapAfter = with.path("memory").path("heapUsedBytes").asLong();
        long rssAfter = statusKb(appPid, "VmRSS:");
        System.out.printf(
                "with them (%s): heap used %.1f MB, RSS %.1f MB, threads %s%n",
                gcNote, heapAfter / 1048576.0, rssAfter / 1024.0, with.path("threads"));
        int count = Math.max(1, subscribed);
        System.out.printf(
                "per connection: heap %.1f KB, RSS %.1f KB (delta / %d)%n",
                (heapAfter - heapBefore) / 1024.0 / count, (rssAfter - rssBefore) / (double) count, count);
        System.out.println("largest classes on the app's heap with them open (jcmd GC.class_histogram, top 8):");
        histogram(8).forEach(line -> System.out.println("  " + line));
        for (TimedEventSocket sub : List.copyOf(synced)) {
            sub.close();
        }
        Thread.sleep(3000);
        gcNote = gc();
        Thread.sleep(1000);
        System.out.printf(
                "after closing them all (%s): heap used %.1f MB, RSS %.1f MB, threads %s%n",
                gcNote,
                metrics().path("memory").path("heapUsedBytes").asLong() / 1048576.0,
                statusKb(appPid, "VmRSS:") / 1024.0,
                metrics().path("threads"));
        System.out.println("  platform threads by name (jcmd Thread.print, top 6): " + threadNames(6));
    }

    // ---------------------------------------------------------------- helpers

    /** Starts a run (retrying while the session's previous run is still winding down) and returns its session. */
    private static String startRun(String sessionId, String prompt) throws InterruptedException {
        String session = sessionId == null ? "" : ",\"sessionId\":\"" + sessionId + "\"";
        String body = "{\"projectId\":\"" + projectId + "\",\"prompt\":\"" + prompt + "\"" + session
                + ",\"clientMessageId\":\"" + UUID.randomUUID() + "\"}";
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (true) {
            var response = admin.post("/api/runs", body);
            if (response.statusCode() == 202) {
                return ApiClient.json(response).get("sessionId").asText();
            }
            if (response.statusCode() != 409 || System.nanoTime() > deadline) {
                throw new AssertionError("POST /api/runs answered " + response.statusCode() + ": " + response.body());
            }
            Thread.sleep(50);
        }
    }

    private static JsonNode metrics() {
        return ApiClient.json(admin.get("/api/metrics"));
    }

    private static long heapMb(JsonNode metrics) {
        return metrics.path("memory").path("heapUsedBytes").asLong() >> 20;
    }

    private static String gc() {
        Path jcmd =
                Path.of(ProcessHandle.current().info().command().orElse("java")).resolveSibling("jcmd");
        if (!Files.isExecutable(jcmd)) {
            return "no jcmd: heap as found";
        }
        try {
            Process p = new ProcessBuilder(jcmd.toString(), String.valueOf(appPid), "GC.run")
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start();
            return p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0 ? "after jcmd GC.run" : "jcmd GC.run failed";
        } catch (Exception e) {
            return "jcmd GC.run failed: " + e.getMessage();
        }
    }

    private static List<String> histogram(int top) {
        Path jcmd =
                Path.of(ProcessHandle.current().info().command().orElse("java")).resolveSibling("jcmd");
        if (!Files.isExecutable(jcmd)) {
            return List.of("(no jcmd)");
        }
        try {
            Process p = new ProcessBuilder(jcmd.toString(), String.valueOf(appPid), "GC.class_histogram")
                    .redirectErrorStream(true)
                    .start();
            List<String> lines =
                    new String(p.getInputStream().readAllBytes()).lines().toList();
            p.waitFor(60, TimeUnit.SECONDS);
            return lines.stream()
                    .filter(l -> l.matches("\\s*(num\\s.*|\\d+:\\s+\\d+.*)"))
                    .limit(top + 1L)
                    .toList();
        } catch (Exception e) {
            return List.of("(jcmd GC.class_histogram failed: " + e.getMessage() + ")");
        }
    }

    /** Platform threads grouped by name with digits dropped, most numerous first. */
    private static String threadNames(int top) {
        Path jcmd =
                Path.of(ProcessHandle.current().info().command().orElse("java")).resolveSibling("jcmd");
        if (!Files.isExecutable(jcmd)) {
            return "(no jcmd)";
        }
        try {
            Process p = new ProcessBuilder(jcmd.toString(), String.valueOf(appPid), "Thread.print")
                    .redirectErrorStream(true)
                    .start();
            List<String> lines =
                    new String(p.getInputStream().readAllBytes()).lines().toList();
            p.waitFor(60, TimeUnit.SECONDS);
            Map<String, Integer> groups = new HashMap<>();
            for (String line : lines) {
                if (line.startsWith("\"")) {
                    String name =
                            line.substring(1, Math.max(1, line.indexOf('"', 1))).replaceAll("\\d+", "N");
                    groups.merge(name, 1, Integer::sum);
                }
            }
            return groups.entrySet().stream()
                    .sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
                    .limit(top)
                    .map(e -> e.getValue() + "× " + e.getKey())
                    .toList()
                    .toString();
        } catch (Exception e) {
            return "(jcmd Thread.print failed: " + e.getMessage() + ")";
        }
    }

    private static String ciRunning() {
        try {
            Process p = new ProcessBuilder("pgrep", "-f", "ci/run")
                    .redirectErrorStream(true)
                    .start();
            String out = new String(p.getInputStream().readAllBytes()).strip();
            p.waitFor(5, TimeUnit.SECONDS);
            return out.isEmpty() ? "no" : "YES (pid " + out.replace('\n', ',') + ")";
        } catch (Exception e) {
            return "unknown";
        }
    }

    static long pssKb(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/smaps_rollup"))) {
                if (line.startsWith("Pss:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
        } catch (Exception e) {
            return 0;
        }
        return 0;
    }

    static long statusKb(long pid, String field) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
                if (line.startsWith(field)) {
                    return Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
        } catch (Exception e) {
            return 0;
        }
        return 0;
    }

    private static HttpClient client() {
        return HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    }

    private static JsonNode readTree(String text) {
        try {
            return ApiClient.JSON.readTree(text);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
