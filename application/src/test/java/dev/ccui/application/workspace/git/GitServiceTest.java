package dev.ccui.application.workspace.git;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import dev.ccui.application.common.ClientInfo;
import dev.ccui.application.testing.RecordingGitClient;
import dev.ccui.application.workspace.WorkspaceFixture;
import dev.ccui.domain.audit.AuditAction;
import dev.ccui.domain.audit.AuditEntry;
import dev.ccui.domain.error.ForbiddenException;
import dev.ccui.domain.error.InvalidException;
import dev.ccui.domain.error.NotFoundException;
import dev.ccui.domain.project.ProjectId;
import dev.ccui.domain.workspace.RelativePath;
import dev.ccui.domain.workspace.git.HunkRange;
import dev.ccui.domain.workspace.git.PullMode;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Git on a project as its people see it: who may, which arguments ever reach git, and what is audited. */
class GitServiceTest {
    private final WorkspaceFixture fixture = new WorkspaceFixture();
    private final RecordingGitClient git = new RecordingGitClient();
    private final GitService service = new GitService(fixture.access, git, fixture.auditor);
    private final ProjectId projectId = fixture.project.id();
    private final String root = fixture.project.path();

    @Test
    void theOwnerMembersAndAdminsUseGitAndAStrangerReachesNothing() {
        service.status(fixture.owner, projectId);
        service.branches(fixture.member, projectId);
        service.log(fixture.admin, projectId, null, null);

        assertThatThrownBy(() -> service.commit(fixture.stranger, projectId, "sneaky", ClientInfo.INTERNAL))
                .isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> service.status(fixture.owner, ProjectId.random()))
                .isInstanceOf(NotFoundException.class);
        assertThat(git.calls()).containsExactly(root + " status", root + " branches", root + " log skip 0 limit 50");
    }

    @Test
    void aCommitIsByTheCallerWithTheMessageTrimmedAndIsAudited() {
        String hash = service.commit(fixture.member, projectId, "  Fix the parser\n", ClientInfo.INTERNAL);

        assertThat(git.calls()).containsExactly(root + " commit 'Fix the parser' by member <member@ccui.local>");
        assertThat(fixture.audited())
                .extracting(AuditEntry::action, AuditEntry::detail)
                .containsExactly(tuple(AuditAction.GIT_COMMITTED, hash));
    }

    @Test
    void aCommitWithoutAMessageOrWithANulNeverRuns() {
        for (String message : new String[] {null, "", "   ", "a\0b", "x".repeat(10_001)}) {
            assertThatThrownBy(() -> service.commit(fixture.owner, projectId, message, ClientInfo.INTERNAL))
                    .as(String.valueOf(message))
                    .isInstanceOf(InvalidException.class);
        }
        assertThat(git.calls()).isEmpty();
        assertThat(fixture.audited()).isEmpty();
    }

    @Test
    void noBranchNameCanReadAsAnOptionARangeOrAReservedName() {
        for (String name : new String[] {
            "-f",
            "--orphan",
            "a..b",
            "HEAD",
            "x.lock",
            "a//b",
            "feature/",
            "feature/.hidden",
            "ends.",
            "with space",
            "",
            null
        }) {
            assertThatThrownBy(() -> service.createBranch(fixture.owner, projectId, name, false, ClientInfo.INTERNAL))
                    .as(String.valueOf(name))
                    .isInstanceOf(InvalidException.class);
            assertThatThrownBy(() -> service.checkout(fixture.owner, projectId, name, ClientInfo.INTERNAL))
                    .as(String.valueOf(name))
                    .isInstanceOf(InvalidException.class);
        }
        assertThat(git.calls()).isEmpty();

        service.createBranch(fixture.owner, projectId, "feature/login-2", true, ClientInfo.INTERNAL);
        service.checkout(fixture.owner, projectId, "main", ClientInfo.INTERNAL);
        assertThat(git.calls()).containsExactly(root + " branch feature/login-2 and checkout", root + " checkout main");
    }

    @Test
    void stagingNamesAtLeastOneAndAtMostAThousandPathsAndTheRootMeansEverything() {
        assertThatThrownBy(() -> service.stage(fixture.owner, projectId, List.of(), ClientInfo.INTERNAL))
                .isInstanceOf(InvalidException.class);
        assertThatThrownBy(() -> service.unstage(
                        fixture.owner,
                        projectId,
                        Collections.nCopies(1001, RelativePath.parse("a.txt")),
                        ClientInfo.INTERNAL))
                .isInstanceOf(InvalidException.class);
        assertThat(git.calls()).isEmpty();

        service.stage(fixture.owner, projectId, List.of(RelativePath.ROOT), ClientInfo.INTERNAL);
        service.unstage(fixture.owner, projectId, List.of(RelativePath.parse("src/a.txt")), ClientInfo.INTERNAL);
        assertThat(git.calls()).containsExactly(root + " stage [.]", root + " unstage [src/a.txt]");
        assertThat(fixture.audited())
                .extracting(AuditEntry::action, AuditEntry::detail)
                .containsExactly(tuple(AuditAction.GIT_STAGED, "[.]"), tuple(AuditAction.GIT_UNSTAGED, "[src/a.txt]"));
    }

    @Test
    void aDiffOfTheRootIsTheWholeRepositoryAndALogPageHasAtMost500Commits() {
        service.diff(fixture.owner, projectId, RelativePath.ROOT, false);
        service.diff(fixture.owner, projectId, RelativePath.parse("src/a.txt"), true);
        service.log(fixture.owner, projectId, 10, 500);
        assertThatThrownBy(() -> service.log(fixture.owner, projectId, -1, null))
                .isInstanceOf(InvalidException.class);
        assertThatThrownBy(() -> service.log(fixture.owner, projectId, 0, 501)).isInstanceOf(InvalidException.class);

        assertThat(git.calls())
                .containsExactly(
                        root + " diff (all) max 1048576",
                        root + " diff staged src/a.txt max 1048576",
                        root + " log skip 10 limit 500");
    }

    @Test
    void remotesStashesDiscardAndBranchChangesRunAsTheCallerAndAreAudited() {
        service.fetch(fixture.member, projectId, null, ClientInfo.INTERNAL);
        service.pull(fixture.member, projectId, PullMode.REBASE, ClientInfo.INTERNAL);
        service.push(fixture.owner, projectId, "upstream", ClientInfo.INTERNAL);
        service.discard(fixture.owner, projectId, List.of(RelativePath.parse("src/a.txt")), ClientInfo.INTERNAL);
        service.stash(fixture.owner, projectId, "  halfway  ", true, ClientInfo.INTERNAL);
        service.stashes(fixture.admin, projectId);
        service.applyStash(fixture.owner, projectId, 0, true, ClientInfo.INTERNAL);
        service.dropStash(fixture.owner, projectId, 2, ClientInfo.INTERNAL);
        service.renameBranch(fixture.owner, projectId, "old", "new", ClientInfo.INTERNAL);
        service.deleteBranch(fixture.owner, projectId, "new", true, ClientInfo.INTERNAL);
        service.discardHunk(
                fixture.owner,
                projectId,
                RelativePath.parse("src/a.txt"),
                new HunkRange(9, 2, 9, 3),
                ClientInfo.INTERNAL);

        assertThat(git.calls())
                .containsExactly(
                        root + " fetch (all)",
                        root + " pull rebase by member",
                        root + " push upstream",
                        root + " discard [src/a.txt]",
                        root + " stash 'halfway' with untracked by owner",
                        root + " stashes",
                        root + " pop stash 0",
                        root + " drop stash 2",
                        root + " rename branch old to new",
                        root + " delete branch new forced",
                        root + " discard hunk src/a.txt 9,2 9,3");
        assertThat(fixture.audited())
                .extracting(AuditEntry::action, AuditEntry::detail)
                .containsExactly(
                        tuple(AuditAction.GIT_FETCHED, "(all remotes)"),
                        tuple(AuditAction.GIT_PULLED, "rebase"),
                        tuple(AuditAction.GIT_PUSHED, "main -> upstream/main"),
                        tuple(AuditAction.GIT_DISCARDED, "[src/a.txt]"),
                        tuple(AuditAction.GIT_STASHED, "halfway"),
                        tuple(AuditAction.GIT_STASH_APPLIED, "stash@{0} (popped)"),
                        tuple(AuditAction.GIT_STASH_DROPPED, "stash@{2}"),
                        tuple(AuditAction.GIT_BRANCH_RENAMED, "old -> new"),
                        tuple(AuditAction.GIT_BRANCH_DELETED, "new (forced)"),
                        tuple(AuditAction.GIT_DISCARDED, "src/a.txt @@ -9,2 +9,3 @@"));
    }

    @Test
    void aStrangerCannotFetchPullPushDiscardOrStash() {
        List<Runnable> actions = List.of(
                () -> service.fetch(fixture.stranger, projectId, null, ClientInfo.INTERNAL),
                () -> service.pull(fixture.stranger, projectId, PullMode.FAST_FORWARD, ClientInfo.INTERNAL),
                () -> service.push(fixture.stranger, projectId, null, ClientInfo.INTERNAL),
                () -> service.discard(fixture.stranger, projectId, List.of(RelativePath.ROOT), ClientInfo.INTERNAL),
                () -> service.stash(fixture.stranger, projectId, null, false, ClientInfo.INTERNAL),
                () -> service.stashes(fixture.stranger, projectId),
                () -> service.dropStash(fixture.stranger, projectId, 0, ClientInfo.INTERNAL),
                () -> service.deleteBranch(fixture.stranger, projectId, "main", false, ClientInfo.INTERNAL));
        for (Runnable action : actions) {
            assertThatThrownBy(action::run).isInstanceOf(ForbiddenException.class);
        }
        assertThat(git.calls()).isEmpty();
        assertThat(fixture.audited()).isEmpty();
    }

    @Test
    void noRemoteNameStashIndexOrMessageOutsideTheRulesReachesGit() {
        for (String remote :
                new String[] {"-u", "--upload-pack=touch x", "../other", "http://host/x.git", "a b", "", "x.lock"}) {
            assertThatThrownBy(() -> service.fetch(fixture.owner, projectId, remote, ClientInfo.INTERNAL))
                    .as(remote)
                    .isInstanceOf(InvalidException.class);
            assertThatThrownBy(() -> service.push(fixture.owner, projectId, remote, ClientInfo.INTERNAL))
                    .as(remote)
                    .isInstanceOf(InvalidException.class);
        }
        assertThatThrownBy(() -> service.pull(fixture.owner, projectId, null, ClientInfo.INTERNAL))
                .isInstanceOf(InvalidException.class);
        assertThatThrownBy(() -> service.applyStash(fixture.owner, projectId, -1, false, ClientInfo.INTERNAL))
                .isInstanceOf(InvalidException.class);
        assertThatThrownBy(() -> service.stash(fixture.owner, projectId, "a\0b", false, ClientInfo.INTERNAL))
                .isInstanceOf(InvalidException.class);
        assertThatThrownBy(() -> service.renameBranch(fixture.owner, projectId, "main", "-D", ClientInfo.INTERNAL))
                .isInstanceOf(InvalidException.class);
        assertThatThrownBy(() -> service.deleteBranch(fixture.owner, projectId, "--all", true, ClientInfo.INTERNAL))
                .isInstanceOf(InvalidException.class);
        assertThatThrownBy(() -> service.discardHunk(
                        fixture.owner, projectId, RelativePath.ROOT, new HunkRange(1, 1, 1, 1), ClientInfo.INTERNAL))
                .isInstanceOf(InvalidException.class);
        assertThatThrownBy(() -> service.discardHunk(
                        fixture.owner, projectId, RelativePath.parse("a.txt"), null, ClientInfo.INTERNAL))
                .isInstanceOf(InvalidException.class);
        assertThatThrownBy(() -> new HunkRange(-1, 0, 1, 1)).isInstanceOf(InvalidException.class);
        assertThat(git.calls()).isEmpty();
    }
}
