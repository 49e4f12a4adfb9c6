package dev.ccui.bootstrap.components;

import dev.ccui.application.project.port.out.ProjectRepository;
import dev.ccui.domain.project.Project;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The folders beside a project that its sandboxed git must see, from the project rows (never from
 * a {@code .git} file its users can rewrite): for a linked worktree, the parent's {@code .git}
 * folder, where its index, refs and objects are; for a parent, its worktrees' folders, so that git
 * does not take them for deleted (and prune them). Only real folders, never symlinks, count.
 */
final class WorktreeFolders implements Function<Path, List<Path>> {
    private final ProjectRepository projects;

    WorktreeFolders(ProjectRepository projects) {
        this.projects = projects;
    }

    @Override
    public List<Path> apply(Path root) {
        Project project = projects.findByPath(root.toString()).orElse(null);
        if (project == null) {
            return List.of();
        }
        List<Path> folders = new ArrayList<>();
        if (project.parentId() != null) {
            projects.findById(project.parentId())
                    .map(parent -> Path.of(parent.path()).resolve(".git"))
                    .filter(WorktreeFolders::realFolder)
                    .ifPresent(folders::add);
        } else {
            for (Project worktree : projects.worktreesOf(project.id())) {
                Path folder = Path.of(worktree.path());
                if (!worktree.removed() && realFolder(folder)) {
                    folders.add(folder);
                }
            }
        }
        return folders;
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
