package dev.ccui.adapters.process.workspace.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ccui.adapters.process.workspace.git.GitRunner;
import dev.ccui.domain.error.ConflictException;
import dev.ccui.domain.error.ForbiddenException;
import dev.ccui.domain.error.InvalidException;
import dev.ccui.domain.error.NotFoundException;
import dev.ccui.domain.workspace.RelativePath;
import dev.ccui.domain.workspace.files.FileContent;
import dev.ccui.domain.workspace.files.FileEntry;
import dev.ccui.domain.workspace.files.FileListing;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalWorkspaceFilesTest {
    @TempDir
    Path project;

    private final GitRunner git = GitRunner.defaults();
    private final LocalWorkspaceFiles files = new LocalWorkspaceFiles(git);

    private static RelativePath p(String path) {
        return RelativePath.parse(path);
    }

    @Test
    void listsFoldersFirstThenByNameWithTypesSizesAndTimes() throws Exception {
        Files.writeString(project.resolve("b.txt"), "bb");
        Files.writeString(project.resolve("A.txt"), "a");
        Files.createDirectories(project.resolve("zdir"));
        Files.createDirectories(project.resolve("adir"));
        Files.createSymbolicLink(project.resolve("link"), Path.of("b.txt"));
        FileListing listing = files.list(project, RelativePath.ROOT, false, 100);
        assertThat(listing.entries())
                .extracting(FileEntry::name)
                .containsExactly("adir", "zdir", "A.txt", "b.txt", "link");
        assertThat(listing.entries())
                .extracting(FileEntry::type)
                .containsExactly(
                        FileEntry.Type.DIRECTORY,
                        FileEntry.Type.DIRECTORY,
                        FileEntry.Type.FILE,
                        FileEntry.Type.FILE,
                        FileEntry.Type.SYMLINK);
        assertThat(listing.entries().get(3).size()).isEqualTo(2);
        assertThat(listing.entries().get(3).modifiedAt()).isNotNull();
        assertThat(listing.truncated()).isFalse();
        assertThat(files.list(project, p("zdir"), false, 100).entries()).isEmpty();
        FileListing cut = files.list(project, RelativePath.ROOT, false, 2);
        assertThat(cut.entries()).hasSize(2);
        assertThat(cut.truncated()).isTrue();
        Files.writeString(project.resolve("adir/x.txt"), "x");
        assertThat(files.list(project, p("adir"), false, 10)
                        .entries()
                        .getFirst()
                        .path())
                .isEqualTo("adir/x.txt");
        assertThatThrownBy(() -> files.list(project, p("b.txt"), false, 10)).isInstanceOf(InvalidException.class);
        assertThatThrownBy(() -> files.list(project, p("nope"), false, 10)).isInstanceOf(NotFoundException.class);
    }

    @Test
    void gitignoreIsRespectedByGitInARepositoryAndByTheParserOutside() throws Exception {
        Path repo = Files.createDirectories(project.resolve("repo"));
        Path plain = Files.createDirectories(project.resolve("plain"));
        assertThat(git.run(repo, List.of("init", "-q"), null, 1024, Map.of()).ok())
                .isTrue();
        for (Path root : List.of(repo, plain)) {
            Files.writeString(root.resolve(".gitignore"), "# comment\nbuild/\n*.log\n!keep.log\n/top.txt\n");
            Files.createDirectories(root.resolve("build"));
            Files.createDirectories(root.resolve("src/build"));
            Files.writeString(root.resolve("a.log"), "");
            Files.writeString(root.resolve("keep.log"), "");
            Files.writeString(root.resolve("top.txt"), "");
            Files.writeString(root.resolve("src/top.txt"), "");
            Files.writeString(root.resolve("src/b.log"), "");
            Files.writeString(root.resolve("main.java"), "");
            List<String> top = files.list(root, RelativePath.ROOT, true, 100).entries().stream()
                    .map(FileEntry::name)
                    .toList();
            assertThat(top).as(root.toString()).containsExactly("src", ".gitignore", "keep.log", "main.java");
            List<String> src = files.list(root, p("src"), true, 100).entries().stream()
                    .map(FileEntry::name)
                    .toList();
            assertThat(src).as(root.toString()).containsExactly("top.txt");
            assertThat(files.list(root, RelativePath.ROOT, false, 100).entries())
                    .extracting(FileEntry::name)
                    .contains("build", "a.log");
        }
        assertThat(files.list(repo, RelativePath.ROOT, false, 100).entries())
                .extracting(FileEntry::name)
                .contains(".git");
    }

    @Test
    void readsTextInItsEncodingBinaryAndImages() throws Exception {
        Files.writeString(project.resolve("utf8.txt"), "héllo ✓");
        Files.write(
                project.resolve("utf16.txt"),
                concat(new byte[] {(byte) 0xFF, (byte) 0xFE}, "hé".getBytes(StandardCharsets.UTF_16LE)));
        Files.write(
                project.resolve("be.txt"),
                concat(new byte[] {(byte) 0xFE, (byte) 0xFF}, "hé".getBytes(StandardCharsets.UTF_16BE)));
        Files.write(project.resolve("latin.txt"), "café".getBytes(StandardCharsets.ISO_8859_1));
        Files.write(project.resolve("blob.bin"), new byte[] {1, 2, 0, 3, 4});
        Files.write(project.resolve("pic.png"), new byte[] {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10, 0, 0});
        FileContent utf8 = files.read(project, p("utf8.txt"), 1000);
        assertThat(utf8.encoding()).isEqualTo("utf-8");
        assertThat(utf8.content()).isEqualTo("héllo ✓");
        assertThat(utf8.sha()).isEqualTo(LocalWorkspaceFiles.sha256("héllo ✓".getBytes(StandardCharsets.UTF_8)));
        assertThat(utf8.binary()).isFalse();
        assertThat(utf8.mediaType()).isEqualTo("text/plain");
        assertThat(files.read(project, p("utf16.txt"), 1000))
                .extracting(FileContent::encoding, FileContent::content)
                .containsExactly("utf-16le", "hé");
        assertThat(files.read(project, p("be.txt"), 1000).encoding()).isEqualTo("utf-16be");
        assertThat(files.read(project, p("latin.txt"), 1000))
                .extracting(FileContent::encoding, FileContent::content)
                .containsExactly("iso-8859-1", "café");
        FileContent blob = files.read(project, p("blob.bin"), 1000);
        assertThat(blob.binary()).isTrue();
        assertThat(blob.content()).isNull();
        FileContent image = files.read(project, p("pic.png"), 1000);
        assertThat(image)
                .extracting(FileContent::binary, FileContent::mediaType, FileContent::encoding)
                .containsExactly(true, "image/png", "base64");
        FileContent large = files.read(project, p("utf8.txt"), 3);
        assertThat(large.tooLarge()).isTrue();
        assertThat(large.content()).isNull();
        assertThat(large.size()).isEqualTo(10);
        try (var download = files.open(project, p("blob.bin")).stream()) {
            assertThat(download.readAllBytes()).containsExactly(1, 2, 0, 3, 4);
        }
    }

    @Test
    void writesAtomicallyKeepingTheModeAndRefusesALostUpdate() throws Exception {
        Path script = project.resolve("run.sh");
        Files.writeString(script, "echo 1\n");
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-x---"));
        String base = files.read(project, p("run.sh"), 1000).sha();
        String next = files.write(project, p("run.sh"), "echo 2\n".getBytes(StandardCharsets.UTF_8), base);
        assertThat(Files.readString(script)).isEqualTo("echo 2\n");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(script)))
                .isEqualTo("rwxr-x---");
        assertThat(next).isEqualTo(files.read(project, p("run.sh"), 1000).sha());
        assertThatThrownBy(() -> files.write(project, p("run.sh"), "echo 3\n".getBytes(StandardCharsets.UTF_8), base))
                .isInstanceOf(ConflictException.class)
                .hasFieldOrPropertyWithValue("code", "FILE_CHANGED");
        assertThat(Files.readString(script)).isEqualTo("echo 2\n");
        files.write(project, p("run.sh"), "echo 4\n".getBytes(StandardCharsets.UTF_8), null);
        assertThat(Files.readString(script)).isEqualTo("echo 4\n");
        try (var left = Files.list(project)) {
            assertThat(left.map(path -> path.getFileName().toString()).toList()).containsExactly("run.sh");
        }
        assertThatThrownBy(() -> files.write(project, p("missing.txt"), new byte[0], null))
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    void createsDeletesAndMoves() throws Exception {
        files.create(project, p("docs"), new byte[0], true);
        files.create(project, p("docs/a.md"), "# A".getBytes(StandardCharsets.UTF_8), false);
        assertThat(Files.readString(project.resolve("docs/a.md"))).isEqualTo("# A");
        assertThatThrownBy(() -> files.create(project, p("docs/a.md"), new byte[0], false))
                .isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> files.create(project, p("nope/a.md"), new byte[0], false))
                .isInstanceOf(NotFoundException.class);
        files.move(project, p("docs/a.md"), p("docs/b.md"));
        assertThat(project.resolve("docs/b.md")).exists();
        files.create(project, p("c.md"), new byte[0], false);
        assertThatThrownBy(() -> files.move(project, p("c.md"), p("docs/b.md"))).isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> files.move(project, p("docs"), p("docs/inner")))
                .isInstanceOf(InvalidException.class);
        assertThatThrownBy(() -> files.delete(project, p("docs"), false)).isInstanceOf(InvalidException.class);
        files.delete(project, p("c.md"), false);
        files.delete(project, p("docs"), true);
        assertThat(project.resolve("docs")).doesNotExist();
        assertThatThrownBy(() -> files.delete(project, p("docs"), true)).isInstanceOf(NotFoundException.class);
    }

    @Test
    void theGitFolderCannotBeChanged() throws Exception {
        git.run(project, List.of("init", "-q"), null, 1024, Map.of());
        assertThatThrownBy(() -> files.create(project, p(".git/hooks/pre-commit"), new byte[0], false))
                .isInstanceOf(ForbiddenException.class)
                .hasFieldOrPropertyWithValue("code", "GIT_DIRECTORY_PROTECTED");
        assertThatThrownBy(() -> files.write(project, p(".git/config"), new byte[0], null))
                .isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> files.delete(project, p(".git"), true)).isInstanceOf(ForbiddenException.class);
        Files.createSymbolicLink(project.resolve("g"), Path.of(".git"));
        assertThatThrownBy(() -> files.write(project, p("g/config"), new byte[0], null))
                .isInstanceOf(ForbiddenException.class);
        assertThat(files.read(project, p(".git/HEAD"), 1000).content()).startsWith("ref:");
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = new byte[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
