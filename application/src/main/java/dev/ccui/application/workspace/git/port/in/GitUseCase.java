package dev.ccui.application.workspace.git.port.in;

import dev.ccui.application.common.ClientInfo;
import dev.ccui.application.workspace.git.port.out.GitBranch;
import dev.ccui.application.workspace.git.port.out.GitCommit;
import dev.ccui.application.workspace.git.port.out.GitDiff;
import dev.ccui.application.workspace.git.port.out.GitStatus;
import dev.ccui.domain.auth.Principal;
import java.util.List;

/** Git views and actions on a project, for its owner, members and admins. */
public interface GitUseCase {

    GitStatus status(Principal caller, String projectId);

    GitDiff diff(Principal caller, String projectId, String path, boolean staged);

    List<GitCommit> log(Principal caller, String projectId, Integer skip, Integer limit);

    List<GitBranch> branches(Principal caller, String projectId);

    void stage(Principal caller, String projectId, List<String> paths, ClientInfo client);

    void unstage(Principal caller, String projectId, List<String> paths, ClientInfo client);

    /** @return the new commit's hash */
    String commit(Principal caller, String projectId, String message, ClientInfo client);

    void checkout(Principal caller, String projectId, String branch, ClientInfo client);

    void createBranch(Principal caller, String projectId, String name, boolean checkout, ClientInfo client);
}
