package dev.ccui.bootstrap.load;

import dev.ccui.bootstrap.testing.ApiClient;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.HdrHistogram.ConcurrentHistogram;

/**
 * Several clients sending traffic for a while, with this JVM's heap after GC and RSS sampled: the
 * figures a soak reports. Latencies go to a fixed-size histogram, not a list, so a 30-minute soak
 * measures the app's memory and not its own (the apps under test run in this JVM).
 */
public final class Soak {
    /** Errors kept for the report; more are counted, not kept. */
    private static final int MAX_ERRORS = 100;

    /** One client: {@link #step} sends one round of requests and says what went wrong, or null. */
    public interface Client extends AutoCloseable {
        String step(long round) throws Exception;

        @Override
        default void close() {}
    }

    /** Makes client number {@code index} (its own socket, its own names). */
    public interface Clients {
        Client open(int index) throws Exception;
    }

    /** What a soak measured. */
    public record Result(
            double minutes,
            long requests,
            long errorCount,
            List<String> errors,
            ConcurrentHistogram latencyMicros,
            List<double[]> samples,
            double heapSlope,
            double rssSlope) {
        /** One line a report can quote. */
        public String line(String name) {
            return String.format(
                    java.util.Locale.ROOT,
                    "LOAD %s %s min: %d rounds (%s/s), %d errors, p50 %s ms, p99 %s ms, p999 %s ms, max %s ms;"
                            + " heap after GC %s -> %s MB (slope %s MB/min), RSS %s -> %s MB (slope %s MB/min), %d samples",
                    name,
                    Figures.round(minutes),
                    requests,
                    Figures.round(requests / (minutes * 60)),
                    errorCount,
                    millis(0.50),
                    millis(0.99),
                    millis(0.999),
                    Figures.round(latencyMicros.getMaxValue() / 1000.0),
                    Figures.round(samples.getFirst()[1]),
                    Figures.round(samples.getLast()[1]),
                    Figures.round(heapSlope),
                    Figures.round(samples.getFirst()[2]),
                    Figures.round(samples.getLast()[2]),
                    Figures.round(rssSlope),
                    samples.size());
        }

        private String millis(double quantile) {
            return Figures.round(latencyMicros.getValueAtPercentile(quantile * 100) / 1000.0);
        }
    }

    private Soak() {}

    /**
     * One round of the soaks' mixed traffic as {@code as}: {@code GET /api/projects} or
     * {@code /api/auth/me}, and every fifth round an API key created and revoked again (so the table
     * does not grow without bound). What went wrong, or null.
     */
    public static String mixedRound(ApiClient as, int client, long round) {
        var response = round % 5 == 0
                ? as.post("/api/api-keys", "{\"name\":\"soak-" + client + "-" + round + "\"}")
                : as.get(round % 2 == 0 ? "/api/projects" : "/api/auth/me");
        if (response.statusCode() >= 300) {
            return response.statusCode() + " " + response.body();
        }
        if (round % 5 == 0) {
            var revoked = as.send(
                    "DELETE",
                    "/api/api-keys/" + ApiClient.json(response).get("id").asText(),
                    null);
            if (revoked.statusCode() != 204) {
                return "revoke: " + revoked.statusCode() + " " + revoked.body();
            }
        }
        return null;
    }

    /** Runs {@code count} clients for {@code minutes}, sampling memory every {@code sampleEvery}. */
    public static Result run(double minutes, Duration sampleEvery, int count, Clients clients)
            throws InterruptedException {
        AtomicBoolean stop = new AtomicBoolean();
        AtomicLong requests = new AtomicLong();
        AtomicLong errorCount = new AtomicLong();
        List<String> errors = new CopyOnWriteArrayList<>();
        ConcurrentHistogram latencies = new ConcurrentHistogram(3);
        List<Thread> threads = new ArrayList<>();
        for (int c = 0; c < count; c++) {
            int index = c;
            threads.add(Thread.ofVirtual().start(() -> {
                try (Client client = clients.open(index)) {
                    for (long round = 0; !stop.get(); round++) {
                        long sent = System.nanoTime();
                        String error;
                        try {
                            error = client.step(round);
                        } catch (Exception | AssertionError e) {
                            // Counted, and the client goes on: one failed request must not silence
                            // a client for the rest of the soak.
                            error = e.toString();
                        }
                        latencies.recordValue((System.nanoTime() - sent) / 1000);
                        requests.incrementAndGet();
                        if (error != null) {
                            note(error, errorCount, errors);
                        }
                    }
                } catch (Exception e) {
                    note(e.toString(), errorCount, errors);
                }
            }));
        }
        var memory = ManagementFactory.getMemoryMXBean();
        List<double[]> samples = new ArrayList<>();
        long start = System.nanoTime();
        long end = start + (long) (minutes * 60e9);
        while (System.nanoTime() < end) {
            Thread.sleep(sampleEvery.toMillis()); // the sampling period itself, not synchronisation
            memory.gc();
            samples.add(new double[] {
                (System.nanoTime() - start) / 60e9, memory.getHeapMemoryUsage().getUsed() / 1048576.0, rssMb()
            });
        }
        stop.set(true);
        for (Thread thread : threads) {
            thread.join(Duration.ofSeconds(60));
        }
        double[] at = samples.stream().mapToDouble(s -> s[0]).toArray();
        return new Result(
                minutes,
                requests.get(),
                errorCount.get(),
                List.copyOf(errors),
                latencies,
                samples,
                Figures.slope(at, samples.stream().mapToDouble(s -> s[1]).toArray()),
                Figures.slope(at, samples.stream().mapToDouble(s -> s[2]).toArray()));
    }

    private static void note(String error, AtomicLong count, List<String> kept) {
        if (count.incrementAndGet() <= MAX_ERRORS) {
            kept.add(error);
        }
    }

    /** This JVM's resident set, MB (-1 where /proc is not there). */
    static double rssMb() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("\\D", "")) / 1024.0;
                }
            }
        } catch (java.io.IOException e) {
            return -1;
        }
        return -1;
    }
}
