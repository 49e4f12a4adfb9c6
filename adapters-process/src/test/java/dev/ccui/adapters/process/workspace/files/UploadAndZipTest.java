package dev.ccui.adapters.process.workspace.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ccui.adapters.process.workspace.git.GitRunner;
import dev.ccui.domain.error.ConflictException;
import dev.ccui.domain.error.ForbiddenException;
import dev.ccui.domain.error.InvalidException;
import dev.ccui.domain.error.PayloadTooLargeException;
import dev.ccui.domain.workspace.RelativePath;
import dev.ccui.domain.workspace.files.FolderArchive;
import dev.ccui.domain.workspace.files.IncomingFile;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Uploads into a real folder and zips out of it, with the links and names a hostile member would try. */
class UploadAndZipTest {
    @TempDir
    Path folder;

    private Path project;
    private Path outside;
    private final LocalWorkspaceFiles files = new LocalWorkspaceFiles(GitRunner.defaults());

    @BeforeEach
    void layout() throws IOException {
        project = Files.createDirectories(folder.resolve("proj"));
        outside = Files.createDirectories(folder.resolve("outside"));
        Files.writeString(outside.resolve("secret.txt"), "secret");
    }

    private static IncomingFile file(String path, String content) {
        byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
        return new IncomingFile(RelativePath.parse(path), bytes.length, () -> new ByteArrayInputStream(bytes));
    }

    @Test
    void writesFilesAndTheFoldersTheirPathsNameAndLeavesNoTemporaryFiles() throws IOException {
        List<String> written = files.upload(
                project, List.of(file("a.txt", "a"), file("src/app/main.ts", "main"), file("src/b.txt", "b")), false);
        assertThat(written).containsExactly("a.txt", "src/app/main.ts", "src/b.txt");
        assertThat(project.resolve("src/app/main.ts")).hasContent("main");
        assertThat(project.resolve("src/b.txt")).hasContent("b");
        try (var all = Files.walk(project)) {
            assertThat(all.map(Path::toString)).noneMatch(p -> p.contains("ccui-upload"));
        }
    }

    @Test
    void anExistingFileIsAConflictNamingEveryOneAndNothingIsWritten() throws IOException {
        Files.writeString(project.resolve("a.txt"), "mine");
        Files.createDirectories(project.resolve("src/b.txt"));
        Files.writeString(project.resolve("file"), "a file where a folder would go");
        assertThatThrownBy(() -> files.upload(
                        project,
                        List.of(
                                file("new.txt", "n"),
                                file("a.txt", "theirs"),
                                file("src/b.txt", "x"),
                                file("file/x", "x")),
                        false))
                .isInstanceOfSatisfying(ConflictException.class, e -> {
                    assertThat(e.code()).isEqualTo("UPLOAD_CONFLICT");
                    assertThat(e.paths()).containsExactly("a.txt", "src/b.txt", "file/x");
                });
        assertThat(project.resolve("new.txt")).doesNotExist();
        assertThat(project.resolve("a.txt")).hasContent("mine");
        // Overwrite replaces files, never a folder nor a file standing where a folder must be.
        assertThatThrownBy(() -> files.upload(project, List.of(file("a.txt", "theirs"), file("src/b.txt", "x")), true))
                .isInstanceOfSatisfying(
                        ConflictException.class, e -> assertThat(e.paths()).containsExactly("src/b.txt"));
        assertThat(project.resolve("a.txt")).hasContent("mine");
    }

    @Test
    void overwriteReplacesAFileAndKeepsItsMode() throws IOException {
        Path script = Files.writeString(project.resolve("run.sh"), "old");
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-x---"));
        files.upload(project, List.of(file("run.sh", "new")), true);
        assertThat(script).hasContent("new");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(script)))
                .isEqualTo("rwxr-x---");
    }

    @Test
    void linksOutOfTheProjectAreRefusedOnTheWayAndAsTheTarget() throws IOException {
        Files.createSymbolicLink(project.resolve("out"), outside);
        Files.createSymbolicLink(project.resolve("secret-link"), outside.resolve("secret.txt"));
        Files.createSymbolicLink(project.resolve("dangling-out"), outside.resolve("nothing-yet"));
        for (var attempt : List.of(
                List.of(file("out/planted.txt", "x")),
                List.of(file("out/deeper/planted.txt", "x")),
                List.of(file("secret-link", "pwned")),
                List.of(file("dangling-out", "pwned")),
                List.of(file("dangling-out/x", "pwned")))) {
            assertThatThrownBy(() -> files.upload(project, attempt, true))
                    .as(attempt.getFirst().path().toString())
                    .isInstanceOfSatisfying(
                            ForbiddenException.class, e -> assertThat(e.code()).isEqualTo("PATH_OUTSIDE_PROJECT"));
        }
        assertThat(outside.resolve("secret.txt")).hasContent("secret");
        try (var all = Files.list(outside)) {
            assertThat(all.map(p -> p.getFileName().toString())).containsExactly("secret.txt");
        }
    }

    @Test
    void aLinkInsideTheProjectIsFollowedLikeAnyPath() throws IOException {
        Files.createDirectories(project.resolve("real"));
        Files.createSymbolicLink(project.resolve("alias"), Path.of("real"));
        files.upload(project, List.of(file("alias/x.txt", "x")), false);
        assertThat(project.resolve("real/x.txt")).hasContent("x");
    }

    @Test
    void nothingIsUploadedIntoGit() throws IOException {
        Files.createDirectories(project.resolve(".git/hooks"));
        for (String path : List.of(".git/hooks/pre-commit", ".GIT/config", "sub/.git/hooks/x")) {
            assertThatThrownBy(() -> files.upload(project, List.of(file(path, "#!/bin/sh")), true))
                    .as(path)
                    .isInstanceOfSatisfying(
                            ForbiddenException.class, e -> assertThat(e.code()).isEqualTo("GIT_DIRECTORY_PROTECTED"));
        }
        assertThat(project.resolve(".git/hooks/pre-commit")).doesNotExist();
    }

    private static Map<String, String> unzip(FolderArchive archive) throws IOException {
        var out = new ByteArrayOutputStream();
        archive.writeTo(out);
        Map<String, String> entries = new LinkedHashMap<>();
        try (var zip = new ZipInputStream(new ByteArrayInputStream(out.toByteArray()))) {
            for (ZipEntry entry; (entry = zip.getNextEntry()) != null; ) {
                entries.put(entry.getName(), new String(zip.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
        return entries;
    }

    @Test
    void aFolderZipsWithItsNameLinksInsideAsFilesAndNothingFromOutside() throws IOException {
        Files.createDirectories(project.resolve("src/empty"));
        Files.writeString(project.resolve("src/a.txt"), "a");
        Files.createSymbolicLink(project.resolve("src/alias.txt"), Path.of("a.txt"));
        Files.createSymbolicLink(project.resolve("src/out"), outside);
        Files.createSymbolicLink(project.resolve("src/secret.txt"), outside.resolve("secret.txt"));
        Files.createSymbolicLink(project.resolve("src/dangling"), Path.of("nowhere"));
        FolderArchive archive = files.zip(project, RelativePath.parse("src"), 1024, 100);
        assertThat(archive.name()).isEqualTo("src");
        assertThat(unzip(archive))
                .containsOnlyKeys("src/", "src/empty/", "src/a.txt", "src/alias.txt")
                .containsEntry("src/alias.txt", "a");
        assertThat(files.zip(project, RelativePath.ROOT, 1024, 100).name()).isEqualTo("proj");
    }

    @Test
    void aLinkLoopEndsTheWalkInsteadOfRepeatingIt() throws IOException {
        Path loop = Files.createDirectories(project.resolve("loop/inner"));
        Files.writeString(loop.resolve("f.txt"), "f");
        Files.createSymbolicLink(loop.resolve("up"), Path.of(".."));
        Files.createSymbolicLink(loop.resolve("self"), Path.of("."));
        Files.createSymbolicLink(project.resolve("loop/a"), Path.of("b"));
        Files.createSymbolicLink(project.resolve("loop/b"), Path.of("a"));
        assertThat(unzip(files.zip(project, RelativePath.parse("loop"), 1024, 100)))
                .containsOnlyKeys("loop/", "loop/inner/", "loop/inner/f.txt");
    }

    @Test
    void aFolderOverTheCapsIsRefusedBeforeAByteIsSent() throws IOException {
        Files.createDirectories(project.resolve("big"));
        Files.write(project.resolve("big/blob"), new byte[2048]);
        assertThatThrownBy(() -> files.zip(project, RelativePath.parse("big"), 1024, 100))
                .isInstanceOfSatisfying(
                        PayloadTooLargeException.class,
                        e -> assertThat(e.code()).isEqualTo("ZIP_TOO_LARGE"));
        for (int i = 0; i < 5; i++) {
            Files.writeString(project.resolve("big/f" + i), "x");
        }
        assertThatThrownBy(() -> files.zip(project, RelativePath.parse("big"), 1_000_000, 4))
                .isInstanceOf(PayloadTooLargeException.class);
    }

    @Test
    void aFileGrowingPastTheCapWhileSentEndsTheArchiveWithAnError() throws IOException {
        Files.createDirectories(project.resolve("grow"));
        Path log = Files.writeString(project.resolve("grow/log"), "x".repeat(100));
        FolderArchive archive = files.zip(project, RelativePath.parse("grow"), 200, 100);
        Files.writeString(log, "x".repeat(500));
        assertThatThrownBy(() -> archive.writeTo(new ByteArrayOutputStream())).isInstanceOf(IOException.class);
    }

    @Test
    void onlyFoldersInsideTheProjectAreZipped() throws IOException {
        Files.createSymbolicLink(project.resolve("out"), outside);
        Files.writeString(project.resolve("a.txt"), "a");
        assertThatThrownBy(() -> files.zip(project, RelativePath.parse("out"), 1024, 100))
                .isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> files.zip(project, RelativePath.parse("a.txt"), 1024, 100))
                .isInstanceOf(InvalidException.class);
    }
}
