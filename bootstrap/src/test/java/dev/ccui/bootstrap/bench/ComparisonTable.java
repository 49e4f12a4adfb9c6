package dev.ccui.bootstrap.bench;

import dev.ccui.bootstrap.testing.ApiClient;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.BiPredicate;

/**
 * Prints the side-by-side results as Markdown: per corpus, the issue 14 table (figure | ours on
 * SQLite | ours on PostgreSQL | reference | ratio | goal) with ✓/✗ against each goal, the machine
 * load while each figure was taken, and how each was taken.
 *
 * <p>Usage: {@code ComparisonTable <results.jsonl>}
 */
public final class ComparisonTable {
    static final String SQLITE = "ours (SQLite)";
    static final String POSTGRES = "ours (PostgreSQL)";
    static final String REFERENCE = "reference";

    /** A row: its figure key, its words, the goal in words and as a test of (ours, reference); null when there is none. */
    private record Row(String key, String title, String goal, BiPredicate<Double, Double> meets) {}

    private static final List<Row> ROWS = List.of(
            new Row("cold.listening", "process start → HTTP listening, cold", "≤ 0.8 s", (v, r) -> v <= 0.8),
            new Row("warm.listening", "process start → HTTP listening, warm restart", "≤ 0.8 s", (v, r) -> v <= 0.8),
            new Row(
                    "cold.listing",
                    "process start → complete project listing (right counts), cold",
                    "≤ 1.2 s",
                    (v, r) -> v <= 1.2),
            new Row(
                    "warm.listing",
                    "process start → complete project listing, warm restart",
                    "≤ 1.2 s",
                    (v, r) -> v <= 1.2),
            new Row("index", "full index of the corpus (tokens, cost, full text)", "≥ 150 MB/s", (v, r) -> v >= 150),
            new Row("warm.rescan", "warm restart → index caught up again", "—", null),
            new Row("rss.idle", "RSS idle (warm restart, no requests)", "≤ 150 MB", (v, r) -> v <= 150),
            new Row("rss.indexingPeak", "RSS peak while indexing (reference: first listing)", "—", null),
            new Row("rss.afterIndex", "RSS after indexing, settled", "≤ 240 MB", (v, r) -> v <= 240),
            new Row("rss.afterLoad", "RSS after the load runs", "—", null),
            new Row("projects.p50", "warm `GET /api/projects` p50 (one client)", "≤ 10 ms", (v, r) -> v <= 10),
            new Row("projects.p99", "warm `GET /api/projects` p99 (one client)", "< 20 ms", (v, r) -> v < 20),
            new Row(
                    "wrk.projects.rps",
                    "`wrk -t2 -c50` authenticated `GET /api/projects`, req/s",
                    "≥ 5,000 req/s",
                    (v, r) -> v >= 5_000),
            new Row("wrk.projects.p99", "same, p99", "< 50 ms", (v, r) -> v < 50),
            new Row(
                    "wrk.health.rps",
                    "`wrk -t2 -c50` `GET /api/health` (reference: `/health`), req/s",
                    "≥ 2× reference",
                    (v, r) -> r != null && !r.isNaN() && v >= 2 * r),
            new Row("wrk.health.p99", "same, p99", "—", null),
            new Row(
                    "sessions.firstPage.p99",
                    "first page of sessions (50) p99, busiest project",
                    "< 20 ms",
                    (v, r) -> v < 20),
            new Row("search.p99", "search p99", "< 100 ms", (v, r) -> v < 100),
            new Row(
                    "append.projectsChanged.p99",
                    "append to a transcript → `projects_changed` p99",
                    "< 1 s",
                    (v, r) -> v < 1_000));

    private ComparisonTable() {}

    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            System.err.println("usage: ComparisonTable <results.jsonl>");
            System.exit(2);
        }
        List<Figure> figures = new ArrayList<>();
        for (String line : Files.readAllLines(Path.of(args[0]))) {
            if (!line.isBlank()) {
                figures.add(ApiClient.JSON.readValue(line, Figure.class));
            }
        }
        Map<String, Map<String, Figure>> byCorpus = new LinkedHashMap<>();
        for (Figure f : figures) {
            // A later figure of the same corpus, app and key (a re-run into the same file) wins.
            byCorpus.computeIfAbsent(f.corpus(), c -> new LinkedHashMap<>()).put(f.target() + "|" + f.key(), f);
        }
        for (var corpus : byCorpus.entrySet()) {
            print(corpus.getKey(), corpus.getValue());
        }
    }

    private static void print(String corpus, Map<String, Figure> figures) {
        Figure size = figures.values().stream()
                .filter(f -> f.key().equals("corpus"))
                .findFirst()
                .orElse(null);
        System.out.printf(
                Locale.ROOT,
                "%n### Corpus `%s`%s%n%n",
                corpus,
                size == null ? "" : String.format(Locale.ROOT, ": %s, %.0f MB", size.note(), size.value()));
        System.out.println(
                "| figure | ours (SQLite) | ours (PostgreSQL) | reference | ratio ours ÷ reference (SQLite / PostgreSQL) | goal |");
        System.out.println("|---|---:|---:|---:|---:|---|");
        for (Row row : ROWS) {
            Figure sqlite = figures.get(SQLITE + "|" + row.key());
            Figure postgres = figures.get(POSTGRES + "|" + row.key());
            Figure reference = figures.get(REFERENCE + "|" + row.key());
            if (sqlite == null && postgres == null && reference == null) {
                continue;
            }
            Double ref = reference == null ? null : reference.value();
            System.out.printf(
                    "| %s | %s | %s | %s | %s | %s |%n",
                    row.title(),
                    cell(sqlite, row, ref),
                    cell(postgres, row, ref),
                    cell(reference, null, null),
                    ratio(sqlite, postgres, reference),
                    row.goal());
        }
        System.out.printf(
                "%nMachine load while each figure was taken: 1-minute load average before → after; cores the app used"
                        + " on average (and its CPU seconds, which other work on the machine changes less than the times), and cores"
                        + " everything else used (the benchmark's own driver and wrk excluded):%n%n");
        System.out.println("| figure | ours (SQLite) | ours (PostgreSQL) | reference |");
        System.out.println("|---|---|---|---|");
        for (Row row : ROWS) {
            Figure sqlite = figures.get(SQLITE + "|" + row.key());
            Figure postgres = figures.get(POSTGRES + "|" + row.key());
            Figure reference = figures.get(REFERENCE + "|" + row.key());
            if (sqlite == null && postgres == null && reference == null) {
                continue;
            }
            System.out.printf("| %s | %s | %s | %s |%n", row.title(), load(sqlite), load(postgres), load(reference));
        }
        System.out.printf("%nHow each was taken:%n%n");
        // p50 and p99 of one run share their note: it is listed once, under the first.
        Set<String> listed = new HashSet<>();
        for (Row row : ROWS) {
            for (String target : List.of(SQLITE, POSTGRES, REFERENCE)) {
                Figure f = figures.get(target + "|" + row.key());
                if (f != null && f.note() != null && !f.note().isBlank() && listed.add(target + "|" + f.note())) {
                    System.out.printf("- %s, %s: %s%n", row.title(), target, f.note());
                }
            }
        }
        figures.values().stream()
                .filter(f -> f.key().equals("profile.rps"))
                .forEach(f -> System.out.printf(
                        Locale.ROOT,
                        "- %s, profiled listing under wrk: %.0f req/s %s%n",
                        f.target(),
                        f.value(),
                        f.note()));
    }

    private static String cell(Figure f, Row row, Double reference) {
        if (f == null) {
            return "—";
        }
        String text = value(f.value(), f.unit());
        if (row != null && row.meets() != null && !Double.isNaN(f.value())) {
            text += row.meets().test(f.value(), reference) ? " ✓" : " ✗";
        }
        return f.badge() == null ? text : text + " (" + f.badge() + ")";
    }

    static String value(double v, String unit) {
        if (Double.isNaN(v)) {
            return "n/a";
        }
        return switch (unit) {
            case "s" -> String.format(Locale.ROOT, "%.2f s", v);
            case "ms" -> String.format(Locale.ROOT, v < 10 ? "%.2f ms" : "%.0f ms", v);
            case "MB" -> String.format(Locale.ROOT, "%.0f MB", v);
            case "MB/s" -> String.format(Locale.ROOT, "%.1f MB/s", v);
            case "req/s" -> String.format(Locale.ROOT, "%,.0f req/s", v);
            default -> String.format(Locale.ROOT, "%.2f %s", v, unit);
        };
    }

    private static String ratio(Figure sqlite, Figure postgres, Figure reference) {
        if (reference == null || Double.isNaN(reference.value())) {
            return "—";
        }
        return quotient(sqlite, reference) + " / " + quotient(postgres, reference);
    }

    private static String quotient(Figure ours, Figure reference) {
        if (ours == null || Double.isNaN(ours.value())) {
            return "—";
        }
        if (reference.value() == 0) {
            return ours.value() == 0 ? "—" : "∞ (reference 0)";
        }
        double ratio = ours.value() / reference.value();
        return String.format(Locale.ROOT, ratio < 0.1 ? "%.4f×" : "%.2f×", ratio);
    }

    private static String load(Figure f) {
        if (f == null) {
            return "—";
        }
        Load l = f.load();
        return String.format(
                Locale.ROOT,
                "%.2f → %.2f; app %.2f (%.1f CPU-s), others %.2f",
                l.load1Before(),
                l.load1After(),
                l.appCores(),
                l.appCores() * l.seconds(),
                l.othersCores());
    }
}
