package dev.ccui.adapters.process.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.ccui.adapters.process.workspace.files.LocalWorkspaceFiles;
import dev.ccui.adapters.process.workspace.git.GitRunner;
import dev.ccui.domain.error.CcuiException;
import dev.ccui.domain.workspace.RelativePath;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Any path a client can send, against a project holding links out of it (relative, absolute, to
 * the root, dangling): reading, listing and writing either work inside the project or are refused
 * with one of our 4xx errors, and the file outside is never read or changed.
 */
class PathConfinementFuzzTest {
    private static final Path BASE = layout();
    private static final Path PROJECT = BASE.resolve("project");
    private static final Path SECRET = BASE.resolve("outside").resolve("secret.txt");
    private static final LocalWorkspaceFiles FILES = new LocalWorkspaceFiles(GitRunner.defaults());

    @FuzzTest(maxDuration = "10s")
    void neverLeavesTheProject(FuzzedDataProvider data) throws IOException {
        String text = data.consumeString(300);
        int operation = data.consumeInt(0, 3);
        RelativePath path;
        try {
            path = RelativePath.parse(text);
        } catch (CcuiException refused) {
            return;
        }
        try {
            switch (operation) {
                case 0 -> {
                    var content = FILES.read(PROJECT, path, 1 << 16);
                    assertThat(content.toString()).doesNotContain("outside secret");
                }
                case 1 -> FILES.list(PROJECT, path, false, 50);
                case 2 -> FILES.write(PROJECT, path, "pwned".getBytes(StandardCharsets.UTF_8), null);
                default -> FILES.create(PROJECT, path, new byte[0], false);
            }
        } catch (CcuiException refused) {
            // A 4xx of ours: what every hostile path must get.
        }
        assertThat(Files.readString(SECRET)).isEqualTo("outside secret");
        try (var outside = Files.list(SECRET.getParent())) {
            assertThat(outside).containsExactly(SECRET);
        }
    }

    private static Path layout() {
        try {
            Path base = Files.createTempDirectory("ccui-fuzz-paths").toRealPath();
            Path project = Files.createDirectories(base.resolve("project").resolve("inner"))
                    .getParent();
            Path outside = Files.createDirectories(base.resolve("outside"));
            Files.writeString(outside.resolve("secret.txt"), "outside secret");
            Files.writeString(project.resolve("inner").resolve("a.txt"), "inside");
            Files.createSymbolicLink(project.resolve("link-out"), Path.of("../outside"));
            Files.createSymbolicLink(project.resolve("inner").resolve("link-up"), Path.of("../.."));
            Files.createSymbolicLink(project.resolve("link-root"), Path.of("/"));
            Files.createSymbolicLink(project.resolve("abs-link"), outside);
            Files.createSymbolicLink(
                    project.resolve("dangling"), base.resolve("outside").resolve("nope"));
            return base;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
