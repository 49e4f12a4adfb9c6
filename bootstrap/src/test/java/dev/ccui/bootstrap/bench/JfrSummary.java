package dev.ccui.bootstrap.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedMethod;
import jdk.jfr.consumer.RecordingFile;

/**
 * The hottest frames of a JFR recording's CPU samples ({@code jdk.ExecutionSample}): by the method
 * on top of the stack (self), and, for our own code, by the methods anywhere on the stack
 * (inclusive: a sample counts once for each method it passes through), and by library on the stack,
 * as shares of all samples.
 *
 * <p>Usage: {@code JfrSummary <recording.jfr> [rows]}; {@code -Dbench.jfr.event=jdk.CPUTimeSample} reads the
 * CPU-time sampler's samples instead (JDK 25, Linux: recorded with {@code jdk.CPUTimeSample#enabled=true}),
 * which also sees native code such as zlib and SQLite, where the execution sampler sees only Java frames.
 */
public final class JfrSummary {
    private static final String EVENT = System.getProperty("bench.jfr.event", "jdk.ExecutionSample");

    private JfrSummary() {}

    public static void main(String[] args) throws IOException {
        if (args.length < 1) {
            System.err.println("usage: JfrSummary <recording.jfr> [rows]");
            System.exit(2);
        }
        print(Path.of(args[0]), System.out, args.length > 1 ? Integer.parseInt(args[1]) : 25);
    }

    static void print(Path recording, PrintStream out, int rows) throws IOException {
        Map<String, Integer> self = new HashMap<>();
        Map<String, Integer> selfByPackage = new HashMap<>();
        Map<String, Integer> inclusive = new HashMap<>();
        Map<String, Integer> inclusiveByLibrary = new HashMap<>();
        int samples = 0;
        int truncated = 0;
        try (RecordingFile file = new RecordingFile(recording)) {
            while (file.hasMoreEvents()) {
                RecordedEvent event = file.readEvent();
                if (!event.getEventType().getName().equals(EVENT) || event.getStackTrace() == null) {
                    continue;
                }
                samples++;
                if (event.getStackTrace().isTruncated()) {
                    truncated++;
                }
                List<RecordedFrame> frames = event.getStackTrace().getFrames();
                if (frames.isEmpty()) {
                    continue;
                }
                RecordedMethod top = frames.getFirst().getMethod();
                self.merge(name(top), 1, Integer::sum);
                selfByPackage.merge(packageOf(top), 1, Integer::sum);
                Set<String> seen = new HashSet<>();
                Set<String> libraries = new HashSet<>();
                for (RecordedFrame frame : frames) {
                    String method = name(frame.getMethod());
                    // Lambda frames repeat the method that made them.
                    if (method.startsWith("dev.ccui.") && !method.contains("$$Lambda") && seen.add(method)) {
                        inclusive.merge(method, 1, Integer::sum);
                    }
                    if (libraries.add(library(frame.getMethod()))) {
                        inclusiveByLibrary.merge(library(frame.getMethod()), 1, Integer::sum);
                    }
                }
            }
        }
        out.printf(Locale.ROOT, "JFR %s: %d CPU samples (%d with truncated stacks)%n", recording, samples, truncated);
        table(out, "self (top of stack)", self, samples, rows);
        table(out, "self by package", selfByPackage, samples, rows);
        table(out, "inclusive, our code (dev.ccui.*)", inclusive, samples, rows);
        table(out, "inclusive by library (JDK: by class)", inclusiveByLibrary, samples, rows);
    }

    private static void table(PrintStream out, String title, Map<String, Integer> counts, int samples, int rows) {
        out.println("-- " + title);
        counts.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
                .limit(rows)
                .forEach(e -> out.printf(
                        Locale.ROOT,
                        "%6.1f %%  %6d  %s%n",
                        100.0 * e.getValue() / Math.max(1, samples),
                        e.getValue(),
                        e.getKey()));
    }

    private static String name(RecordedMethod method) {
        return method.getType().getName() + "." + method.getName();
    }

    /** A library by its package cut to three segments; JDK code by its outer class ({@code java.util.Formatter}). */
    private static String library(RecordedMethod method) {
        String type = method.getType().getName();
        if (type.startsWith("java.")
                || type.startsWith("javax.")
                || type.startsWith("sun.")
                || type.startsWith("jdk.")
                || type.startsWith("com.sun.")) {
            int nested = type.indexOf('$');
            return nested < 0 ? type : type.substring(0, nested);
        }
        return packageOf(method);
    }

    /** The class's package cut to three segments ({@code org.eclipse.jetty}, {@code dev.ccui.adapters}). */
    private static String packageOf(RecordedMethod method) {
        String type = method.getType().getName();
        String[] parts = type.split("\\.");
        return parts.length <= 1 ? type : String.join(".", Arrays.copyOf(parts, Math.min(3, parts.length - 1)));
    }
}
