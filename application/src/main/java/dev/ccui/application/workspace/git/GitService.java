package dev.ccui.application.workspace.git;

import dev.ccui.application.audit.Auditor;
import dev.ccui.application.common.Cancellation;
import dev.ccui.application.common.ClientInfo;
import dev.ccui.application.common.Limits;
import dev.ccui.application.project.ProjectAccess;
import dev.ccui.application.project.port.out.ProjectRepository;
import dev.ccui.application.workspace.git.port.in.GitUseCase;
import dev.ccui.application.workspace.git.port.in.RemoteOperation;
import dev.ccui.application.workspace.git.port.out.GitAuthor;
import dev.ccui.application.workspace.git.port.out.GitClient;
import dev.ccui.application.workspace.git.port.out.RemoteWatch;
import dev.ccui.domain.audit.AuditAction;
import dev.ccui.domain.auth.Principal;
import dev.ccui.domain.error.InvalidException;
import dev.ccui.domain.project.Project;
import dev.ccui.domain.project.ProjectId;
import dev.ccui.domain.workspace.RelativePath;
import dev.ccui.domain.workspace.git.GitBranch;
import dev.ccui.domain.workspace.git.GitCommit;
import dev.ccui.domain.workspace.git.GitDiff;
import dev.ccui.domain.workspace.git.GitProgress;
import dev.ccui.domain.workspace.git.GitPush;
import dev.ccui.domain.workspace.git.GitStash;
import dev.ccui.domain.workspace.git.GitStatus;
import dev.ccui.domain.workspace.git.HunkRange;
import dev.ccui.domain.workspace.git.PullMode;
import java.nio.file.Path;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/** Git for a project: access rule, argument checks, audit of what changes the repository. */
public final class GitService implements GitUseCase {
    /** A conservative subset of git's ref rules, so no name can ever read as an option or a range. */
    private static final Pattern BRANCH = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9._/-]{0,199}");
    /** Remote names as people write them (origin, upstream, my-fork): never an option, a path or a URL. */
    private static final Pattern REMOTE = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9._-]{0,99}");

    private static final int MAX_STASH_MESSAGE = 500;
    private static final int MAX_STASH_INDEX = 10_000;
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
        onPaths(caller, projectId, paths, client, AuditAction.GIT_STAGED, git::stage);
    }

    @Override
    public void unstage(Principal caller, ProjectId projectId, List<RelativePath> paths, ClientInfo client) {
        onPaths(caller, projectId, paths, client, AuditAction.GIT_UNSTAGED, git::unstage);
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
        String hash = git.commit(root(project), message.strip(), author(caller));
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

    @Override
    public void deleteBranch(Principal caller, ProjectId projectId, String name, boolean force, ClientInfo client) {
        Project project = access.requireWorkspace(caller, projectId);
        git.deleteBranch(root(project), branchName("name", name), force);
        auditor.record(
                AuditAction.GIT_BRANCH_DELETED,
                caller,
                project.path(),
                client,
                true,
                force ? name + " (forced)" : name);
    }

    @Override
    public void renameBranch(Principal caller, ProjectId projectId, String from, String to, ClientInfo client) {
        Project project = access.requireWorkspace(caller, projectId);
        git.renameBranch(root(project), branchName("from", from), branchName("to", to));
        auditor.record(AuditAction.GIT_BRANCH_RENAMED, caller, project.path(), client, true, from + " -> " + to);
    }

    @Override
    public void discard(Principal caller, ProjectId projectId, List<RelativePath> paths, ClientInfo client) {
        onPaths(caller, projectId, paths, client, AuditAction.GIT_DISCARDED, git::discard);
    }

    @Override
    public void discardHunk(
            Principal caller, ProjectId projectId, RelativePath file, HunkRange hunk, ClientInfo client) {
        Project project = access.requireWorkspace(caller, projectId);
        if (file == null || file.isRoot()) {
            throw new InvalidException("path", "name the file whose hunk to discard");
        }
        if (hunk == null) {
            throw new InvalidException("hunk", "name the hunk by its header's numbers");
        }
        git.discardHunk(root(project), file, hunk);
        auditor.record(
                AuditAction.GIT_DISCARDED,
                caller,
                project.path(),
                client,
                true,
                file + " @@ -" + hunk.oldStart() + "," + hunk.oldLines() + " +" + hunk.newStart() + ","
                        + hunk.newLines() + " @@");
    }

    @Override
    public List<GitStash> stashes(Principal caller, ProjectId projectId) {
        return git.stashes(root(access.requireWorkspace(caller, projectId)));
    }

    @Override
    public void stash(
            Principal caller, ProjectId projectId, String message, boolean includeUntracked, ClientInfo client) {
        Project project = access.requireWorkspace(caller, projectId);
        String text = message == null || message.isBlank() ? null : message.strip();
        if (text != null && (text.length() > MAX_STASH_MESSAGE || text.indexOf('\0') >= 0)) {
            throw new InvalidException("message", "the stash message is too long or holds a NUL");
        }
        git.stash(root(project), text, includeUntracked, author(caller));
        auditor.record(AuditAction.GIT_STASHED, caller, project.path(), client, true, text);
    }

    @Override
    public void applyStash(Principal caller, ProjectId projectId, int index, boolean pop, ClientInfo client) {
        Project project = access.requireWorkspace(caller, projectId);
        git.applyStash(root(project), stashIndex(index), pop);
        auditor.record(
                AuditAction.GIT_STASH_APPLIED,
                caller,
                project.path(),
                client,
                true,
                "stash@{" + index + "}" + (pop ? " (popped)" : ""));
    }

    @Override
    public void dropStash(Principal caller, ProjectId projectId, int index, ClientInfo client) {
        Project project = access.requireWorkspace(caller, projectId);
        git.dropStash(root(project), stashIndex(index));
        auditor.record(AuditAction.GIT_STASH_DROPPED, caller, project.path(), client, true, "stash@{" + index + "}");
    }

    @Override
    public RemoteOperation<Void> prepareFetch(Principal caller, ProjectId projectId, String remote, ClientInfo client) {
        Project project = access.requireWorkspace(caller, projectId);
        String name = remote == null ? null : remoteName(remote);
        return (progress, cancellation) -> {
            git.fetch(root(project), name, watch(progress, cancellation));
            auditor.record(
                    AuditAction.GIT_FETCHED,
                    caller,
                    project.path(),
                    client,
                    true,
                    remote == null ? "(all remotes)" : remote);
            return null;
        };
    }

    @Override
    public RemoteOperation<Void> preparePull(Principal caller, ProjectId projectId, PullMode mode, ClientInfo client) {
        Project project = access.requireWorkspace(caller, projectId);
        if (mode == null) {
            throw new InvalidException("mode", "mode is ff-only or rebase");
        }
        return (progress, cancellation) -> {
            git.pull(root(project), mode, author(caller), watch(progress, cancellation));
            auditor.record(AuditAction.GIT_PULLED, caller, project.path(), client, true, mode.code());
            return null;
        };
    }

    @Override
    public RemoteOperation<GitPush> preparePush(
            Principal caller, ProjectId projectId, String remote, ClientInfo client) {
        Project project = access.requireWorkspace(caller, projectId);
        String name = remote == null ? null : remoteName(remote);
        return (progress, cancellation) -> {
            GitPush pushed = git.push(root(project), name, watch(progress, cancellation));
            auditor.record(
                    AuditAction.GIT_PUSHED,
                    caller,
                    project.path(),
                    client,
                    true,
                    pushed.branch() + " -> " + pushed.upstream());
            return pushed;
        };
    }

    private static RemoteWatch watch(Consumer<GitProgress> progress, Cancellation cancellation) {
        return progress == null ? RemoteWatch.quiet() : RemoteWatch.streamed(progress, cancellation);
    }

    private static GitAuthor author(Principal caller) {
        String username = caller.username().value();
        return new GitAuthor(username, username + "@ccui.local");
    }

    private static String remoteName(String name) {
        if (!REMOTE.matcher(name).matches() || name.contains("..") || name.endsWith(".lock")) {
            throw new InvalidException("remote", "not a valid remote name");
        }
        return name;
    }

    private static int stashIndex(int index) {
        if (index < 0 || index > MAX_STASH_INDEX) {
            throw new InvalidException("index", "not a stash index");
        }
        return index;
    }

    private static String branchName(String field, String name) {
        if (name == null
                || !BRANCH.matcher(name).matches()
                || name.contains("..")
                || name.contains("//")
                || name.endsWith("/")
                || name.endsWith(".")
                || name.endsWith(".lock")
                || name.contains("/.")
                || name.equals("HEAD")) {
            throw new InvalidException(field, "not a valid branch name");
        }
        return name;
    }

    /** An action on some paths of the working tree: checked, done, audited with the paths. */
    private void onPaths(
            Principal caller,
            ProjectId projectId,
            List<RelativePath> paths,
            ClientInfo client,
            AuditAction action,
            BiConsumer<Path, List<RelativePath>> change) {
        Project project = access.requireWorkspace(caller, projectId);
        List<RelativePath> parsed = checked(paths);
        change.accept(root(project), parsed);
        auditor.record(action, caller, project.path(), client, true, describe(parsed));
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
        return paths.stream()
                .map(p -> p.isRoot() ? "." : p.toString())
                .limit(20)
                .toList()
                .toString();
    }

    private static Path root(Project project) {
        return Path.of(project.path());
    }
}
