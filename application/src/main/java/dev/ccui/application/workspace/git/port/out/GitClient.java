package dev.ccui.application.workspace.git.port.out;

import dev.ccui.domain.workspace.RelativePath;
import dev.ccui.domain.workspace.git.GitBranch;
import dev.ccui.domain.workspace.git.GitCommit;
import dev.ccui.domain.workspace.git.GitDiff;
import dev.ccui.domain.workspace.git.GitPush;
import dev.ccui.domain.workspace.git.GitStash;
import dev.ccui.domain.workspace.git.GitStatus;
import dev.ccui.domain.workspace.git.HunkRange;
import dev.ccui.domain.workspace.git.PullMode;
import java.nio.file.Path;
import java.util.List;

/**
 * Git in a project folder. Failures come back as the application's exceptions with a stable code:
 * {@code NOT_A_REPOSITORY} (409), {@code NOTHING_TO_COMMIT} (409), {@code CHECKOUT_CONFLICT} (409),
 * {@code BRANCH_EXISTS} (409), {@code UNKNOWN_BRANCH} (404), {@code GIT_FAILED} (409, git's own
 * first line), {@code GIT_TIMEOUT} (503). A repository without commits is a normal repository.
 *
 * <p>Fetch, pull and push talk to a remote with the credentials of the machine's git configuration,
 * never waiting for a person: {@code REMOTE_AUTH_REQUIRED}, {@code REMOTE_HOST_UNKNOWN},
 * {@code PUSH_REJECTED}, {@code PULL_NOT_FAST_FORWARD}, {@code PULL_CONFLICT}, {@code NO_UPSTREAM},
 * {@code NO_REMOTE}, {@code REMOTE_REQUIRED}, {@code DETACHED_HEAD}, {@code UNCOMMITTED_CHANGES} (409),
 * {@code UNKNOWN_REMOTE} (404), {@code REMOTE_UNREACHABLE}, {@code REMOTE_TIMEOUT} (503); followed and
 * stopped through a {@link RemoteWatch} ({@code REMOTE_CANCELLED} (409) once it stopped them).
 */
public interface GitClient {

    GitStatus status(Path root);

    /** Working tree against the index, or ({@code staged}) the index against HEAD; one file or all; capped at {@code maxBytes}. */
    GitDiff diff(Path root, boolean staged, RelativePath file, int maxBytes);

    /** Newest first; empty for a repository without commits. */
    List<GitCommit> log(Path root, int skip, int limit);

    List<GitBranch> branches(Path root);

    void stage(Path root, List<RelativePath> paths);

    void unstage(Path root, List<RelativePath> paths);

    /** @return the new commit's hash */
    String commit(Path root, String message, GitAuthor author);

    void checkout(Path root, String branch);

    void createBranch(Path root, String name, boolean checkout);

    /** Working-tree changes of the paths back to the index (staged content stays); untracked files under them deleted. */
    void discard(Path root, List<RelativePath> paths);

    /** One hunk of a file's working-tree changes back to the index; {@code DIFF_CHANGED} (409) when the diff has no such hunk now. */
    void discardHunk(Path root, RelativePath file, HunkRange hunk);

    /** {@code BRANCH_NOT_MERGED} unless {@code force}; {@code BRANCH_CHECKED_OUT} for the current branch. */
    void deleteBranch(Path root, String name, boolean force);

    void renameBranch(Path root, String from, String to);

    /** Newest first, {@code index} 0 the newest. */
    List<GitStash> stashes(Path root);

    /** {@code NOTHING_TO_STASH} when the tree is clean. */
    void stash(Path root, String message, boolean includeUntracked, GitAuthor author);

    /** {@code UNKNOWN_STASH} (404); {@code STASH_CONFLICT} (409) when it applied with conflicts, the stash then kept. */
    void applyStash(Path root, int index, boolean pop);

    void dropStash(Path root, int index);

    /** One remote, or ({@code null}) all of them; prunes what the remote deleted. */
    void fetch(Path root, String remote, RemoteWatch watch);

    /**
     * The current branch from its upstream; a rebase that stops at a conflict is undone ({@code PULL_CONFLICT}).
     * A cancel stops the transfer; the local update that follows it is never cut in half.
     */
    void pull(Path root, PullMode mode, GitAuthor author, RemoteWatch watch);

    /** The current branch to its upstream, or (none yet) to {@code remote} (null: origin or the only one), setting it as upstream. */
    GitPush push(Path root, String remote, RemoteWatch watch);
}
