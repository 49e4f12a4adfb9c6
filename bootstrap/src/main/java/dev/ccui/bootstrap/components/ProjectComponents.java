package dev.ccui.bootstrap.components;

import dev.ccui.adapters.http.RouteGroup;
import dev.ccui.adapters.http.project.NewProjectRoutes;
import dev.ccui.adapters.http.project.ProjectRoutes;
import dev.ccui.adapters.http.project.UnsafeProjectRoutes;
import dev.ccui.adapters.http.project.WorktreeRoutes;
import dev.ccui.adapters.process.workspace.FileSystemNewFolders;
import dev.ccui.adapters.process.workspace.FileSystemWorkspacePaths;
import dev.ccui.adapters.process.workspace.git.GitCliRepositories;
import dev.ccui.adapters.process.workspace.git.GitCliWorktrees;
import dev.ccui.adapters.process.workspace.git.GitRunner;
import dev.ccui.application.audit.Auditor;
import dev.ccui.application.events.ChangeFeedService;
import dev.ccui.application.events.port.out.EventBus;
import dev.ccui.application.history.port.in.SessionHistoryUseCase;
import dev.ccui.application.project.ProjectAccess;
import dev.ccui.application.project.ProjectSafety;
import dev.ccui.application.project.ProjectService;
import dev.ccui.application.project.create.FolderPlacement;
import dev.ccui.application.project.create.NewProjectService;
import dev.ccui.application.project.port.out.FolderSessions;
import dev.ccui.application.project.port.out.ProjectRepository;
import dev.ccui.application.project.worktree.WorktreeService;
import dev.ccui.application.sandbox.port.out.ProcessSandbox;
import dev.ccui.application.user.port.out.UserRepository;
import dev.ccui.domain.project.ProjectFolderRule;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Projects, who may use them and the rules their folders must keep, and the change feed of what they hold. */
public final class ProjectComponents {
    private static final Logger LOG = LoggerFactory.getLogger(ProjectComponents.class);
    /** A clone of a large repository over a slow link takes a while; it can be cancelled before this. */
    private static final Duration CLONE_TIMEOUT = Duration.ofMinutes(30);

    private final ProjectSafety safety;
    private final ProjectAccess access;
    private final ProjectService projects;
    private final ChangeFeedService changes;
    private final NewProjectService newProjects;
    private final WorktreeService worktrees;
    private final ProcessSandbox sandbox;

    private ProjectComponents(
            ProjectSafety safety,
            ProjectAccess access,
            ProjectService projects,
            ChangeFeedService changes,
            NewProjectService newProjects,
            WorktreeService worktrees,
            ProcessSandbox sandbox) {
        this.worktrees = worktrees;
        this.sandbox = sandbox;
        this.safety = safety;
        this.access = access;
        this.projects = projects;
        this.changes = changes;
        this.newProjects = newProjects;
    }

    /**
     * @param workspacesRoot no project may be this folder itself
     * @param ownFolders     the app's own folders (data dir, the CLI's config dir), which no project may overlap
     * @param sandbox        where every process for a user runs; {@link #sandbox()} adds what the project rows
     *                       say a project's processes need beside it (a worktree's shared .git)
     */
    public static ProjectComponents build(
            Path workspacesRoot,
            List<Path> ownFolders,
            ProjectRepository projects,
            FolderSessions sessions,
            UserRepository users,
            EventBus events,
            Auditor auditor,
            Clock clock,
            ProcessSandbox sandbox) {
        // A project must never be the workspaces root, nor overlap the app's own folders (the JWT
        // secret and database, every transcript, the jar) or a project its users may not use.
        var protectedFolders = new ArrayList<Path>(
                ownFolders.stream().map(ProjectFolders::real).toList());
        protectedFolders.add(ProjectFolders.installDir());
        var safety = new ProjectSafety(
                projects,
                users,
                new ProjectFolderRule(ProjectFolders.real(workspacesRoot), protectedFolders),
                events,
                clock);
        var access = new ProjectAccess(projects, safety);
        var paths = new FileSystemWorkspacePaths();
        var service = new ProjectService(projects, sessions, users, paths, events, auditor, clock, safety);
        var folders = new FileSystemNewFolders();
        var projectSandbox = new WorktreeSandbox(sandbox, projects);
        var git = GitRunner.sandboxed(projectSandbox);
        var newProjects = new NewProjectService(
                service, safety, paths, folders, new GitCliRepositories(git, CLONE_TIMEOUT), auditor, clock);
        var worktrees = new WorktreeService(
                access,
                projects,
                service,
                new FolderPlacement(safety, paths, auditor),
                folders,
                new GitCliWorktrees(git),
                events,
                auditor,
                clock);
        return new ProjectComponents(
                safety, access, service, new ChangeFeedService(events, access), newProjects, worktrees, projectSandbox);
    }

    /**
     * The sandbox every process for a user starts in (git, runs, shells, the one-shot CLI), with the folders
     * beside a project that the project rows name: a worktree's shared .git, a parent's worktrees for its git.
     */
    public ProcessSandbox sandbox() {
        return sandbox;
    }

    /** Who may use a project's files, git, runs and terminal. */
    public ProjectAccess access() {
        return access;
    }

    public ProjectService projects() {
        return projects;
    }

    public ProjectSafety safety() {
        return safety;
    }

    /** What changed in the projects a user may see, for live connections. */
    public ChangeFeedService changes() {
        return changes;
    }

    /** Rows registered before the folder rules (or discovered) that break them: kept, but said aloud. */
    public void reportUnsafeProjects() {
        for (var unsafe : safety.scanNow()) {
            LOG.warn(
                    "project {} at {} breaks the folder rules ({}): its files, git, runs and terminal are refused "
                            + "to non-admins until an admin removes it (GET /api/admin/unsafe-projects)",
                    unsafe.id(),
                    unsafe.path(),
                    unsafe.reason());
        }
    }

    public List<RouteGroup> routes(SessionHistoryUseCase history) {
        return List.of(
                new ProjectRoutes(projects, history),
                new UnsafeProjectRoutes(projects),
                new NewProjectRoutes(newProjects),
                new WorktreeRoutes(worktrees));
    }
}
