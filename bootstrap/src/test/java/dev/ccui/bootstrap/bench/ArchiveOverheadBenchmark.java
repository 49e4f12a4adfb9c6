package dev.ccui.bootstrap.bench;

import dev.ccui.bootstrap.Application;
import dev.ccui.bootstrap.config.AppConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.util.Map;
import java.util.stream.Stream;

/**
 * What the transcript archive (issue 19) costs a cold index: the same corpus indexed into a fresh
 * SQLite database with {@code CCUI_ARCHIVE} off and on, in this process, alternating; then the
 * archive's original and stored bytes. Usage: {@code ArchiveOverheadBenchmark <claude dir> <work dir> [rounds]}.
 */
public final class ArchiveOverheadBenchmark {
    public static void main(String[] args) throws Exception {
        Path claude = Path.of(args[0]).toAbsolutePath();
        Path work = Path.of(args[1]).toAbsolutePath();
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 2;
        long corpus;
        try (Stream<Path> files = Files.walk(claude.resolve("projects"))) {
            corpus = files.filter(Files::isRegularFile)
                    .mapToLong(p -> p.toFile().length())
                    .sum();
        }
        System.out.printf("corpus: %d MB%n", corpus >> 20);
        for (int round = 1; round <= rounds; round++) {
            for (String archive : new String[] {"off", "on"}) {
                Path data = work.resolve("data-" + archive + "-" + round);
                Map<String, String> env = Map.of(
                        "CCUI_DATA_DIR",
                        data.toString(),
                        "CLAUDE_CONFIG_DIR",
                        claude.toString(),
                        "CCUI_WORKSPACES_ROOT",
                        work.toString(),
                        "CLAUDE_CLI_PATH",
                        "/nonexistent",
                        "CCUI_ARCHIVE",
                        archive);
                try (Application app = Application.build(AppConfig.fromEnvironment(env, work))) {
                    long start = System.nanoTime();
                    app.history().indexer().scanAll();
                    long ms = (System.nanoTime() - start) / 1_000_000;
                    long db = Files.size(data.resolve("ccui.db"));
                    System.out.printf(
                            "round %d, archive %s: cold index %d ms (%.1f MB/s), database %d MB%n",
                            round, archive, ms, corpus / 1048576.0 / (ms / 1000.0), db >> 20);
                }
                if (archive.equals("on")) {
                    try (var c = DriverManager.getConnection("jdbc:sqlite:" + data.resolve("ccui.db"));
                            var rs = c.createStatement()
                                    .executeQuery("SELECT COUNT(DISTINCT path), SUM(end_offset - start_offset), "
                                            + "SUM(LENGTH(data)), COUNT(*) FROM transcript_archive")) {
                        rs.next();
                        System.out.printf(
                                "  archive: %d files, %d MB original, %d MB stored (%.1f%%), %d chunks%n",
                                rs.getLong(1),
                                rs.getLong(2) >> 20,
                                rs.getLong(3) >> 20,
                                100.0 * rs.getLong(3) / rs.getLong(2),
                                rs.getLong(4));
                    }
                }
            }
        }
    }
}
