package dev.ccui.adapters.process.workspace.git;

import static dev.ccui.adapters.process.workspace.git.GitFixture.commit;
import static dev.ccui.adapters.process.workspace.git.GitFixture.git;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ccui.application.workspace.git.port.out.GitAuthor;
import dev.ccui.domain.error.ConflictException;
import dev.ccui.domain.error.InvalidException;
import dev.ccui.domain.error.NotFoundException;
import dev.ccui.domain.workspace.RelativePath;
import dev.ccui.domain.workspace.git.GitBranch;
import dev.ccui.domain.workspace.git.GitStash;
import dev.ccui.domain.workspace.git.HunkRange;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Discard, stash and branch delete/rename on a real repository. */
class GitCliLocalActionsTest {
    private static final GitAuthor ALICE = new GitAuthor("alice", "alice@ccui.local");

    @TempDir
    Path repo;

    private final GitCliClient git = new GitCliClient(GitRunner.defaults());

    @BeforeEach
    void init() throws Exception {
        GitFixture.repository(repo);
        commit(repo, "a.txt", "one\n", "first");
        commit(repo, "b.txt", "bee\n", "second");
    }

    private static List<RelativePath> paths(String... paths) {
        return Arrays.stream(paths).map(RelativePath::parse).toList();
    }

    @Test
    void discardPutsTheWorkingTreeBackToTheIndexAndDeletesUntrackedFilesOnlyWhereAsked() throws Exception {
        Files.writeString(repo.resolve("a.txt"), "staged\n");
        git(repo, "add", "a.txt");
        Files.writeString(repo.resolve("a.txt"), "staged, then edited\n");
        Files.delete(repo.resolve("b.txt"));
        Files.createDirectories(repo.resolve("new/deep"));
        Files.writeString(repo.resolve("new/deep/c.txt"), "c\n");
        Files.writeString(repo.resolve("keep.txt"), "someone else's\n");

        git.discard(repo, paths("a.txt", "b.txt", "new"));

        assertThat(repo.resolve("a.txt"))
                .as("back to what is staged, not to HEAD")
                .hasContent("staged");
        assertThat(repo.resolve("b.txt")).hasContent("bee");
        assertThat(repo.resolve("new")).doesNotExist();
        assertThat(repo.resolve("keep.txt")).hasContent("someone else's");
        assertThat(git.status(repo).files())
                .extracting(f -> f.path() + " " + f.index() + f.worktree())
                .containsExactlyInAnyOrder("a.txt M.", "keep.txt ??");
    }

    @Test
    void discardOfAFileWithoutChangesChangesNothing() throws Exception {
        git.discard(repo, paths("a.txt"));
        assertThat(repo.resolve("a.txt")).hasContent("one");
        assertThat(git.status(repo).files()).isEmpty();
    }

    @Test
    void aStashRoundTripBringsBackTrackedAndUntrackedChanges() throws Exception {
        Files.writeString(repo.resolve("a.txt"), "work in progress\n");
        Files.writeString(repo.resolve("draft.txt"), "draft\n");
        assertThatThrownBy(() -> git.applyStash(repo, 0, false))
                .isInstanceOf(NotFoundException.class)
                .hasFieldOrPropertyWithValue("code", "UNKNOWN_STASH");

        git.stash(repo, "halfway there", true, ALICE);

        assertThat(git.status(repo).files()).isEmpty();
        assertThat(repo.resolve("a.txt")).hasContent("one");
        assertThat(repo.resolve("draft.txt")).doesNotExist();
        List<GitStash> stashes = git.stashes(repo);
        assertThat(stashes).singleElement().satisfies(s -> {
            assertThat(s.index()).isZero();
            assertThat(s.message()).isEqualTo("On main: halfway there");
            assertThat(s.commit()).matches("[0-9a-f]{40}");
            assertThat(s.createdAt()).isNotNull();
        });
        assertThatThrownBy(() -> git.stash(repo, null, false, ALICE))
                .isInstanceOf(ConflictException.class)
                .hasFieldOrPropertyWithValue("code", "NOTHING_TO_STASH");

        git.applyStash(repo, 0, false);
        assertThat(repo.resolve("a.txt")).hasContent("work in progress");
        assertThat(repo.resolve("draft.txt")).hasContent("draft");
        assertThat(git.stashes(repo)).as("apply keeps the stash").hasSize(1);

        git.dropStash(repo, 0);
        assertThat(git.stashes(repo)).isEmpty();
    }

    @Test
    void popDropsTheStashAndAConflictingApplyKeepsIt() throws Exception {
        Files.writeString(repo.resolve("a.txt"), "stashed line\n");
        git.stash(repo, "first", false, ALICE);
        Files.writeString(repo.resolve("b.txt"), "another\n");
        git.stash(repo, "second", false, ALICE);
        assertThat(git.stashes(repo))
                .extracting(GitStash::index, GitStash::message)
                .containsExactly(Tuple.tuple(0, "On main: second"), Tuple.tuple(1, "On main: first"));

        git.applyStash(repo, 1, true);
        assertThat(repo.resolve("a.txt")).hasContent("stashed line");
        assertThat(git.stashes(repo)).extracting(GitStash::message).containsExactly("On main: second");

        git(repo, "checkout", "--", "a.txt");
        commit(repo, "b.txt", "committed meanwhile\n", "third");
        assertThatThrownBy(() -> git.applyStash(repo, 0, true))
                .isInstanceOf(ConflictException.class)
                .hasFieldOrPropertyWithValue("code", "STASH_CONFLICT");
        assertThat(git.stashes(repo)).as("a stash that conflicted is kept").hasSize(1);
    }

    @Test
    void branchesAreRenamedAndDeletedWithTheirErrors() throws Exception {
        git.createBranch(repo, "feature", false);
        git.renameBranch(repo, "feature", "feature-2");
        assertThat(git.branches(repo)).extracting(GitBranch::name).containsExactly("feature-2", "main");
        assertThatThrownBy(() -> git.renameBranch(repo, "nope", "other"))
                .isInstanceOf(NotFoundException.class)
                .hasFieldOrPropertyWithValue("code", "UNKNOWN_BRANCH");
        assertThatThrownBy(() -> git.renameBranch(repo, "feature-2", "main"))
                .isInstanceOf(ConflictException.class)
                .hasFieldOrPropertyWithValue("code", "BRANCH_EXISTS");

        git.checkout(repo, "feature-2");
        commit(repo, "f.txt", "f\n", "only on the feature");
        assertThatThrownBy(() -> git.deleteBranch(repo, "feature-2", false))
                .isInstanceOf(ConflictException.class)
                .hasFieldOrPropertyWithValue("code", "BRANCH_CHECKED_OUT");
        git.checkout(repo, "main");
        assertThatThrownBy(() -> git.deleteBranch(repo, "feature-2", false))
                .isInstanceOf(ConflictException.class)
                .hasFieldOrPropertyWithValue("code", "BRANCH_NOT_MERGED");
        assertThatThrownBy(() -> git.deleteBranch(repo, "nope", false))
                .isInstanceOf(NotFoundException.class)
                .hasFieldOrPropertyWithValue("code", "UNKNOWN_BRANCH");

        git.deleteBranch(repo, "feature-2", true);
        assertThat(git.branches(repo)).extracting(GitBranch::name).containsExactly("main");
    }

    @Test
    void discardingOneHunkKeepsTheOthersAndAStaleHunkTouchesNothing() throws Exception {
        String lines =
                IntStream.rangeClosed(1, 20).mapToObj(i -> "line " + i + "\n").collect(Collectors.joining());
        commit(repo, "long.txt", lines, "twenty lines");
        String edited = lines.replace("line 2\n", "line two\n").replace("line 18\n", "line eighteen\n");
        Files.writeString(repo.resolve("long.txt"), edited);
        assertThat(git.diff(repo, false, RelativePath.parse("long.txt"), 100_000)
                        .diff())
                .contains("@@ -1,5 +1,5 @@", "@@ -15,6 +15,6 @@");

        git.discardHunk(repo, RelativePath.parse("long.txt"), new HunkRange(15, 6, 15, 6));

        assertThat(repo.resolve("long.txt"))
                .hasContent(lines.replace("line 2\n", "line two\n").strip());
        assertThatThrownBy(() -> git.discardHunk(repo, RelativePath.parse("long.txt"), new HunkRange(15, 6, 15, 6)))
                .isInstanceOf(ConflictException.class)
                .hasFieldOrPropertyWithValue("code", "DIFF_CHANGED");
        assertThat(repo.resolve("long.txt"))
                .hasContent(lines.replace("line 2\n", "line two\n").strip());

        git.discardHunk(repo, RelativePath.parse("long.txt"), new HunkRange(1, 5, 1, 5));
        assertThat(git.status(repo).files()).isEmpty();
    }

    @Test
    void aHunkIsCutFromGitsDiffWithTheFilesHeaderAndACountOfOneLeftOut() {
        String diff = """
                diff --git a/x.txt b/x.txt
                index 1111111..2222222 100644
                --- a/x.txt
                +++ b/x.txt
                @@ -1 +1 @@
                -a
                +b
                @@ -9,2 +9,3 @@ context
                 c
                +d
                 e
                """;
        assertThat(GitCliHunks.patchOf(diff, new HunkRange(9, 2, 9, 3))).isEqualTo("""
                diff --git a/x.txt b/x.txt
                index 1111111..2222222 100644
                --- a/x.txt
                +++ b/x.txt
                @@ -9,2 +9,3 @@ context
                 c
                +d
                 e
                """);
        assertThat(GitCliHunks.patchOf(diff, new HunkRange(1, 1, 1, 1))).endsWith("@@ -1 +1 @@\n-a\n+b\n");
        assertThatThrownBy(() -> GitCliHunks.patchOf(diff, new HunkRange(1, 1, 1, 2)))
                .isInstanceOf(ConflictException.class)
                .hasFieldOrPropertyWithValue("code", "DIFF_CHANGED");
        assertThatThrownBy(() -> GitCliHunks.patchOf(diff + diff, new HunkRange(1, 1, 1, 1)))
                .isInstanceOf(InvalidException.class);
    }
}
