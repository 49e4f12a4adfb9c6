package dev.ccui.adapters.process.workspace.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ccui.adapters.process.workspace.git.GitRunner;
import dev.ccui.domain.error.ForbiddenException;
import dev.ccui.domain.workspace.RelativePath;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every hostile path is refused with 403 for every operation, and nothing outside is touched. */
class HostilePathsTest {
    @TempDir
    Path temp;

    private Path project;
    private Path outside;
    private final LocalWorkspaceFiles files = new LocalWorkspaceFiles(GitRunner.defaults());

    /** Paths that must never reach anything outside the project. */
    static Stream<String> hostile() {
        return Stream.of(
                "..",
                "../",
                "../secret.txt",
                "../outside/secret.txt",
                "a/../../secret.txt",
                "inner/../../outside",
                "./../x",
                "a/./../../x",
                "inner/..",
                "/etc/passwd",
                "/",
                "//etc/passwd",
                "~/x",
                "~root/.ssh",
                "..\\..\\windows",
                "inner\\..\\..\\secret.txt",
                "C:\\Windows\\win.ini",
                "\\\\server\\share",
                "..%2f..%2fsecret.txt",
                "%2e%2e/secret.txt",
                "%2E%2E%2Fsecret.txt",
                "%252e%252e%252fsecret.txt",
                "..%252fsecret.txt",
                "..%5csecret.txt",
                "inner%2f..%2f..%2fsecret.txt",
                "a%00b",
                "%c0%ae%c0%ae/secret.txt",
                "%u002e%u002e/secret.txt",
                "a\0b",
                "inner/\0",
                "..\0",
                "..\u2215outside",
                "\u2215etc\u2215passwd",
                "inner\uFF0F..\uFF0F..",
                "\u2024\u2024/secret.txt",
                "\u2024\u2024",
                "\u2025/secret.txt",
                "\uFE52\uFE52/secret.txt",
                "\uFF0E\uFF0E/secret.txt",
                "inner\u2216..",
                "a\u202Eb",
                "txt.\u202Eexe",
                "a\u200Bb",
                "\u200B../x",
                "a\uFEFFb",
                "a\u2066b",
                "a\u200Db",
                "a\u00ADb",
                " ..",
                ".. ",
                "inner/ ../..",
                "\t..",
                "a\nb",
                "a\rb",
                "\u001b[31m",
                "a\u0301",
                "link-out",
                "link-out/secret.txt",
                "inner/link-up/outside/secret.txt",
                "inner/link-root/secret.txt",
                "abs-link/secret.txt",
                "loop",
                "dangling-out",
                "dangling-out/x",
                "inner/link-root/no-such-file");
    }

    @BeforeEach
    void tree() throws Exception {
        project = Files.createDirectories(temp.resolve("project"));
        outside = Files.createDirectories(temp.resolve("outside"));
        Files.writeString(outside.resolve("secret.txt"), "secret");
        Files.writeString(temp.resolve("secret.txt"), "secret");
        Files.createDirectories(project.resolve("inner"));
        Files.writeString(project.resolve("inner/ok.txt"), "fine");
        Files.createSymbolicLink(project.resolve("link-out"), Path.of("../outside"));
        Files.createSymbolicLink(project.resolve("inner/link-up"), Path.of("../.."));
        Files.createSymbolicLink(project.resolve("inner/link-root"), Path.of("/"));
        Files.createSymbolicLink(project.resolve("abs-link"), outside);
        Files.createSymbolicLink(project.resolve("loop"), Path.of("../outside/secret.txt"));
        Files.createSymbolicLink(project.resolve("dangling-out"), Path.of("../outside/missing"));
    }

    @Test
    void theTableIsLargeEnough() {
        assertThat(hostile().count()).isGreaterThanOrEqualTo(40);
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("hostile")
    void everyOperationRefusesIt(String path) throws Exception {
        refused(() -> files.list(project, RelativePath.parse(path), false, 100));
        refused(() -> files.read(project, RelativePath.parse(path), 1 << 20));
        refused(() -> files.open(project, RelativePath.parse(path)).stream().close());
        refused(() -> files.write(project, RelativePath.parse(path), "pwned".getBytes(StandardCharsets.UTF_8), null));
        refused(() -> files.create(project, RelativePath.parse(path).child("new"), new byte[0], false));
        refused(() -> files.move(
                project,
                RelativePath.parse("inner/ok.txt"),
                RelativePath.parse(path).child("moved")));
        assertThat(Files.readString(outside.resolve("secret.txt"))).isEqualTo("secret");
        assertThat(Files.readString(temp.resolve("secret.txt"))).isEqualTo("secret");
        assertThat(project.resolve("inner/ok.txt")).exists();
        try (var listing = Files.list(outside)) {
            assertThat(listing.count()).isEqualTo(1);
        }
    }

    @Test
    void deletingALinkThatPointsOutRemovesTheLinkOnly() {
        files.delete(project, RelativePath.parse("link-out"), false);
        assertThat(project.resolve("link-out")).doesNotExist();
        assertThat(outside.resolve("secret.txt")).exists();
        refused(() -> files.delete(project, RelativePath.parse("abs-link/secret.txt"), false));
        refused(() -> files.delete(project, RelativePath.parse("inner/link-up/outside"), true));
        assertThat(outside.resolve("secret.txt")).exists();
    }

    @Test
    void linksThatStayInsideAreFollowed() throws Exception {
        Files.createSymbolicLink(project.resolve("alias"), Path.of("inner"));
        assertThat(files.read(project, RelativePath.parse("alias/ok.txt"), 100).content())
                .isEqualTo("fine");
    }

    private static void refused(ThrowingRunnable action) {
        assertThatThrownBy(action::run).isInstanceOf(ForbiddenException.class);
    }

    @FunctionalInterface
    interface ThrowingRunnable {
        void run() throws Exception;
    }
}
