package dev.ccui.domain.project;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Which folders can never be a project, whoever asks: the workspaces root itself (it holds every
 * other project), and the app's own folders (data dir with the JWT secret and database, the Claude
 * config dir with every transcript, the install dir) together with their ancestors and descendants.
 * A project on any of them would hand its users the files API over secrets. Paths must be real
 * (symlinks resolved) so no alias slips past the comparison.
 */
public final class ProjectFolderRule {
    private final Path workspacesRoot;
    private final List<Path> protectedDirs;

    public ProjectFolderRule(Path workspacesRoot, List<Path> protectedDirs) {
        this.workspacesRoot = workspacesRoot.toAbsolutePath().normalize();
        this.protectedDirs =
                protectedDirs.stream().map(p -> p.toAbsolutePath().normalize()).toList();
    }

    public Path workspacesRoot() {
        return workspacesRoot;
    }

    /** Why the folder is refused (for logs and admins, never for the caller), or empty when it may be one. */
    public Optional<String> refusal(Path realPath) {
        Path path = realPath.toAbsolutePath().normalize();
        if (!PathConfinement.isInside(workspacesRoot, path)) {
            return Optional.of("outside the workspaces root " + workspacesRoot);
        }
        if (path.equals(workspacesRoot)) {
            return Optional.of("the workspaces root itself");
        }
        for (Path dir : protectedDirs) {
            if (path.startsWith(dir) || dir.startsWith(path)) {
                return Optional.of("overlaps the app's folder " + dir);
            }
        }
        return Optional.empty();
    }

    /** True when one folder is, contains, or lies inside the other. */
    public static boolean overlaps(Path a, Path b) {
        return a.startsWith(b) || b.startsWith(a);
    }
}
