package dev.ccui.application.workspace.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import dev.ccui.application.common.ClientInfo;
import dev.ccui.application.testing.InMemoryWorkspaceFiles;
import dev.ccui.application.workspace.WorkspaceFixture;
import dev.ccui.domain.audit.AuditAction;
import dev.ccui.domain.audit.AuditEntry;
import dev.ccui.domain.auth.Principal;
import dev.ccui.domain.error.CcuiException;
import dev.ccui.domain.error.ConflictException;
import dev.ccui.domain.error.ForbiddenException;
import dev.ccui.domain.error.InvalidException;
import dev.ccui.domain.error.PayloadTooLargeException;
import dev.ccui.domain.workspace.RelativePath;
import dev.ccui.domain.workspace.files.IncomingFile;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/** Uploads and zips as the use case decides them: who, how many, how large, where. */
class UploadServiceTest {
    private final WorkspaceFixture fixture = new WorkspaceFixture();
    private final InMemoryWorkspaceFiles disk = new InMemoryWorkspaceFiles();
    /** 10 bytes a file, 25 an upload, 3 files, 20 bytes a zip. */
    private final FilesService files =
            new FilesService(fixture.access, disk, fixture.auditor, new FilesSettings(1024, 100, 10, 25, 3, 20));

    private final Path root = Path.of(fixture.project.path());

    private static IncomingFile file(String path, String content) {
        byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
        return new IncomingFile(RelativePath.parse(path), bytes.length, () -> new ByteArrayInputStream(bytes));
    }

    private List<String> upload(Principal who, String folder, boolean overwrite, IncomingFile... incoming) {
        return files.upload(
                who,
                fixture.project.id(),
                RelativePath.parse(folder),
                () -> List.of(incoming),
                overwrite,
                ClientInfo.INTERNAL);
    }

    @Test
    void filesLandBelowTheFolderTheyAreDroppedInAndTheUploadIsAudited() {
        assertThat(upload(fixture.member, "docs", false, file("a.md", "a"), file("img/b.png", "b")))
                .containsExactly("docs/a.md", "docs/img/b.png");
        assertThat(disk.text(root, "docs/img/b.png")).contains("b");
        assertThat(fixture.audited())
                .extracting(AuditEntry::action, AuditEntry::actorUsername, AuditEntry::target, AuditEntry::detail)
                .containsExactly(tuple(AuditAction.FILE_UPLOADED, "member", root + "/docs", "2 files"));
    }

    @Test
    void aStrangersBodyIsNeverReadAndTheyAreRefused() {
        AtomicBoolean read = new AtomicBoolean();
        assertThatThrownBy(() -> files.upload(
                        fixture.stranger,
                        fixture.project.id(),
                        RelativePath.ROOT,
                        () -> {
                            read.set(true);
                            return List.of(file("x", "x"));
                        },
                        false,
                        ClientInfo.INTERNAL))
                .isInstanceOf(ForbiddenException.class);
        assertThat(read).isFalse();
        assertThatThrownBy(() -> files.zip(fixture.stranger, fixture.project.id(), RelativePath.ROOT))
                .isInstanceOf(ForbiddenException.class);
    }

    @Test
    void tooManyTooLargeDuplicatedOrNoFilesAreRefusedAndNothingIsWritten() {
        assertThatThrownBy(() -> upload(
                        fixture.owner, "", false, file("a", "1"), file("b", "2"), file("c", "3"), file("d", "4")))
                .isInstanceOfSatisfying(
                        PayloadTooLargeException.class,
                        e -> assertThat(e.code()).isEqualTo("TOO_MANY_FILES"));
        assertThatThrownBy(() -> upload(fixture.owner, "", false, file("ok", "1"), file("big", "eleven char")))
                .isInstanceOfSatisfying(
                        PayloadTooLargeException.class,
                        e -> assertThat(e.code()).isEqualTo("FILE_TOO_LARGE"));
        assertThatThrownBy(() -> upload(
                        fixture.owner,
                        "",
                        false,
                        file("a", "123456789"),
                        file("b", "123456789"),
                        file("c", "123456789")))
                .isInstanceOfSatisfying(
                        PayloadTooLargeException.class,
                        e -> assertThat(e.code()).isEqualTo("UPLOAD_TOO_LARGE"));
        assertThatThrownBy(() -> upload(fixture.owner, "", false, file("a", "1"), file("./a", "2")))
                .isInstanceOf(InvalidException.class);
        assertThatThrownBy(() -> upload(fixture.owner, "", false)).isInstanceOf(InvalidException.class);
        assertThat(disk.exists(root, "a")).isFalse();
        assertThat(disk.exists(root, "ok")).isFalse();
        assertThat(fixture.audited()).isEmpty();
    }

    @Test
    void anExistingFileIsReplacedOnlyWhenTheCallerSaysSo() {
        upload(fixture.owner, "", false, file("a.txt", "mine"));
        assertThatThrownBy(() -> upload(fixture.member, "", false, file("a.txt", "theirs"), file("b.txt", "b")))
                .isInstanceOfSatisfying(ConflictException.class, e -> {
                    assertThat(e.code()).isEqualTo("UPLOAD_CONFLICT");
                    assertThat(e.paths()).containsExactly("a.txt");
                });
        assertThat(disk.text(root, "a.txt")).contains("mine");
        assertThat(disk.exists(root, "b.txt")).isFalse();
        upload(fixture.member, "", true, file("a.txt", "theirs"));
        assertThat(disk.text(root, "a.txt")).contains("theirs");
    }

    @Test
    void aNameThatIsTheProjectFolderItselfIsRefused() {
        assertThatThrownBy(() -> upload(fixture.owner, "", false, file(".", "x")))
                .isInstanceOfSatisfying(
                        CcuiException.class, e -> assertThat(e.code()).isEqualTo("PATH_IS_PROJECT_ROOT"));
    }

    @Test
    void aFolderOverTheZipCapIsRefused() {
        upload(fixture.owner, "d", false, file("a", "123456789"), file("b", "123456789"));
        assertThat(files.zip(fixture.member, fixture.project.id(), RelativePath.parse("d"))
                        .entries())
                .isEqualTo(2);
        upload(fixture.owner, "d", false, file("c", "123"));
        assertThatThrownBy(() -> files.zip(fixture.admin, fixture.project.id(), RelativePath.parse("d")))
                .isInstanceOfSatisfying(
                        PayloadTooLargeException.class,
                        e -> assertThat(e.code()).isEqualTo("ZIP_TOO_LARGE"));
    }
}
