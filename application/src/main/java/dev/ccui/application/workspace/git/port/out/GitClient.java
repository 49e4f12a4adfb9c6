package dev.ccui.application.workspace.git.port.out;

import dev.ccui.domain.workspace.RelativePath;
import dev.ccui.domain.workspace.git.GitBranch;
import dev.ccui.domain.workspace.git.GitCommit;
import dev.ccui.domain.workspace.git.GitDiff;
import dev.ccui.domain.workspace.git.GitStatus;
import java.nio.file.Path;
import java.util.List;

/**
 * Git in a project folder. Failures come back as the application's exceptions with a stable code:
 * {@code NOT_A_REPOSITORY} (409), {@code NOTHING_TO_COMMIT} (409), {@code CHECKOUT_CONFLICT} (409),
 * {@code BRANCH_EXISTS} (409), {@code UNKNOWN_BRANCH} (404), {@code GIT_FAILED} (409, git's own
 * first line), {@code GIT_TIMEOUT} (503). A repository without commits is a normal repository.
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
}
