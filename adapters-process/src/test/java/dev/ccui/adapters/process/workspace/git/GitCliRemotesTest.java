package dev.ccui.adapters.process.workspace.git;

import static dev.ccui.adapters.process.workspace.git.GitFixture.commit;
import static dev.ccui.adapters.process.workspace.git.GitFixture.git;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import dev.ccui.application.common.Cancellation;
import dev.ccui.application.workspace.git.port.out.GitAuthor;
import dev.ccui.application.workspace.git.port.out.RemoteWatch;
import dev.ccui.domain.error.CcuiException;
import dev.ccui.domain.error.ConflictException;
import dev.ccui.domain.error.NotFoundException;
import dev.ccui.domain.workspace.git.GitProgress;
import dev.ccui.domain.workspace.git.GitPush;
import dev.ccui.domain.workspace.git.GitStatus;
import dev.ccui.domain.workspace.git.PullMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Fetch, pull and push against a bare repository on disk as the remote, and a colleague's clone that pushes too. */
class GitCliRemotesTest {
    private static final GitAuthor ALICE = new GitAuthor("alice", "alice@ccui.local");
    private static final RemoteWatch QUIET = RemoteWatch.quiet();

    @TempDir
    Path folder;

    private final GitCliClient git = new GitCliClient(GitRunner.defaults());
    private Path remote;
    private Path mine;

    @BeforeEach
    void setUp() throws Exception {
        remote = GitFixture.bare(folder.resolve("remote.git"));
        mine = GitFixture.repository(folder.resolve("mine"));
        commit(mine, "a.txt", "one\ntwo\nthree\n", "first");
        git(mine, "remote", "add", "origin", remote.toString());
    }

    private String colleaguePushes(String file, String content) throws Exception {
        return GitFixture.colleaguePushes(remote, folder, file, content);
    }

    @Test
    void theFirstPushSetsTheUpstreamAndTheNextOnesGoThere() throws Exception {
        assertThat(git.status(mine).upstream()).isNull();

        GitPush first = git.push(mine, null, QUIET);

        assertThat(first).isEqualTo(new GitPush("main", "origin/main", true));
        GitStatus status = git.status(mine);
        assertThat(status.upstream()).isEqualTo("origin/main");
        assertThat(status.ahead()).isZero();
        assertThat(git(remote, "rev-parse", "main")).isEqualTo(status.head());

        String second = commit(mine, "b.txt", "b\n", "second");
        assertThat(git.status(mine).ahead()).isEqualTo(1);
        assertThat(git.push(mine, null, QUIET)).isEqualTo(new GitPush("main", "origin/main", false));
        assertThat(git(remote, "rev-parse", "main")).isEqualTo(second);
        assertThat(git.status(mine).ahead()).isZero();
    }

    @Test
    void fetchShowsWhatTheRemoteHasAndAFastForwardPullTakesIt() throws Exception {
        git.push(mine, null, QUIET);
        String theirs = colleaguePushes("c.txt", "c\n");

        git.fetch(mine, null, QUIET);
        GitStatus fetched = git.status(mine);
        assertThat(fetched.behind()).isEqualTo(1);
        assertThat(fetched.ahead()).isZero();
        assertThat(mine.resolve("c.txt")).doesNotExist();

        git.pull(mine, PullMode.FAST_FORWARD, ALICE, QUIET);

        assertThat(git.status(mine).head()).isEqualTo(theirs);
        assertThat(git.status(mine).behind()).isZero();
        assertThat(mine.resolve("c.txt")).hasContent("c");
    }

    @Test
    void aRebasePullPutsTheLocalCommitsOnTopOfTheRemotesAsTheCaller() throws Exception {
        git.push(mine, null, QUIET);
        String theirs = colleaguePushes("c.txt", "c\n");
        commit(mine, "d.txt", "d\n", "mine");

        git.pull(mine, PullMode.REBASE, ALICE, QUIET);

        assertThat(git(mine, "rev-parse", "HEAD~1")).isEqualTo(theirs);
        assertThat(git(mine, "log", "-1", "--format=%s by %cn")).isEqualTo("mine by alice");
        assertThat(git.status(mine).ahead()).isEqualTo(1);
        assertThat(mine.resolve("c.txt")).exists();
        assertThat(mine.resolve("d.txt")).exists();
    }

    /** The must-show of issue 16: a clear 409, and the local commits and working tree exactly as they were. */
    @Test
    void aPullThatConflictsIsRefusedAndLosesNothing() throws Exception {
        git.push(mine, null, QUIET);
        colleaguePushes("a.txt", "one\nTHEIRS\nthree\n");
        String local = commit(mine, "a.txt", "one\nMINE\nthree\n", "my change");
        Files.writeString(mine.resolve("notes.txt"), "not committed yet\n");

        assertThatThrownBy(() -> git.pull(mine, PullMode.FAST_FORWARD, ALICE, QUIET))
                .isInstanceOf(ConflictException.class)
                .hasFieldOrPropertyWithValue("code", "PULL_NOT_FAST_FORWARD");
        assertThatThrownBy(() -> git.pull(mine, PullMode.REBASE, ALICE, QUIET))
                .isInstanceOf(ConflictException.class)
                .hasFieldOrPropertyWithValue("code", "PULL_CONFLICT")
                .hasMessageContaining("nothing changed");

        GitStatus after = git.status(mine);
        assertThat(after.head()).isEqualTo(local);
        assertThat(after.branch()).isEqualTo("main");
        assertThat(after.ahead()).isEqualTo(1);
        assertThat(after.behind()).isEqualTo(1);
        assertThat(mine.resolve("a.txt")).hasContent("one\nMINE\nthree");
        assertThat(mine.resolve("notes.txt")).hasContent("not committed yet");
        assertThat(after.files())
                .extracting(f -> f.path() + " " + f.index() + f.worktree())
                .containsExactly("notes.txt ??");
        assertThat(mine.resolve(".git/rebase-merge")).doesNotExist();
    }

    @Test
    void aPullThatWouldOverwriteLocalChangesIsRefusedAndTheyStay() throws Exception {
        git.push(mine, null, QUIET);
        colleaguePushes("a.txt", "one\nTHEIRS\nthree\n");
        Files.writeString(mine.resolve("a.txt"), "my edit, not committed\n");

        assertThatThrownBy(() -> git.pull(mine, PullMode.FAST_FORWARD, ALICE, QUIET))
                .isInstanceOf(ConflictException.class)
                .hasFieldOrPropertyWithValue("code", "CHECKOUT_CONFLICT");
        assertThatThrownBy(() -> git.pull(mine, PullMode.REBASE, ALICE, QUIET))
                .isInstanceOf(ConflictException.class)
                .hasFieldOrPropertyWithValue("code", "UNCOMMITTED_CHANGES");
        assertThat(mine.resolve("a.txt")).hasContent("my edit, not committed");
    }

    @Test
    void aStreamedPushReportsGitsProgressAndLands() throws Exception {
        String last = GitFixture.randomCommits(mine, 3, 1024 * 1024);
        List<GitProgress> seen = new CopyOnWriteArrayList<>();

        GitPush pushed = git.push(mine, null, RemoteWatch.streamed(seen::add, new Cancellation()));

        assertThat(pushed).isEqualTo(new GitPush("main", "origin/main", true));
        assertThat(seen).anySatisfy(p -> {
            assertThat(p.phase()).isEqualTo("Writing objects");
            assertThat(p.percent()).isBetween(0, 100);
            assertThat(p.total()).isPositive();
        });
        assertThat(seen).extracting(GitProgress::phase).contains("Counting objects");
        assertThat(git(remote, "rev-parse", "main")).isEqualTo(last);
    }

    /** Cancelled once git has begun (a remote that stalls): git and what it started end, the remote has nothing new. */
    @Test
    void aCancelledStreamedPushStopsGitAndTheRemoteKeepsWhatItHad() throws Exception {
        git.push(mine, null, QUIET);
        String before = git(remote, "rev-parse", "main");
        GitFixture.randomCommits(mine, 3, 1024 * 1024);
        GitFixture.stallingRemote(mine, "origin", folder.resolve("scripts"));
        CancelAtFirstProgress cancel = new CancelAtFirstProgress();

        assertThatThrownBy(() -> git.push(mine, null, cancel.watch))
                .isInstanceOf(ConflictException.class)
                .hasFieldOrPropertyWithValue("code", "REMOTE_CANCELLED");

        assertThat(cancel.started)
                .as("git and the stalling far side were running")
                .hasSizeGreaterThan(1);
        cancel.awaitEveryProcessEnded();
        assertThat(git(remote, "rev-parse", "main")).isEqualTo(before);
        assertThat(git(remote, "fsck", "--no-progress")).doesNotContain("error");
        assertThat(git.status(mine).ahead()).isEqualTo(3);
    }

    /** The must-show of a cancelled pull: stopped in its transfer, the branch and the working tree exactly as they were. */
    @Test
    void aCancelledStreamedPullChangesNothing() throws Exception {
        git.push(mine, null, QUIET);
        Path colleague = folder.resolve("colleague");
        git(folder, "clone", "-q", remote.toString(), "colleague");
        GitFixture.randomCommits(colleague, 3, 1024 * 1024);
        git(colleague, "push", "-q");
        String local = commit(mine, "d.txt", "d\n", "mine");
        Files.writeString(mine.resolve("notes.txt"), "not committed yet\n");
        GitFixture.stallingRemote(mine, "origin", folder.resolve("scripts"));
        CancelAtFirstProgress cancel = new CancelAtFirstProgress();

        assertThatThrownBy(() -> git.pull(mine, PullMode.REBASE, ALICE, cancel.watch))
                .isInstanceOf(ConflictException.class)
                .hasFieldOrPropertyWithValue("code", "REMOTE_CANCELLED");

        cancel.awaitEveryProcessEnded();
        GitStatus after = git.status(mine);
        assertThat(after.head()).isEqualTo(local);
        assertThat(after.behind()).isZero();
        assertThat(after.files()).extracting(f -> f.path()).containsExactly("notes.txt");
        assertThat(mine.resolve(".git/rebase-merge")).doesNotExist();
        assertThat(mine.resolve(".git/index.lock")).doesNotExist();
        assertThat(git(mine, "fsck", "--no-progress")).doesNotContain("error");
    }

    @Test
    void aPushTheRemoteIsAheadOfIsRejected() throws Exception {
        git.push(mine, null, QUIET);
        colleaguePushes("c.txt", "c\n");
        String local = commit(mine, "d.txt", "d\n", "mine");

        assertThatThrownBy(() -> git.push(mine, null, QUIET))
                .isInstanceOf(ConflictException.class)
                .hasFieldOrPropertyWithValue("code", "PUSH_REJECTED");
        assertThat(git(remote, "rev-parse", "main")).isNotEqualTo(local);
    }

    @Test
    void withoutARemoteOrAnUpstreamTheAnswerSaysWhatIsMissing(@TempDir Path lonely) throws Exception {
        GitFixture.repository(lonely);
        commit(lonely, "a.txt", "a\n", "first");
        assertThatThrownBy(() -> git.fetch(lonely, null, QUIET))
                .isInstanceOf(ConflictException.class)
                .hasFieldOrPropertyWithValue("code", "NO_REMOTE");
        assertThatThrownBy(() -> git.push(lonely, null, QUIET))
                .isInstanceOf(ConflictException.class)
                .hasFieldOrPropertyWithValue("code", "NO_REMOTE");
        assertThatThrownBy(() -> git.pull(lonely, PullMode.FAST_FORWARD, ALICE, QUIET))
                .isInstanceOf(ConflictException.class)
                .hasFieldOrPropertyWithValue("code", "NO_UPSTREAM");
        assertThatThrownBy(() -> git.fetch(mine, "upstream", QUIET))
                .isInstanceOf(NotFoundException.class)
                .hasFieldOrPropertyWithValue("code", "UNKNOWN_REMOTE");
    }

    /**
     * A remote that wants a password the machine's git configuration does not have: a clear error at
     * once, never a prompt that waits; a password written into the URL never reaches the message.
     */
    @Test
    void aRemoteThatAsksForAPasswordFailsFastWithAClearError() throws Exception {
        AtomicInteger asked = new AtomicInteger();
        HttpServer server = GitFixture.passwordAsking(asked);
        try {
            String url = "http://127.0.0.1:" + server.getAddress().getPort() + "/private.git";
            git(mine, "remote", "add", "private", url);
            git(mine, "remote", "add", "withpassword", url.replace("http://", "http://bob:s3cret-token@"));

            Instant start = Instant.now();
            assertThatThrownBy(() -> git.fetch(mine, "private", QUIET))
                    .isInstanceOf(ConflictException.class)
                    .hasFieldOrPropertyWithValue("code", "REMOTE_AUTH_REQUIRED");
            assertThat(Duration.between(start, Instant.now()))
                    .as("no prompt waited")
                    .isLessThan(Duration.ofSeconds(10));
            assertThatThrownBy(() -> git.push(mine, "withpassword", QUIET))
                    .isInstanceOf(ConflictException.class)
                    .hasFieldOrPropertyWithValue("code", "REMOTE_AUTH_REQUIRED")
                    .satisfies(e -> assertThat(e.getMessage()).doesNotContain("s3cret"));
            assertThat(asked.get()).as("the server was asked").isPositive();
        } finally {
            server.stop(0);
        }
    }

    /** A remote URL that would run a program (git's ext:: transport) is refused, whatever the repository's config says. */
    @Test
    void anExtRemoteNeverRunsItsCommand() throws Exception {
        Path marker = folder.resolve("ext-ran");
        git(mine, "remote", "add", "evil", "ext::sh -c touch% " + marker);
        git(mine, "config", "protocol.ext.allow", "always");

        assertThatThrownBy(() -> git.fetch(mine, "evil", QUIET)).isInstanceOf(CcuiException.class);
        assertThat(marker).doesNotExist();
    }

    /**
     * A streamed watch that cancels at git's first progress line, noting the processes running then
     * (git and what it started) so a test can wait for every one of them to end.
     */
    private static final class CancelAtFirstProgress {
        final Cancellation cancellation = new Cancellation();
        final List<ProcessHandle> started = new CopyOnWriteArrayList<>();
        final RemoteWatch watch = RemoteWatch.streamed(
                p -> {
                    if (started.isEmpty()) {
                        started.addAll(ProcessHandle.current().descendants().toList());
                        cancellation.cancel();
                    }
                },
                cancellation);

        void awaitEveryProcessEnded() throws Exception {
            for (ProcessHandle process : started) {
                process.onExit().get(30, TimeUnit.SECONDS);
            }
        }
    }
}
