package dev.ccui.application.project.create;

import dev.ccui.application.audit.Auditor;
import dev.ccui.application.common.ClientInfo;
import dev.ccui.application.project.ProjectSafety;
import dev.ccui.application.project.port.out.WorkspacePaths;
import dev.ccui.domain.audit.AuditAction;
import dev.ccui.domain.auth.Principal;
import dev.ccui.domain.error.ForbiddenException;
import dev.ccui.domain.error.InvalidException;
import dev.ccui.domain.project.PathConfinement;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Where a folder the app creates for a new project (empty, clone, worktree) may go: checked as a
 * registration would check it, before anything exists, with one answer for every refusal so the
 * caller learns nothing of what exists where (the reason goes to the audit log).
 */
public final class FolderPlacement {
    private final ProjectSafety safety;
    private final WorkspacePaths paths;
    private final Auditor auditor;

    public FolderPlacement(ProjectSafety safety, WorkspacePaths paths, Auditor auditor) {
        this.safety = safety;
        this.paths = paths;
        this.auditor = auditor;
    }

    /** The real path {@code name} would have in {@code parent} (null: the workspaces root); {@code 403 PROJECT_PATH_REFUSED}. */
    public Path target(Principal caller, String parent, String name, ClientInfo client, AuditAction action) {
        Path root = safety.rule().workspacesRoot();
        Path realRoot = paths.realDirectory(root.toString()).orElse(root);
        Path parentReal;
        if (parent == null || parent.isBlank()) {
            parentReal = realRoot;
        } else {
            if (!PathConfinement.isPlainText(parent) || !parent.startsWith("/")) {
                throw new InvalidException(
                        "parent", "parent must be an absolute path without control or look-alike characters");
            }
            parentReal = paths.realDirectory(parent).orElse(null);
        }
        Optional<String> refusal;
        if (parentReal == null) {
            refusal = Optional.of("no such parent directory");
        } else if (!PathConfinement.isInside(realRoot, parentReal)) {
            refusal = Optional.of("parent outside the workspaces root");
        } else {
            refusal = safety.registrationRefusal(caller, parentReal.resolve(name));
        }
        if (refusal.isPresent()) {
            String where =
                    parentReal == null ? parent : parentReal.resolve(name).toString();
            auditor.record(action, caller, where, client, false, refusal.get());
            throw new ForbiddenException(
                    "PROJECT_PATH_REFUSED",
                    "a project cannot be made there: it must be a new folder inside the workspaces root, not overlapping "
                            + "the app's own folders or a project you cannot use");
        }
        return parentReal.resolve(name);
    }
}
