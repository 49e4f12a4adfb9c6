package dev.ccui.application.workspace.git.port.in;

import dev.ccui.application.common.ClientInfo;
import dev.ccui.domain.workspace.git.GitBranch;
import dev.ccui.domain.workspace.git.GitCommit;
import dev.ccui.domain.workspace.git.GitDiff;
import dev.ccui.domain.workspace.git.GitStatus;
import dev.ccui.domain.auth.Principal;
import dev.ccui.domain.project.ProjectId;
import dev.ccui.domain.workspace.RelativePath;
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
}
