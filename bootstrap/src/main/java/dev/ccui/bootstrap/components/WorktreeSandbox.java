package dev.ccui.bootstrap.components;

import dev.ccui.application.project.port.out.ProjectRepository;
import dev.ccui.application.sandbox.port.out.ProcessSandbox;
import dev.ccui.application.sandbox.port.out.SandboxRequest;
import dev.ccui.application.sandbox.port.out.SandboxedCommand;
import dev.ccui.domain.project.Project;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The process sandbox plus the folders beside a project that the project rows say its processes
 * need, in one place for git, runs, shells and the one-shot CLI:
 *
 * <ul>
 *   <li>a linked worktree project keeps its index, refs and objects in its parent's {@code .git}
 *       folder, so every process started in it gets that folder writable (git there fails without it,
 *       the CLI's Bash tool included);
 *   <li>a parent's own git calls see its worktrees' folders, so that git does not take them for
 *       deleted (and prune them). Runs and shells in the parent do not: they work on one project.
 * </ul>
 *
 * <p>Named by the rows, never by the worktree's {@code .git} file, which its users can rewrite to
 * point at any repository on the machine. Only real folders, never symlinks, count. Who may use a
 * worktree project may use its parent ({@code ProjectAccess.canUse}), so nothing is shown to someone
 * who could not open it anyway.
 */
final class WorktreeSandbox implements ProcessSandbox {
    private final ProcessSandbox sandbox;
    private final ProjectRepository projects;

    WorktreeSandbox(ProcessSandbox sandbox, ProjectRepository projects) {
        this.sandbox = sandbox;
        this.projects = projects;
    }

    @Override
    public String mode() {
        return sandbox.mode();
    }

    @Override
    public boolean isolates() {
        return sandbox.isolates();
    }

    @Override
    public Map<String, Object> details() {
        return sandbox.details();
    }

    @Override
    public SandboxedCommand prepare(SandboxRequest request) {
        List<Path> extra = folders(request.project(), request.profile());
        if (extra.isEmpty()) {
            return sandbox.prepare(request);
        }
        List<Path> writable = new ArrayList<>(request.writable());
        extra.stream().filter(folder -> !writable.contains(folder)).forEach(writable::add);
        return sandbox.prepare(new SandboxRequest(
                request.profile(),
                request.project(),
                request.command(),
                request.environment(),
                request.cliUser(),
                request.readOnly(),
                writable));
    }

    /** The folders beside {@code folder} that a process of {@code profile} there needs, from the project rows. */
    List<Path> folders(Path folder, SandboxRequest.Profile profile) {
        Project project = projects.findByPath(real(folder).toString()).orElse(null);
        if (project == null) {
            return List.of();
        }
        List<Path> folders = new ArrayList<>();
        if (project.parentId() != null) {
            projects.findById(project.parentId())
                    .map(parent -> Path.of(parent.path()).resolve(".git"))
                    .filter(WorktreeSandbox::realFolder)
                    .ifPresent(folders::add);
        } else if (profile == SandboxRequest.Profile.GIT || profile == SandboxRequest.Profile.GIT_REMOTE) {
            for (Project worktree : projects.worktreesOf(project.id())) {
                Path path = Path.of(worktree.path());
                if (!worktree.removed() && realFolder(path)) {
                    folders.add(path);
                }
            }
        }
        return folders;
    }

    private static Path real(Path path) {
        try {
            return path.toRealPath();
        } catch (IOException e) {
            return path.toAbsolutePath().normalize();
        }
    }

    /** A folder whose path is its real path: no symlink anywhere on the way to it. */
    private static boolean realFolder(Path path) {
        try {
            return Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS)
                    && path.toRealPath().equals(path);
        } catch (IOException e) {
            return false;
        }
    }
}
