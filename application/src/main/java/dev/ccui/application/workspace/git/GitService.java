package dev.ccui.application.workspace.git;

import dev.ccui.application.audit.Auditor;
import dev.ccui.application.common.ClientInfo;
import dev.ccui.application.common.Limits;
import dev.ccui.application.project.ProjectAccess;
import dev.ccui.application.project.port.out.ProjectRepository;
import dev.ccui.application.workspace.git.port.in.GitUseCase;
import dev.ccui.application.workspace.git.port.out.GitAuthor;
import dev.ccui.domain.workspace.git.GitBranch;
import dev.ccui.application.workspace.git.port.out.GitClient;
import dev.ccui.domain.workspace.git.GitCommit;
import dev.ccui.domain.workspace.git.GitDiff;
import dev.ccui.domain.workspace.git.GitStatus;
import dev.ccui.domain.audit.AuditAction;
import dev.ccui.domain.auth.Principal;
import dev.ccui.domain.error.InvalidException;
import dev.ccui.domain.project.Project;
import dev.ccui.domain.project.ProjectId;
import dev.ccui.domain.workspace.RelativePath;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;

/** Git for a project: access rule, argument checks, audit of what changes the repository. */
public final class GitService implements GitUseCase {
    /** A conservative subset of git's ref rules, so no name can ever read as an option or a range. */
    private static final Pattern BRANCH = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9._/-]{0,199}");
    private static final int MAX_DIFF_BYTES = 1024 * 1024;
    private static final int MAX_MESSAGE = 10_000;

    private final ProjectAccess access;
    private final GitClient git;
    private final Auditor auditor;

    public GitService(ProjectRepository projects, GitClient git, Auditor auditor) {
        this(new ProjectAccess(projects), git, auditor);
    }

    public GitService(ProjectAccess access, GitClient git, Auditor auditor) {
        this.access = access;
        this.git = git;
        this.auditor = auditor;
    }

    @Override
    public GitStatus status(Principal caller, ProjectId projectId) {
        return git.status(root(access.requireWorkspace(caller, projectId)));
    }

    @Override
    public GitDiff diff(Principal caller, ProjectId projectId, RelativePath path, boolean staged) {
        Project project = access.requireWorkspace(caller, projectId);
        return git.diff(root(project), staged, path.isRoot() ? null : path, MAX_DIFF_BYTES);
    }

    @Override
    public List<GitCommit> log(Principal caller, ProjectId projectId, Integer skip, Integer limit) {
        Project project = access.requireWorkspace(caller, projectId);
        if (skip != null && skip < 0) {
            throw new InvalidException("skip", "skip must not be negative");
        }
        return git.log(root(project), skip == null ? 0 : skip, Limits.pageSize(limit, 50, 500));
    }

    @Override
    public List<GitBranch> branches(Principal caller, ProjectId projectId) {
        return git.branches(root(access.requireWorkspace(caller, projectId)));
    }

    @Override
    public void stage(Principal caller, ProjectId projectId, List<RelativePath> paths, ClientInfo client) {
        Project project = access.requireWorkspace(caller, projectId);
        List<RelativePath> parsed = checked(paths);
        git.stage(root(project), parsed);
        auditor.record(AuditAction.GIT_STAGED, caller, project.path(), client, true, describe(parsed));
    }

    @Override
    public void unstage(Principal caller, ProjectId projectId, List<RelativePath> paths, ClientInfo client) {
        Project project = access.requireWorkspace(caller, projectId);
        List<RelativePath> parsed = checked(paths);
        git.unstage(root(project), parsed);
        auditor.record(AuditAction.GIT_UNSTAGED, caller, project.path(), client, true, describe(parsed));
    }

    @Override
    public String commit(Principal caller, ProjectId projectId, String message, ClientInfo client) {
        Project project = access.requireWorkspace(caller, projectId);
        if (message == null || message.isBlank()) {
            throw new InvalidException("message", "a commit message is required");
        }
        if (message.length() > MAX_MESSAGE || message.indexOf('\0') >= 0) {
            throw new InvalidException("message", "the commit message is too long or holds a NUL");
        }
        String username = caller.username().value();
        String hash = git.commit(root(project), message.strip(), new GitAuthor(username, username + "@ccui.local"));
        auditor.record(AuditAction.GIT_COMMITTED, caller, project.path(), client, true, hash);
        return hash;
    }

    @Override
    public void checkout(Principal caller, ProjectId projectId, String branch, ClientInfo client) {
        Project project = access.requireWorkspace(caller, projectId);
        git.checkout(root(project), branchName("branch", branch));
        auditor.record(AuditAction.GIT_CHECKED_OUT, caller, project.path(), client, true, branch);
    }

    @Override
    public void createBranch(Principal caller, ProjectId projectId, String name, boolean checkout, ClientInfo client) {
        Project project = access.requireWorkspace(caller, projectId);
        git.createBranch(root(project), branchName("name", name), checkout);
        auditor.record(AuditAction.GIT_BRANCH_CREATED, caller, project.path(), client, true, name);
    }

    private static String branchName(String field, String name) {
        if (name == null || !BRANCH.matcher(name).matches() || name.contains("..") || name.contains("//")
                || name.endsWith("/") || name.endsWith(".") || name.endsWith(".lock") || name.contains("/.")
                || name.equals("HEAD")) {
            throw new InvalidException(field, "not a valid branch name");
        }
        return name;
    }

    private static List<RelativePath> checked(List<RelativePath> paths) {
        if (paths == null || paths.isEmpty()) {
            throw new InvalidException("paths", "name at least one path (\".\" for everything)");
        }
        if (paths.size() > 1000) {
            throw new InvalidException("paths", "at most 1000 paths at once");
        }
        return paths;
    }

    private static String describe(List<RelativePath> paths) {
        return paths.stream().map(p -> p.isRoot() ? "." : p.toString()).limit(20).toList().toString();
    }

    private static Path root(Project project) {
        return Path.of(project.path());
    }
}
