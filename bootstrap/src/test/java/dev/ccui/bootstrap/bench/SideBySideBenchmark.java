package dev.ccui.bootstrap.bench;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ccui.bootstrap.testing.ApiClient;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.IntFunction;

/**
 * Issue 14's side-by-side benchmark, for one app on one corpus: a cold start (corpus and app code
 * out of the page cache, no index, no accounts) then a warm one (index and accounts kept), timed
 * from the outside: start → HTTP answer, start → a listing with every project at its right session
 * count, the full index (ours), RSS from {@code /proc}, single-client listing latency, {@code wrk}
 * and, for ours, the issue 3 figures (first page, search, append → {@code projects_changed}).
 * Every figure goes to the results file with the machine's load while it was taken;
 * {@link ComparisonTable} prints the table. Run by {@code ops/bench/side-by-side.sh}.
 *
 * <p>Usage: {@code SideBySideBenchmark <ours|reference> <corpus label> <claude config dir> <run dir> <results file>}
 */
public final class SideBySideBenchmark {
    private static final List<String> SEARCH_WORDS = List.of(
            "refactor", "tests", "parser", "database", "error", "config", "migration", "docker", "kotlin", "function");

    private final BenchSettings settings;
    private final App app;
    private final Corpus corpus;
    private final Recorder recorder;
    private final Path runDir;
    private final LoadMeter meter;
    private volatile Process process;

    private SideBySideBenchmark(BenchSettings settings, App app, Corpus corpus, Recorder recorder, Path runDir) {
        this.settings = settings;
        this.app = app;
        this.corpus = corpus;
        this.recorder = recorder;
        this.runDir = runDir;
        this.meter = new LoadMeter(() -> {
            Process p = process;
            return p == null ? List.of() : app.pids(p);
        });
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 5 || !List.of("ours", "reference").contains(args[0])) {
            System.err.println(
                    "usage: SideBySideBenchmark <ours|reference> <corpus label> <claude config dir> <run dir> <results file>");
            System.exit(2);
        }
        BenchSettings settings = BenchSettings.fromSystemProperties();
        Path claude = Path.of(args[2]).toAbsolutePath();
        Path runDir = Path.of(args[3]).toAbsolutePath();
        Files.createDirectories(runDir);
        Corpus corpus = Corpus.read(claude.resolve("projects"));
        App app = args[0].equals("ours")
                ? new OursApp(settings, claude, runDir)
                : new ReferenceApp(settings, claude.resolve("projects"), runDir);
        Recorder recorder = new Recorder(Path.of(args[4]).toAbsolutePath(), args[1], app.label());
        SideBySideBenchmark benchmark = new SideBySideBenchmark(settings, app, corpus, recorder, runDir);
        Runtime.getRuntime().addShutdownHook(new Thread(benchmark::stopQuietly));
        benchmark.run();
    }

    private void run() throws Exception {
        System.out.printf(
                Locale.ROOT,
                "== %s on %s: %d projects, %d sessions, %d files, %.1f MB ==%n",
                app.label(),
                corpus.projects(),
                corpus.sessionsByCwd().size(),
                corpus.sessions(),
                corpus.files().size(),
                corpus.bytes() / 1e6);
        recorder.record(
                "corpus",
                corpus.bytes() / 1e6,
                "MB",
                corpus.sessions() + " sessions in " + corpus.sessionsByCwd().size() + " projects, "
                        + corpus.files().size() + " files",
                meter.begin().end());
        String token = cold();
        warm(token);
    }

    /** Fresh state, corpus and app code read from disk: the first start on a machine. */
    private String cold() throws Exception {
        List<Path> evict = new ArrayList<>(app.codeFiles());
        evict.add(corpus.projects());
        System.out.printf("cold start (page cache: %s)%n", PageCache.evict(settings.vmtouch(), corpus.files(), evict));
        int port = freePort();
        LoadMeter.Phase fromStart = meter.begin();
        long t0 = System.nanoTime();
        long wall0 = System.currentTimeMillis();
        process = started(app.start(port, true));
        Http http = new Http(port);
        try (RssSampler rss = new RssSampler(process.pid())) {
            Listening listening = awaitListening(port, t0);
            recorder.record(
                    "cold.listening",
                    seconds(t0, listening.answeredAt()),
                    "s",
                    listening.describe(t0),
                    fromStart.end());

            long authStart = System.nanoTime();
            String token = app.firstToken(http);
            String auth = String.format(Locale.ROOT, "sign-up %.0f ms", (System.nanoTime() - authStart) / 1e6);
            Listing listing = awaitListing(http, token, t0);
            String note = listing.describe(corpus, t0) + "; " + auth;
            if (app instanceof ReferenceApp reference) {
                Corpus.Check full = corpus.check(reference.fullCounts(http, token, listing.body()));
                note += String.format(
                        Locale.ROOT,
                        "; asked per project (/sessions?limit=1000000): %s after %.2f s",
                        full.describe(corpus),
                        seconds(t0, System.nanoTime()));
            }
            recorder.record(
                    "cold.listing",
                    listing.completeAt() < 0 ? Double.NaN : seconds(t0, listing.completeAt()),
                    "s",
                    listing.badge(corpus),
                    note,
                    fromStart.end());

            long readAt = listing.completeAt() < 0 ? System.nanoTime() : listing.completeAt();
            Load reading = fromStart.end();
            if (app.indexes()) {
                IndexDone done = awaitIndex(http, token, t0, wall0, listening.answeredAt());
                readAt = done.at();
                reading = fromStart.end();
                double window = done.seconds() - done.startedSeconds();
                recorder.record(
                        "index",
                        done.bytes() / 1e6 / window,
                        "MB/s",
                        String.format(
                                Locale.ROOT,
                                "%.1f MB, %d files in %.2f s from %s (%.2f s after start), %.1f CPU-s; %s",
                                done.bytes() / 1e6,
                                done.files(),
                                window,
                                done.startedFrom(),
                                done.seconds(),
                                reading.appCores() * reading.seconds(),
                                searchCheck(http, token)),
                        reading);
            }
            double peak = rss.peakMb(t0, readAt);
            double atDone = rss.nowMb();
            recorder.record(
                    "rss.indexingPeak",
                    peak,
                    "MB",
                    String.format(Locale.ROOT, "VmHWM %.0f MB", rss.highWaterMb()),
                    reading);
            LoadMeter.Phase settle = meter.begin();
            pause(settings.settleSeconds());
            recorder.record(
                    "rss.afterIndex",
                    rss.nowMb(),
                    "MB",
                    String.format(Locale.ROOT, "%.0f MB when done, %d s later idle", atDone, settings.settleSeconds()),
                    settle.end());
            stop();
            return token;
        }
    }

    /** The index and accounts kept, the corpus in the page cache: a restart, then the load figures. */
    private void warm(String token) throws Exception {
        System.out.println("warm start");
        int port = freePort();
        LoadMeter.Phase fromStart = meter.begin();
        long t0 = System.nanoTime();
        long wall0 = System.currentTimeMillis();
        process = started(app.start(port, false));
        Http http = new Http(port);
        Path appended = corpus.busiestProjectFile();
        long appendedSize = Files.size(appended);
        try (RssSampler rss = new RssSampler(process.pid())) {
            Listening listening = awaitListening(port, t0);
            recorder.record(
                    "warm.listening",
                    seconds(t0, listening.answeredAt()),
                    "s",
                    listening.describe(t0),
                    fromStart.end());
            Listing listing = awaitListing(http, token, t0);
            recorder.record(
                    "warm.listing",
                    listing.completeAt() < 0 ? Double.NaN : seconds(t0, listing.completeAt()),
                    "s",
                    listing.badge(corpus),
                    listing.describe(corpus, t0),
                    fromStart.end());
            if (app.indexes()) {
                IndexDone done = awaitIndex(http, token, t0, wall0, listening.answeredAt());
                recorder.record(
                        "warm.rescan",
                        done.seconds(),
                        "s",
                        "start → index caught up with the files again",
                        fromStart.end());
            }
            LoadMeter.Phase idle = meter.begin();
            pause(settings.settleSeconds());
            recorder.record(
                    "rss.idle",
                    rss.nowMb(),
                    "MB",
                    "warm start, " + settings.settleSeconds() + " s without requests",
                    idle.end());

            LoadMeter.Phase single = meter.begin();
            Samples listingTimes = time(settings.requests(), i -> http.get("/api/projects", token));
            Load singleLoad = single.end();
            recorder.record("projects.p50", listingTimes.ms(0.50), "ms", listingTimes.note(), singleLoad);
            recorder.record("projects.p99", listingTimes.ms(0.99), "ms", listingTimes.note(), singleLoad);

            LoadMeter.Phase loadRuns = meter.begin();
            load("health", http.base() + app.healthPath(), null);
            load("projects", http.base() + "/api/projects", token);
            if (settings.jfr() != null && app instanceof OursApp) {
                profile(http.base() + "/api/projects", token);
            }
            if (settings.extras()) {
                firstPage(http, token, listing.body());
                if (app.indexes()) {
                    search(http, token);
                    appendToChange(http, token, appended);
                }
            }
            recorder.record(
                    "rss.afterLoad",
                    rss.nowMb(),
                    "MB",
                    String.format(Locale.ROOT, "VmHWM %.0f MB", rss.highWaterMb()),
                    loadRuns.end());
            stop();
        } finally {
            // The appended lines go again, so every app and every later run reads the same corpus.
            try (FileChannel file = FileChannel.open(appended, StandardOpenOption.WRITE)) {
                file.truncate(appendedSize);
            }
        }
    }

    private void load(String name, String url, String token) throws Exception {
        Wrk.Result warmUp = Wrk.run(settings, url, token, settings.wrkWarmupSeconds(), true);
        awaitQuiet();
        LoadMeter.Phase phase = meter.begin();
        Wrk.Result result = Wrk.run(settings, url, token, settings.wrkSeconds(), false);
        Load load = phase.end();
        double drained = awaitQuiet();
        String note = String.format(
                Locale.ROOT,
                "p50 %.1f ms; %s (>= 400 counted); warm-up %s; the app was idle again %.1f s after wrk ended",
                result.p50Ms(),
                result.statusNote(),
                warmUp.statusNote(),
                drained);
        long failed = result.not2xx() + result.timeouts() + result.socketErrors() + warmUp.not2xx();
        String badge = result.responses() == 0
                ? "no answer completed"
                : failed == 0
                        ? "all 2xx"
                        : result.not2xx() + warmUp.not2xx() + " not 2xx, " + result.timeouts() + " timeouts";
        recorder.record("wrk." + name + ".rps", result.requestsPerSecond(), "req/s", badge, note, load);
        recorder.record("wrk." + name + ".p99", result.p99Ms(), "ms", note, load);
    }

    /**
     * After a load run an app may still work off requests it accepted (the reference computes every
     * listing it took in, long after wrk gave up on them, while its health still answers between
     * them): waits until the app uses less than a tenth of a core over two half-second windows
     * running, at most 2 minutes, so the next figure does not pay for the previous one. Returns
     * the seconds waited.
     */
    private double awaitQuiet() {
        long start = System.nanoTime();
        long deadline = start + TimeUnit.MINUTES.toNanos(2);
        int quiet = 0;
        while (quiet < 2 && System.nanoTime() < deadline) {
            LoadMeter.Phase window = meter.begin();
            LockSupport.parkNanos(Duration.ofMillis(500).toNanos());
            quiet = window.end().appCores() < 0.1 ? quiet + 1 : 0;
        }
        return seconds(start, System.nanoTime());
    }

    /** A JFR recording of the listing under the same wrk load, then its hottest frames. */
    private void profile(String url, String token) throws Exception {
        String jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd").toString();
        String pid = Long.toString(process.pid());
        Files.deleteIfExists(settings.jfr());
        // A 1 ms sampling period (profile settings: 10 ms): a few seconds of load give thousands of samples.
        command(
                jcmd,
                pid,
                "JFR.start",
                "name=ccui-bench",
                "settings=profile",
                "jdk.ExecutionSample#period=1ms",
                "filename=" + settings.jfr());
        LoadMeter.Phase phase = meter.begin();
        // Three times the measured run: enough samples even when other work shares the cores.
        Wrk.Result result = Wrk.run(settings, url, token, 3 * settings.wrkSeconds(), true);
        Load load = phase.end();
        command(jcmd, pid, "JFR.stop", "name=ccui-bench");
        recorder.record(
                "profile.rps",
                result.requestsPerSecond(),
                "req/s",
                "with JFR (settings=profile) recording to " + settings.jfr() + "; " + result.statusNote(),
                load);
        awaitQuiet();
        JfrSummary.print(settings.jfr(), System.out, 25);
    }

    private void firstPage(Http http, String token, JsonNode listing) {
        String busiest = corpus.busiestProjectFile().getParent().getFileName().toString();
        String path = null;
        for (JsonNode project : listing) {
            if (app instanceof OursApp
                    && busiest.equals(
                            corpus.folderByCwd().get(project.path("path").asText()))) {
                path = "/api/projects/" + project.path("id").asText() + "/sessions?limit=50";
            } else if (app instanceof ReferenceApp
                    && project.path("name").asText().equals(busiest)) {
                path = "/api/projects/" + busiest + "/sessions?limit=50&offset=0";
            }
        }
        String url = path;
        LoadMeter.Phase phase = meter.begin();
        Samples samples = time(settings.requests(), i -> http.get(url, token));
        recorder.record(
                "sessions.firstPage.p99",
                samples.ms(0.99),
                "ms",
                String.format(Locale.ROOT, "p50 %.2f ms, %s", samples.ms(0.50), samples.note()),
                phase.end());
    }

    private void search(Http http, String token) {
        LoadMeter.Phase phase = meter.begin();
        Samples samples = time(
                settings.requests(),
                i -> http.get("/api/search?q=" + SEARCH_WORDS.get(i % SEARCH_WORDS.size()) + "&limit=20", token));
        recorder.record(
                "search.p99",
                samples.ms(0.99),
                "ms",
                String.format(Locale.ROOT, "p50 %.2f ms, %s", samples.ms(0.50), samples.note()),
                phase.end());
    }

    /** Appends a prompt line to a watched transcript and waits for the {@code projects_changed} frame, as the issue 3 benchmark does. */
    private void appendToChange(Http http, String token, Path file) throws Exception {
        LoadMeter.Phase phase = meter.begin();
        long[] delays = AppendDelay.measure(new ApiClient(http.base(), token), file, settings.appends());
        recorder.record(
                "append.projectsChanged.p99",
                Percentiles.ms(delays, 0.99),
                "ms",
                "p50 " + String.format(Locale.ROOT, "%.1f ms (n=%d)", Percentiles.ms(delays, 0.50), delays.length),
                phase.end());
    }

    private String searchCheck(Http http, String token) {
        JsonNode hits =
                http.json(http.get("/api/search?q=refactor&limit=20", token)).path("items");
        if (hits.isEmpty()) {
            throw new IllegalStateException("the index says it is done but a search for a corpus word finds nothing");
        }
        return "full text: search 'refactor' → " + hits.size() + " hits";
    }

    private record Listing(long completeAt, JsonNode body, Corpus.Check check, long allProjectsAt, int polls) {
        String badge(Corpus corpus) {
            return check == null
                    ? "no listing"
                    : check.complete() ? null : check.sessionsSeen() + "/" + corpus.sessions() + " sessions";
        }

        String describe(Corpus corpus, long t0) {
            if (check == null) {
                return "no listing answered (" + polls + " asked)";
            }
            String counts = check.describe(corpus) + (check.complete() ? "" : " (counts not right)");
            String projects = allProjectsAt < 0
                    ? ""
                    : String.format(Locale.ROOT, "; all projects listed after %.2f s", seconds(t0, allProjectsAt));
            return counts + projects + "; " + polls + " listings asked";
        }
    }

    /**
     * Asks for the listing until every project shows its right session count. The reference's
     * listing counts at most 10 sessions a project, so for it the first listing naming every
     * project is its complete answer (the count check is reported, not awaited).
     */
    private Listing awaitListing(Http http, String token, long t0) {
        long deadline = t0 + TimeUnit.SECONDS.toNanos(settings.listingTimeoutSeconds());
        long allProjectsAt = -1;
        int polls = 0;
        JsonNode body = null;
        Corpus.Check check = null;
        while (System.nanoTime() < deadline) {
            HttpResponse<String> response = http.get("/api/projects", token);
            long at = System.nanoTime();
            polls++;
            if (response.statusCode() == 401 || response.statusCode() == 403) {
                throw new IllegalStateException(
                        "the listing refused the token: " + response.statusCode() + " " + response.body());
            }
            if (response.statusCode() == 200) {
                body = ApiClient.json(response.body());
                check = corpus.check(app.counts(body));
                if (allProjectsAt < 0
                        && check.projectsSeen() == corpus.sessionsByCwd().size()) {
                    allProjectsAt = at;
                }
                if (check.complete() || (app instanceof ReferenceApp && allProjectsAt >= 0)) {
                    return new Listing(at, body, check, allProjectsAt, polls);
                }
            }
            // Every 20 ms while the goal (about a second) is in reach, then every 100 ms so that
            // the polling does not slow the index it waits for.
            boolean early = System.nanoTime() - t0 < TimeUnit.SECONDS.toNanos(5);
            LockSupport.parkNanos(Duration.ofMillis(early ? 20 : 100).toNanos());
        }
        return new Listing(-1, body, check, allProjectsAt, polls);
    }

    private record IndexDone(
            long at, double seconds, double startedSeconds, String startedFrom, long bytes, long files) {}

    /**
     * Waits until the index says it has read every file in full (tokens, cost and full text): a
     * pass lists the sessions first ({@code phase} {@code listing}) and stays {@code scanning}
     * until the full reads ({@code parsing}) are done. The end is the app's own {@code lastScanFinishedAt}, so the poll
     * interval does not count; the start is {@code lastScanStartedAt} when health shows it, else the
     * first HTTP answer (the index starts once the app listens).
     */
    private IndexDone awaitIndex(Http http, String token, long t0, long wall0, long listening) {
        long deadline = t0 + TimeUnit.SECONDS.toNanos(settings.listingTimeoutSeconds());
        while (System.nanoTime() < deadline) {
            JsonNode index =
                    http.json(http.get("/api/health", token)).path("checks").path("index");
            long at = System.nanoTime();
            Instant finished = instant(index.path("lastScanFinishedAt"));
            if ("watching".equals(index.path("state").asText())
                    && index.path("filesTotal").asLong() > 0
                    && index.path("filesDone").asLong()
                            == index.path("filesTotal").asLong()
                    && finished != null
                    && finished.toEpochMilli() >= wall0) {
                double seconds = Math.min(seconds(t0, at), (finished.toEpochMilli() - wall0) / 1e3);
                Instant started = instant(index.path("lastScanStartedAt"));
                double startedSeconds =
                        started == null ? seconds(t0, listening) : (started.toEpochMilli() - wall0) / 1e3;
                return new IndexDone(
                        at,
                        seconds,
                        startedSeconds,
                        started == null ? "the first HTTP answer" : "lastScanStartedAt",
                        index.path("bytesTotal").asLong(),
                        index.path("filesTotal").asLong());
            }
            LockSupport.parkNanos(Duration.ofMillis(100).toNanos());
        }
        throw new IllegalStateException("the index did not finish within " + settings.listingTimeoutSeconds() + " s");
    }

    private static Instant instant(JsonNode text) {
        return text.isTextual() ? Instant.parse(text.asText()) : null;
    }

    /** When the app first accepted a connection and first answered HTTP ({@link System#nanoTime()}). */
    private record Listening(long acceptedAt, long answeredAt, int status) {
        String describe(long t0) {
            return String.format(
                    Locale.ROOT,
                    "first connection accepted after %.2f s, first answer %d",
                    seconds(t0, acceptedAt),
                    status);
        }
    }

    /** Polls the health path on fresh connections every 5 ms; returns when the first HTTP answer (any status) arrives. */
    private Listening awaitListening(int port, long t0) {
        long deadline = t0 + TimeUnit.MINUTES.toNanos(5);
        long accepted = -1;
        while (System.nanoTime() < deadline) {
            Http.Probe probe = Http.probe(port, app.healthPath());
            if (accepted < 0 && probe.acceptedAt() > 0) {
                accepted = probe.acceptedAt();
            }
            if (probe.status() > 0) {
                return new Listening(accepted, System.nanoTime(), probe.status());
            }
            if (!process.isAlive()) {
                throw new IllegalStateException(
                        app.label() + " exited with " + process.exitValue() + "; see the logs in " + runDir);
            }
            LockSupport.parkNanos(Duration.ofMillis(5).toNanos());
        }
        throw new IllegalStateException(
                app.label() + " did not answer HTTP within 5 minutes; see the logs in " + runDir);
    }

    private record Samples(long[] nanos, int failures, boolean cut) {
        double ms(double q) {
            return Percentiles.ms(nanos, q);
        }

        String note() {
            return "n=" + nanos.length + (failures > 0 ? ", " + failures + " not 200" : "")
                    + (cut ? " (time-boxed)" : "");
        }
    }

    /** Times up to {@code n} sequential calls after a warm-up of a sixth as many; stops after 30 s (the reference takes ~200 ms a listing). */
    private static Samples time(int n, IntFunction<HttpResponse<String>> call) {
        long box = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        for (int i = 0; i < Math.max(1, n / 6) && System.nanoTime() < box; i++) {
            call.apply(i);
        }
        box = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        long[] out = new long[n];
        int done = 0;
        int failures = 0;
        while (done < n && (done < 10 || System.nanoTime() < box)) {
            long t = System.nanoTime();
            HttpResponse<String> response = call.apply(done);
            out[done++] = System.nanoTime() - t;
            if (response.statusCode() != 200) {
                failures++;
            }
        }
        return new Samples(Arrays.copyOf(out, done), failures, done < n);
    }

    private Process started(Process started) throws IOException {
        if (settings.pidFile() != null) {
            Files.writeString(
                    settings.pidFile(), started.pid() + "\n", StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        }
        return started;
    }

    /** SIGTERM, as a service manager stops it; SIGKILL after 40 s (ours lets requests finish for up to 20 s). */
    private void stop() throws InterruptedException {
        Process p = process;
        if (p == null) {
            return;
        }
        p.descendants().forEach(ProcessHandle::destroy);
        p.destroy();
        if (!p.waitFor(40, TimeUnit.SECONDS)) {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
        process = null;
    }

    private void stopQuietly() {
        try {
            stop();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void command(String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        if (p.waitFor() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed: " + out);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static double seconds(long from, long to) {
        return (to - from) / 1e9;
    }

    private static void pause(int seconds) throws InterruptedException {
        Thread.sleep(Duration.ofSeconds(seconds));
    }
}
