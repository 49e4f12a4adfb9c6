package dev.ccui.adapters.process.workspace.git;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ccui.application.workspace.git.port.out.GitAuthor;
import dev.ccui.domain.error.ConflictException;
import dev.ccui.domain.error.NotFoundException;
import dev.ccui.domain.error.UnavailableException;
import dev.ccui.domain.workspace.RelativePath;
import dev.ccui.domain.workspace.git.GitBranch;
import dev.ccui.domain.workspace.git.GitCommit;
import dev.ccui.domain.workspace.git.GitFileStatus;
import dev.ccui.domain.workspace.git.GitStatus;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The git adapter against real repositories in temp folders. */
class GitCliClientTest {
    private static final GitAuthor ALICE = new GitAuthor("alice", "alice@ccui.local");

    @TempDir
    Path repo;

    private final GitRunner runner = GitRunner.defaults();
    private final GitCliClient git = new GitCliClient(runner);

    @BeforeEach
    void init() {
        assertThat(runner.run(repo, List.of("init", "-q", "-b", "main"), null, 1024, Map.of())
                        .ok())
                .isTrue();
    }

    private static RelativePath p(String path) {
        return RelativePath.parse(path);
    }

    @Test
    void aRepositoryWithoutCommitsWorks() throws Exception {
        GitStatus status = git.status(repo);
        assertThat(status.branch()).isEqualTo("main");
        assertThat(status.head()).isNull();
        assertThat(status.files()).isEmpty();
        assertThat(git.log(repo, 0, 10)).isEmpty();
        assertThat(git.branches(repo)).isEmpty();
        Files.writeString(repo.resolve("new file.txt"), "x\n");
        assertThat(git.status(repo).files()).containsExactly(new GitFileStatus("new file.txt", null, '?', '?', false));
        git.stage(repo, List.of(p("new file.txt")));
        assertThat(git.diff(repo, true, null, 100_000).diff()).contains("+x");
        git.unstage(repo, List.of(p("new file.txt")));
        assertThat(git.status(repo).files().getFirst().untracked()).isTrue();
    }

    @Test
    void stageCommitLogDiffAndStatus() throws Exception {
        Files.writeString(repo.resolve("a.txt"), "one\n");
        Files.createDirectories(repo.resolve("dir"));
        Files.writeString(repo.resolve("dir/ü.txt"), "unicode\n");
        git.stage(repo, List.of(RelativePath.ROOT));
        String first = git.commit(repo, "first commit", ALICE);
        assertThat(first).matches("[0-9a-f]{40}");
        assertThatThrownBy(() -> git.commit(repo, "again", ALICE))
                .isInstanceOf(ConflictException.class)
                .hasFieldOrPropertyWithValue("code", "NOTHING_TO_COMMIT");

        Files.writeString(repo.resolve("a.txt"), "two\n");
        Files.writeString(repo.resolve("dir/ü.txt"), "changed\n");
        assertThat(git.diff(repo, false, p("a.txt"), 100_000).diff())
                .contains("-one", "+two")
                .doesNotContain("unicode");
        assertThat(git.diff(repo, false, null, 100_000).diff()).contains("dir/ü.txt");
        assertThat(git.diff(repo, true, null, 100_000).diff()).isEmpty();
        var cut = git.diff(repo, false, null, 20);
        assertThat(cut.truncated()).isTrue();
        assertThat(cut.diff()).hasSize(20);
        git.stage(repo, List.of(p("a.txt")));
        GitStatus status = git.status(repo);
        assertThat(status.head()).isEqualTo(first);
        assertThat(status.files())
                .containsExactlyInAnyOrder(
                        new GitFileStatus("a.txt", null, 'M', '.', false),
                        new GitFileStatus("dir/ü.txt", null, '.', 'M', false));
        assertThat(git.diff(repo, true, p("a.txt"), 100_000).diff()).contains("+two");
        String second = git.commit(repo, "second\n\nwith a body", ALICE);

        runner.run(repo, List.of("mv", "a.txt", "b.txt"), null, 1024, Map.of());
        assertThat(git.status(repo).files()).contains(new GitFileStatus("b.txt", "a.txt", 'R', '.', false));

        List<GitCommit> log = git.log(repo, 0, 10);
        assertThat(log).extracting(GitCommit::hash).containsExactly(second, first);
        assertThat(log.getFirst().subject()).isEqualTo("second");
        assertThat(log.getFirst().authorName()).isEqualTo("alice");
        assertThat(log.getFirst().authorEmail()).isEqualTo("alice@ccui.local");
        assertThat(git.log(repo, 1, 10)).extracting(GitCommit::hash).containsExactly(first);
        assertThat(git.log(repo, 0, 1)).hasSize(1);
    }

    @Test
    void branchesCheckoutAndTheirErrors() throws Exception {
        Files.writeString(repo.resolve("a.txt"), "one\n");
        git.stage(repo, List.of(RelativePath.ROOT));
        assertThatThrownBy(() -> git.createBranch(repo, "early", false))
                .isInstanceOf(ConflictException.class)
                .hasFieldOrPropertyWithValue("code", "NO_COMMITS");
        git.commit(repo, "first", ALICE);
        git.createBranch(repo, "feature", false);
        assertThat(git.branches(repo))
                .extracting(GitBranch::name, GitBranch::current)
                .containsExactly(Tuple.tuple("feature", false), Tuple.tuple("main", true));
        assertThatThrownBy(() -> git.createBranch(repo, "feature", false))
                .isInstanceOf(ConflictException.class)
                .hasFieldOrPropertyWithValue("code", "BRANCH_EXISTS");
        git.checkout(repo, "feature");
        assertThat(git.status(repo).branch()).isEqualTo("feature");
        Files.writeString(repo.resolve("a.txt"), "feature\n");
        git.stage(repo, List.of(p("a.txt")));
        git.commit(repo, "on feature", ALICE);
        Files.writeString(repo.resolve("a.txt"), "dirty\n");
        assertThatThrownBy(() -> git.checkout(repo, "main"))
                .isInstanceOf(ConflictException.class)
                .hasFieldOrPropertyWithValue("code", "CHECKOUT_CONFLICT");
        assertThatThrownBy(() -> git.checkout(repo, "nope"))
                .isInstanceOf(NotFoundException.class)
                .hasFieldOrPropertyWithValue("code", "UNKNOWN_BRANCH");
        git.createBranch(repo, "topic", true);
        assertThat(git.status(repo).branch()).isEqualTo("topic");
    }

    @Test
    void notARepositoryIsAConflictWithItsOwnCode(@TempDir Path plain) {
        assertThatThrownBy(() -> git.status(plain))
                .isInstanceOf(ConflictException.class)
                .hasFieldOrPropertyWithValue("code", "NOT_A_REPOSITORY");
        assertThatThrownBy(() -> git.log(plain, 0, 10))
                .isInstanceOf(ConflictException.class)
                .hasFieldOrPropertyWithValue("code", "NOT_A_REPOSITORY");
    }

    /**
     * The replay of issue 12: what the file API can write into a project without {@code .git}
     * (a bare repository's HEAD, objects, refs, a config with a clean filter and attributes that
     * apply it) is not a repository, so staging runs nothing.
     */
    @Test
    void aRepositoryPlantedWithoutDotGitIsNotARepositoryAndItsFilterNeverRuns(
            @TempDir Path project, @TempDir Path outside) throws Exception {
        Path marker = outside.resolve("filter-ran");
        Files.writeString(project.resolve("HEAD"), "ref: refs/heads/main\n");
        Files.createDirectories(project.resolve("objects/info"));
        Files.createDirectories(project.resolve("objects/pack"));
        Files.createDirectories(project.resolve("refs/heads"));
        Files.createDirectories(project.resolve("info"));
        Files.writeString(
                project.resolve("config"),
                "[core]\n\trepositoryformatversion = 0\n\tbare = false\n" + "\tworktree = " + project
                        + "\n[filter \"x\"]\n\tclean = touch " + marker + "\n");
        Files.writeString(project.resolve("info/attributes"), "* filter=x\n");
        Files.writeString(project.resolve("a.txt"), "data\n");
        for (Path where : List.of(project, project.resolve("info"))) {
            assertThatThrownBy(() -> git.stage(where, List.of(RelativePath.ROOT)))
                    .isInstanceOf(ConflictException.class)
                    .hasFieldOrPropertyWithValue("code", "NOT_A_REPOSITORY");
            assertThatThrownBy(() -> git.status(where))
                    .isInstanceOf(ConflictException.class)
                    .hasFieldOrPropertyWithValue("code", "NOT_A_REPOSITORY");
        }
        assertThat(marker).doesNotExist();
    }

    @Test
    void aFolderInsideAnotherRepositoryIsNotOneItself() throws Exception {
        Path sub = Files.createDirectories(repo.resolve("sub"));
        Files.writeString(sub.resolve("b.txt"), "b\n");
        assertThatThrownBy(() -> git.status(sub))
                .isInstanceOf(ConflictException.class)
                .hasFieldOrPropertyWithValue("code", "NOT_A_REPOSITORY");
    }

    @Test
    void hooksNeverRun() throws Exception {
        Path hook = repo.resolve(".git/hooks/pre-commit");
        Path marker = repo.resolve("hook-ran");
        Files.writeString(hook, "#!/bin/sh\ntouch '" + marker + "'\n");
        hook.toFile().setExecutable(true);
        Files.writeString(repo.resolve("a.txt"), "one\n");
        git.stage(repo, List.of(RelativePath.ROOT));
        git.commit(repo, "first", ALICE);
        assertThat(marker).doesNotExist();
    }

    @Test
    void aSlowGitIsStoppedAtTheTimeout() {
        GitRunner slow = new GitRunner("git", Duration.ofMillis(300));
        assertThatThrownBy(() -> slow.run(repo, List.of("-c", "alias.wait=!sleep 5", "wait"), null, 1024, Map.of()))
                .isInstanceOf(UnavailableException.class);
    }
}
