package dev.ccui.bootstrap.bench;

import com.sun.management.OperatingSystemMXBean;
import dev.ccui.bootstrap.Application;
import dev.ccui.bootstrap.config.AppConfig;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;

/**
 * One cold full pass of the transcript index in this process, with the product's defaults (archive
 * on), into a fresh SQLite database or the PostgreSQL database {@code DATABASE_URL} names (which
 * must be empty): wall time, MB/s, the process's CPU seconds for the pass alone and those of the one
 * writer thread (this one), which bound the pass on a shared machine better than its wall time; a profiler
 * (JFR) attached to this JVM sees the index and nothing else. Each round starts from an empty
 * database; the first round carries the JIT warm-up, as the app's first pass does.
 *
 * <p>Usage: {@code IndexPassBenchmark <claude dir> <work dir> [rounds]}; {@code CCUI_*} variables (such as
 * {@code CCUI_ARCHIVE=off}) pass through to the app's configuration; PostgreSQL: {@code DATABASE_URL}
 * in the environment and one database per round, {@code <url>_<round>}, made by the caller.
 */
public final class IndexPassBenchmark {
    private IndexPassBenchmark() {}

    public static void main(String[] args) throws Exception {
        Path claude = Path.of(args[0]).toAbsolutePath();
        Path work = Path.of(args[1]).toAbsolutePath();
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 1;
        String databaseUrl = System.getenv("DATABASE_URL");
        long corpus;
        long files;
        try (Stream<Path> walk = Files.walk(claude.resolve("projects"))) {
            long[] sum = walk.filter(Files::isRegularFile)
                    .mapToLong(p -> p.toFile().length())
                    .collect(
                            () -> new long[2],
                            (a, size) -> {
                                a[0] += size;
                                a[1]++;
                            },
                            (a, b) -> {
                                a[0] += b[0];
                                a[1] += b[1];
                            });
            corpus = sum[0];
            files = sum[1];
        }
        System.out.printf(
                "corpus: %d files, %.1f MB, %s%n", files, corpus / 1e6, databaseUrl == null ? "SQLite" : "PostgreSQL");
        OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        for (int round = 1; round <= rounds; round++) {
            Path data = work.resolve("data-" + round);
            Map<String, String> env = new HashMap<>(Map.of(
                    "CCUI_DATA_DIR", data.toString(),
                    "CLAUDE_CONFIG_DIR", claude.toString(),
                    "CCUI_WORKSPACES_ROOT", work.toString(),
                    "CLAUDE_CLI_PATH", "/nonexistent"));
            // Knobs such as CCUI_ARCHIVE pass through.
            System.getenv().forEach((key, value) -> {
                if (key.startsWith("CCUI_") && !key.equals("CCUI_DATA_DIR")) {
                    env.put(key, value);
                }
            });
            if (databaseUrl != null) {
                env.put("DATABASE_URL", databaseUrl + "_" + round);
            }
            try (Application app = Application.build(AppConfig.fromEnvironment(env, work))) {
                long cpu = os.getProcessCpuTime();
                long writerCpu = threads.getCurrentThreadCpuTime();
                long start = System.nanoTime();
                // On this thread, as on the indexer's: it writes, the parser threads read.
                app.history().indexer().scanAll();
                double seconds = (System.nanoTime() - start) / 1e9;
                double cpuSeconds = (os.getProcessCpuTime() - cpu) / 1e9;
                double writerSeconds = (threads.getCurrentThreadCpuTime() - writerCpu) / 1e9;
                // What two free cores would take at best: the whole CPU spread over both, or the
                // writer's own share, whichever is longer (it cannot be split).
                double bound = Math.max(cpuSeconds / 2, writerSeconds);
                System.out.printf(
                        "round %d: full index %.2f s, %.1f MB/s, %.1f CPU-s (%.1f MB per CPU-s), writer thread %.1f CPU-s;"
                                + " on 2 free cores at best %.2f s = %.0f MB/s%n",
                        round,
                        seconds,
                        corpus / 1e6 / seconds,
                        cpuSeconds,
                        corpus / 1e6 / cpuSeconds,
                        writerSeconds,
                        bound,
                        corpus / 1e6 / bound);
            }
        }
    }
}
