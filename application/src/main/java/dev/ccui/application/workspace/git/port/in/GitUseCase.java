package dev.ccui.application.workspace.git.port.in;

import dev.ccui.application.common.ClientInfo;
import dev.ccui.domain.auth.Principal;
import dev.ccui.domain.project.ProjectId;
import dev.ccui.domain.workspace.RelativePath;
import dev.ccui.domain.workspace.git.GitBranch;
import dev.ccui.domain.workspace.git.GitCommit;
import dev.ccui.domain.workspace.git.GitDiff;
import dev.ccui.domain.workspace.git.GitPush;
import dev.ccui.domain.workspace.git.GitStash;
import dev.ccui.domain.workspace.git.GitStatus;
import dev.ccui.domain.workspace.git.HunkRange;
import dev.ccui.domain.workspace.git.PullMode;
import java.util.List;

/** Git views and actions on a project, for its owner, members and admins. */
public interface GitUseCase {

    GitStatus status(Principal caller, ProjectId projectId);

    /** One file's diff, or (the project root) the whole repository's. */
    GitDiff diff(Principal caller, ProjectId projectId, RelativePath path, boolean staged);

    List<GitCommit> log(Principal caller, ProjectId projectId, Integer skip, Integer limit);

    List<GitBranch> branches(Principal caller, ProjectId projectId);

    void stage(Principal caller, ProjectId projectId, List<RelativePath> paths, ClientInfo client);

    void unstage(Principal caller, ProjectId projectId, List<RelativePath> paths, ClientInfo client);

    /** @return the new commit's hash */
    String commit(Principal caller, ProjectId projectId, String message, ClientInfo client);

    void checkout(Principal caller, ProjectId projectId, String branch, ClientInfo client);

    void createBranch(Principal caller, ProjectId projectId, String name, boolean checkout, ClientInfo client);

    /** {@code force} deletes a branch whose commits no other branch has. */
    void deleteBranch(Principal caller, ProjectId projectId, String name, boolean force, ClientInfo client);

    void renameBranch(Principal caller, ProjectId projectId, String from, String to, ClientInfo client);

    /** Throws away the working-tree changes of the paths (untracked files under them are deleted); staged content stays. */
    void discard(Principal caller, ProjectId projectId, List<RelativePath> paths, ClientInfo client);

    /** Throws away one hunk of a file's working-tree changes, named by its header's numbers. */
    void discardHunk(Principal caller, ProjectId projectId, RelativePath file, HunkRange hunk, ClientInfo client);

    List<GitStash> stashes(Principal caller, ProjectId projectId);

    /** Saves the local changes (and, asked, the untracked files) as the newest stash, by the caller. */
    void stash(Principal caller, ProjectId projectId, String message, boolean includeUntracked, ClientInfo client);

    /** {@code pop} drops the stash once it applied cleanly. */
    void applyStash(Principal caller, ProjectId projectId, int index, boolean pop, ClientInfo client);

    void dropStash(Principal caller, ProjectId projectId, int index, ClientInfo client);

    /**
     * One remote, or ({@code null}) every remote; with the machine's git credentials, never asking for one.
     * Checks the caller and the arguments now (and throws as the plain call does); git runs in {@link RemoteOperation#run}.
     */
    RemoteOperation<Void> prepareFetch(Principal caller, ProjectId projectId, String remote, ClientInfo client);

    RemoteOperation<Void> preparePull(Principal caller, ProjectId projectId, PullMode mode, ClientInfo client);

    /** The current branch; the first push of a branch sets its upstream. */
    RemoteOperation<GitPush> preparePush(Principal caller, ProjectId projectId, String remote, ClientInfo client);

    default void fetch(Principal caller, ProjectId projectId, String remote, ClientInfo client) {
        prepareFetch(caller, projectId, remote, client).run();
    }

    default void pull(Principal caller, ProjectId projectId, PullMode mode, ClientInfo client) {
        preparePull(caller, projectId, mode, client).run();
    }

    default GitPush push(Principal caller, ProjectId projectId, String remote, ClientInfo client) {
        return preparePush(caller, projectId, remote, client).run();
    }
}
