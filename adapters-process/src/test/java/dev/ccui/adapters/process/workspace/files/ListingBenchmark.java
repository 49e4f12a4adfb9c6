package dev.ccui.adapters.process.workspace.files;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ccui.adapters.process.workspace.git.GitRunner;
import dev.ccui.domain.workspace.RelativePath;
import dev.ccui.domain.workspace.files.FileListing;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Figures, not assertions on time: listing a 50,000-file tree (one flat folder, and 50 folders of
 * 1,000). Out of the default run (surefire takes *Test); run it with {@code -Dtest=ListingBenchmark}.
 */
class ListingBenchmark {
    private static final Logger LOG = LoggerFactory.getLogger(ListingBenchmark.class);

    @TempDir
    Path project;

    @Test
    void listingFiftyThousandFiles() throws Exception {
        Path flat = Files.createDirectories(project.resolve("flat"));
        for (int i = 0; i < 50_000; i++) {
            Files.createFile(flat.resolve("file-" + i + ".txt"));
        }
        for (int d = 0; d < 50; d++) {
            Path dir = Files.createDirectories(project.resolve("tree/dir-" + d));
            for (int i = 0; i < 1_000; i++) {
                Files.createFile(dir.resolve("f-" + i + ".txt"));
            }
        }
        GitRunner git = GitRunner.defaults();
        LocalWorkspaceFiles files = new LocalWorkspaceFiles(git);
        files.list(project, RelativePath.parse("flat"), false, 5_000);
        long start = System.nanoTime();
        FileListing plain = files.list(project, RelativePath.parse("flat"), false, 5_000);
        long plainMs = (System.nanoTime() - start) / 1_000_000;
        start = System.nanoTime();
        files.list(project, RelativePath.parse("flat"), true, 5_000);
        long ignoreParserMs = (System.nanoTime() - start) / 1_000_000;
        git.run(project, List.of("init", "-q"), null, 1024, Map.of());
        start = System.nanoTime();
        files.list(project, RelativePath.parse("flat"), true, 5_000);
        long ignoreGitMs = (System.nanoTime() - start) / 1_000_000;
        start = System.nanoTime();
        int entries = 0;
        for (int d = 0; d < 50; d++) {
            entries += files.list(project, RelativePath.parse("tree/dir-" + d), false, 5_000)
                    .entries()
                    .size();
        }
        long treeMs = (System.nanoTime() - start) / 1_000_000;
        assertThat(plain.truncated()).isTrue();
        assertThat(entries).isEqualTo(50_000);
        LOG.info(
                "FIGURE listing 50,000 files in one folder (limit 5,000, sorted, stat of every entry): {} ms; "
                        + "with .gitignore parser: {} ms; with git check-ignore: {} ms; all 50 folders of a 1,000-file tree: {} ms",
                plainMs,
                ignoreParserMs,
                ignoreGitMs,
                treeMs);
    }
}
