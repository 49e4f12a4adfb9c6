package dev.ccui.application.project.worktree;

import dev.ccui.application.audit.Auditor;
import dev.ccui.application.common.ClientInfo;
import dev.ccui.application.events.port.out.EventBus;
import dev.ccui.application.project.ProjectAccess;
import dev.ccui.application.project.create.FolderPlacement;
import dev.ccui.application.project.create.port.out.NewFolders;
import dev.ccui.application.project.port.in.ProjectUseCase;
import dev.ccui.application.project.port.out.ProjectRepository;
import dev.ccui.application.project.worktree.port.in.NewWorktreeCommand;
import dev.ccui.application.project.worktree.port.in.Worktree;
import dev.ccui.application.project.worktree.port.in.WorktreeUseCase;
import dev.ccui.application.project.worktree.port.out.GitWorktrees;
import dev.ccui.domain.audit.AuditAction;
import dev.ccui.domain.auth.Principal;
import dev.ccui.domain.error.ConflictException;
import dev.ccui.domain.error.InvalidException;
import dev.ccui.domain.error.NotFoundException;
import dev.ccui.domain.events.AppEvent;
import dev.ccui.domain.project.Project;
import dev.ccui.domain.project.ProjectId;
import dev.ccui.domain.project.ProjectOverview;
import dev.ccui.domain.project.create.FolderName;
import dev.ccui.domain.project.worktree.GitWorktree;
import dev.ccui.domain.project.worktree.WorktreeState;
import dev.ccui.domain.user.UserId;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Worktrees of a project's repository as projects of their own. A new worktree's folder is placed
 * like any new project's (beside the parent by default); its project is linked to the parent, and the
 * parent's owner and members become its members, so the same people see it (and only they may use
 * it: {@link ProjectAccess} asks the parent too, as the worktree's git writes into the parent's .git).
 */
public final class WorktreeService implements WorktreeUseCase {
    /** The branch names {@code GitService} accepts: never an option or a range. */
    private static final Pattern BRANCH = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9._/-]{0,199}");

    private final ProjectAccess access;
    private final ProjectRepository projects;
    private final ProjectUseCase registrar;
    private final FolderPlacement placement;
    private final NewFolders folders;
    private final GitWorktrees git;
    private final EventBus events;
    private final Auditor auditor;
    private final Clock clock;

    public WorktreeService(
            ProjectAccess access,
            ProjectRepository projects,
            ProjectUseCase registrar,
            FolderPlacement placement,
            NewFolders folders,
            GitWorktrees git,
            EventBus events,
            Auditor auditor,
            Clock clock) {
        this.access = access;
        this.projects = projects;
        this.registrar = registrar;
        this.placement = placement;
        this.folders = folders;
        this.git = git;
        this.events = events;
        this.auditor = auditor;
        this.clock = clock;
    }

    @Override
    public List<Worktree> list(Principal caller, ProjectId parentId) {
        Project parent = access.requireWorkspace(caller, parentId);
        return git.list(Path.of(parent.path())).stream()
                .map(tree -> new Worktree(tree, projectAt(tree)))
                .toList();
    }

    private ProjectId projectAt(GitWorktree tree) {
        return projects.findByPath(tree.path())
                .filter(p -> !p.removed())
                .map(Project::id)
                .orElse(null);
    }

    @Override
    public ProjectOverview create(Principal caller, ProjectId parentId, NewWorktreeCommand command, ClientInfo client) {
        Project parent = access.requireWorkspace(caller, parentId);
        if (parent.parentId() != null) {
            throw new InvalidException("projectId", "add worktrees to the main project, not to one of its worktrees");
        }
        String branch = branch("branch", command.branch());
        String startPoint = command.startPoint() == null || command.startPoint().isBlank()
                ? null
                : branch("startPoint", command.startPoint());
        if (!command.newBranch() && startPoint != null) {
            throw new InvalidException("startPoint", "a start point is only for a new branch");
        }
        String name = FolderName.require(
                "name", command.name() == null ? parent.name() + "-" + branch.replace('/', '-') : command.name());
        Path parentFolder = Path.of(parent.path()).getParent();
        String where =
                command.parent() != null ? command.parent() : parentFolder == null ? null : parentFolder.toString();
        Path target = placement.target(caller, where, name, client, AuditAction.GIT_WORKTREE_CREATED);
        Path created = folders.create(target.getParent(), name);
        Project project;
        try {
            git.add(Path.of(parent.path()), created, branch, command.newBranch(), startPoint);
            var registered = registrar.registerProject(caller, created.toString(), name, client);
            project = registered.project().project().withParent(parent.id(), clock.instant());
            projects.update(project);
        } catch (RuntimeException e) {
            folders.deleteTree(created);
            pruneQuietly(parent);
            throw e;
        }
        for (UserId member : parentUsers(parent)) {
            if (!member.equals(caller.userId())) {
                projects.addMember(project.id(), member);
            }
        }
        auditor.record(
                AuditAction.GIT_WORKTREE_CREATED,
                caller,
                created.toString(),
                client,
                true,
                (command.newBranch() ? "new branch " : "branch ") + branch + " of " + parent.path());
        events.publish(new AppEvent.ProjectsChanged(Set.of(project.id(), parent.id())));
        return projects.overview(project.id()).orElseThrow();
    }

    @Override
    public void remove(Principal caller, ProjectId parentId, ProjectId worktreeId, boolean force, ClientInfo client) {
        Project parent = access.requireWorkspace(caller, parentId);
        Project worktree = access.requireOwner(caller, worktreeId);
        if (!parent.id().equals(worktree.parentId())) {
            throw new NotFoundException("UNKNOWN_WORKTREE", "this project is not a worktree of that project");
        }
        access.requireWorkspace(caller, worktree);
        Path folder = Path.of(worktree.path());
        if (!force) {
            WorktreeState state = git.state(folder);
            if (state.dirty()) {
                throw new ConflictException(
                        "WORKTREE_DIRTY",
                        "the worktree has changes that are not committed: commit or stash them, or remove it with force");
            }
            if (state.unpushedCommits() > 0) {
                throw new ConflictException(
                        "WORKTREE_UNPUSHED",
                        state.unpushedCommits() + " commit(s) of "
                                + (state.branch() == null ? "its HEAD" : state.branch())
                                + " are on no remote: push them, or remove it with force (the branch stays)");
            }
        }
        folders.deleteTree(folder);
        pruneQuietly(parent);
        projects.update(worktree.withRemoved(true, clock.instant()));
        auditor.record(
                AuditAction.GIT_WORKTREE_REMOVED, caller, worktree.path(), client, true, force ? "forced" : null);
        events.publish(new AppEvent.ProjectsChanged(Set.of(worktree.id(), parent.id())));
    }

    private void pruneQuietly(Project parent) {
        try {
            git.prune(Path.of(parent.path()));
        } catch (RuntimeException ignored) {
            // A stale entry in .git/worktrees is pruned by git itself later; the folder is what mattered.
        }
    }

    private List<UserId> parentUsers(Project parent) {
        List<UserId> members = new ArrayList<>(projects.members(parent.id()));
        if (parent.ownerId() != null) {
            members.add(parent.ownerId());
        }
        return members;
    }

    private static String branch(String field, String name) {
        if (name == null || !BRANCH.matcher(name).matches() || name.contains("..") || name.endsWith(".lock")) {
            throw new InvalidException(field, "not a valid branch name");
        }
        return name;
    }
}
