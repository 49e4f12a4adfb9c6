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
import dev.ccui.domain.error.NotFoundException;
import dev.ccui.domain.project.Project;
import dev.ccui.domain.project.ProjectId;
import dev.ccui.domain.workspace.RelativePath;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The files of a project as its people see them, on the in-memory folder. */
class FilesServiceTest {
    private static final RelativePath README = RelativePath.parse("docs/readme.md");

    private final WorkspaceFixture fixture = new WorkspaceFixture();
    private final InMemoryWorkspaceFiles disk = new InMemoryWorkspaceFiles();
    private final FilesService files =
            new FilesService(fixture.access, disk, fixture.auditor, new FilesSettings(16, 100));
    private final Path root = Path.of(fixture.project.path());
    private final ProjectId projectId = fixture.project.id();

    private String create(Principal who, RelativePath path, String content) {
        return files.create(who, projectId, path, content, false, ClientInfo.INTERNAL);
    }

    @Test
    void theOwnerMembersAndAdminsUseTheFilesAndNobodyElseSeesThem() {
        create(fixture.owner, README, "hello");

        assertThat(files.read(fixture.member, projectId, README).content()).isEqualTo("hello");
        assertThat(files.read(fixture.admin, projectId, README).content()).isEqualTo("hello");
        assertThatThrownBy(() -> files.read(fixture.stranger, projectId, README))
                .isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> create(fixture.stranger, RelativePath.parse("planted.sh"), "x"))
                .isInstanceOf(ForbiddenException.class);
        assertThat(disk.exists(root, "planted.sh")).isFalse();
        assertThatThrownBy(() -> files.list(fixture.owner, ProjectId.random(), RelativePath.ROOT, false))
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    void aRemovedProjectIsGoneForEveryone() {
        Project removed = fixture.project("/work/old", fixture.owner);
        fixture.projects.update(new Project(
                removed.id(),
                removed.path(),
                removed.name(),
                false,
                false,
                true,
                false,
                removed.ownerId(),
                removed.createdAt(),
                removed.updatedAt()));

        assertThatThrownBy(() -> files.list(fixture.admin, removed.id(), RelativePath.ROOT, false))
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    void everyPathIsTakenInsideTheCallersProjectFolder() {
        Project other = fixture.project("/work/other", fixture.owner);
        create(fixture.owner, README, "mine");
        files.create(fixture.owner, other.id(), README, "other", false, ClientInfo.INTERNAL);

        assertThat(disk.text(root, "docs/readme.md")).contains("mine");
        assertThat(disk.text(Path.of("/work/other"), "docs/readme.md")).contains("other");
        assertThat(files.list(fixture.member, projectId, RelativePath.parse("docs"), false)
                        .entries())
                .extracting(entry -> entry.path())
                .containsExactly("docs/readme.md");
    }

    @Test
    void actionsOnOneFileRefuseTheProjectFolderItself() {
        for (Runnable action : new Runnable[] {
            () -> files.read(fixture.owner, projectId, RelativePath.ROOT),
            () -> files.download(fixture.owner, projectId, RelativePath.ROOT),
            () -> files.write(fixture.owner, projectId, RelativePath.ROOT, "x", null, null, ClientInfo.INTERNAL),
            () -> files.delete(fixture.owner, projectId, RelativePath.ROOT, true, ClientInfo.INTERNAL),
            () -> files.move(fixture.owner, projectId, RelativePath.ROOT, README, ClientInfo.INTERNAL),
            () -> files.move(fixture.owner, projectId, README, RelativePath.ROOT, ClientInfo.INTERNAL)
        }) {
            assertThatThrownBy(action::run)
                    .isInstanceOfSatisfying(
                            ForbiddenException.class, e -> assertThat(e.code()).isEqualTo("PATH_IS_PROJECT_ROOT"));
        }
        assertThat(fixture.audited()).isEmpty();
    }

    @Test
    void aWriteFromAStaleReadIsRefusedAndTheNewerContentStays() {
        create(fixture.owner, README, "first");
        String readSha = files.read(fixture.member, projectId, README).sha();

        String newSha = files.write(fixture.owner, projectId, README, "second", "utf-8", readSha, ClientInfo.INTERNAL);
        assertThatThrownBy(() -> files.write(
                        fixture.member, projectId, README, "from the stale tab", "utf-8", readSha, ClientInfo.INTERNAL))
                .isInstanceOfSatisfying(
                        ConflictException.class, e -> assertThat(e.code()).isEqualTo("FILE_CHANGED"));

        assertThat(disk.text(root, "docs/readme.md")).contains("second");
        assertThat(newSha).isEqualTo(InMemoryWorkspaceFiles.sha("second".getBytes(StandardCharsets.UTF_8)));
        assertThat(fixture.audited())
                .extracting(AuditEntry::action)
                .as("the refused write is not recorded as written")
                .containsExactly(AuditAction.FILE_CREATED, AuditAction.FILE_WRITTEN);
    }

    @Test
    void aWriteWithoutContentOrWithAMalformedBaseIsRefusedBeforeTheDisk() {
        create(fixture.owner, README, "kept");

        assertThatThrownBy(() -> files.write(fixture.owner, projectId, README, null, null, null, ClientInfo.INTERNAL))
                .isInstanceOf(InvalidException.class);
        assertThatThrownBy(() ->
                        files.write(fixture.owner, projectId, README, "x", null, "not-a-sha", ClientInfo.INTERNAL))
                .isInstanceOf(InvalidException.class);
        assertThatThrownBy(() -> files.create(
                        fixture.owner, projectId, RelativePath.parse("dir"), "content", true, ClientInfo.INTERNAL))
                .as("a folder has no content")
                .isInstanceOf(InvalidException.class);
        assertThat(disk.text(root, "docs/readme.md")).contains("kept");
    }

    @Test
    void createsAndMovesNeverReplaceAFile() {
        RelativePath notes = RelativePath.parse("notes.txt");
        create(fixture.owner, README, "readme");
        create(fixture.owner, notes, "notes");

        assertThatThrownBy(() -> create(fixture.member, notes, "over"))
                .isInstanceOfSatisfying(
                        CcuiException.class, e -> assertThat(e.code()).isEqualTo("ALREADY_EXISTS"));
        assertThatThrownBy(() -> files.move(fixture.member, projectId, README, notes, ClientInfo.INTERNAL))
                .isInstanceOfSatisfying(
                        CcuiException.class, e -> assertThat(e.code()).isEqualTo("ALREADY_EXISTS"));
        assertThat(disk.text(root, "notes.txt")).contains("notes");
    }

    @Test
    void everyChangeIsAuditedWithWhoAndWhereAndReadsAreNot() {
        RelativePath moved = RelativePath.parse("docs/moved.md");
        create(fixture.owner, README, "x");
        files.read(fixture.member, projectId, README);
        files.move(fixture.member, projectId, README, moved, ClientInfo.INTERNAL);
        files.delete(fixture.admin, projectId, moved, false, ClientInfo.INTERNAL);

        assertThat(fixture.audited())
                .extracting(AuditEntry::action, AuditEntry::actorUsername, AuditEntry::target)
                .containsExactly(
                        tuple(AuditAction.FILE_CREATED, "owner", "/work/shared-project/docs/readme.md"),
                        tuple(AuditAction.FILE_MOVED, "member", "/work/shared-project/docs/readme.md"),
                        tuple(AuditAction.FILE_DELETED, "admin", "/work/shared-project/docs/moved.md"));
    }

    @Test
    void aFileLargerThanTheReadLimitComesWithoutItsContent() {
        create(fixture.owner, README, "more than sixteen bytes of text");

        var content = files.read(fixture.owner, projectId, README);
        assertThat(content.tooLarge()).isTrue();
        assertThat(content.content()).isNull();
    }
}
