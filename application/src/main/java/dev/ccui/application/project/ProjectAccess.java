package dev.ccui.application.project;

import dev.ccui.application.events.port.out.ProjectVisibility;
import dev.ccui.application.project.port.out.ProjectRepository;
import dev.ccui.domain.auth.Principal;
import dev.ccui.domain.error.ForbiddenException;
import dev.ccui.domain.error.NotFoundException;
import dev.ccui.domain.project.Project;
import dev.ccui.domain.project.ProjectId;

/**
 * The one rule of who may use a project: its owner, its members, and admins. Every feature that
 * touches a project (history, runs, files, git, terminal) asks here first.
 */
public final class ProjectAccess implements ProjectVisibility {
    private final ProjectRepository projects;
    private final ProjectSafety safety;

    /** Without folder rules (use-case tests that do not need them). */
    public ProjectAccess(ProjectRepository projects) {
        this(projects, null);
    }

    public ProjectAccess(ProjectRepository projects, ProjectSafety safety) {
        this.projects = projects;
        this.safety = safety;
    }

    /**
     * Access to the project's folder itself (files, git, runs, terminal): {@link #require} and,
     * for non-admins, a folder that the rules allow ({@code 403 PROJECT_UNSAFE} otherwise).
     */
    public Project requireWorkspace(Principal caller, String projectId) {
        return requireWorkspace(caller, require(caller, projectId));
    }

    public Project requireWorkspace(Principal caller, ProjectId projectId) {
        return requireWorkspace(caller, require(caller, projectId));
    }

    public Project requireWorkspace(Principal caller, Project project) {
        require(caller, project);
        if (safety != null) {
            safety.requireSafe(caller, project);
        }
        return project;
    }

    /** A project id as typed (features whose edge still hands strings over): one that is not an id is not found. */
    public Project require(Principal caller, String projectId) {
        return require(caller, ProjectId.parse(projectId).orElseThrow(() -> new NotFoundException("no such project")));
    }

    public Project require(Principal caller, ProjectId projectId) {
        Project project = projects.findById(projectId)
                .filter(found -> !found.removed())
                .orElseThrow(() -> new NotFoundException("no such project"));
        return require(caller, project);
    }

    public Project require(Principal caller, Project project) {
        if (!canUse(caller, project)) {
            throw new ForbiddenException("this project is not shared with you");
        }
        return project;
    }

    public boolean canUse(Principal caller, Project project) {
        if (caller.isAdmin()) {
            return true;
        }
        boolean direct = caller.userId().equals(project.ownerId()) || projects.isMember(project.id(), caller.userId());
        if (!direct || project.parentId() == null) {
            return direct;
        }
        // A linked worktree's git writes into its parent's .git folder: only who may use the parent may use it.
        return projects.findById(project.parentId())
                .map(parent -> !parent.id().equals(project.id()) && canUse(caller, parent))
                .orElse(true);
    }

    /** A project that is gone is seen by nobody. */
    @Override
    public boolean canSee(Principal viewer, ProjectId project) {
        return projects.findById(project).map(p -> canUse(viewer, p)).orElse(false);
    }

    /** Owners and admins may change and share a project; members may only use it. */
    public Project requireOwner(Principal caller, ProjectId projectId) {
        Project project = require(caller, projectId);
        if (!caller.isAdmin() && !caller.userId().equals(project.ownerId())) {
            throw new ForbiddenException("only the project's owner or an admin can do this");
        }
        return project;
    }
}
