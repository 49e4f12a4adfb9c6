package dev.ccui.application.run;

import dev.ccui.application.audit.Auditor;
import dev.ccui.application.common.ClientInfo;
import dev.ccui.application.project.ProjectAccess;
import dev.ccui.application.project.port.out.ProjectRepository;
import dev.ccui.application.run.port.out.RunRepository;
import dev.ccui.application.run.port.out.SessionProjects;
import dev.ccui.domain.apikey.ApiKeyScope;
import dev.ccui.domain.audit.AuditAction;
import dev.ccui.domain.auth.AuthMethod;
import dev.ccui.domain.auth.Principal;
import dev.ccui.domain.error.ForbiddenException;
import dev.ccui.domain.error.NotFoundException;
import dev.ccui.domain.project.Project;
import dev.ccui.domain.project.ProjectId;
import dev.ccui.domain.run.PermissionMode;
import dev.ccui.domain.run.Run;
import dev.ccui.domain.run.RunId;
import dev.ccui.domain.session.SessionId;
import dev.ccui.domain.user.Capability;

/**
 * Who may do what with runs. A run is visible to whoever started it, the members of its project
 * and admins; to anyone else it does not exist (404, not 403), so run ids give nothing away. A
 * session's events are its project's.
 */
final class RunAccess {
    private final RunRepository runs;
    private final ProjectRepository projects;
    private final ProjectAccess access;
    private final SessionProjects index;
    private final Auditor auditor;

    RunAccess(
            RunRepository runs,
            ProjectRepository projects,
            ProjectAccess access,
            SessionProjects index,
            Auditor auditor) {
        this.runs = runs;
        this.projects = projects;
        this.access = access;
        this.index = index;
        this.auditor = auditor;
    }

    /** The project a prompt runs in: the caller's to use and a folder the rules allow. */
    Project requireWorkspace(Principal caller, ProjectId projectId) {
        Project project = projects.findById(projectId)
                .filter(found -> !found.removed())
                .orElseThrow(() -> new NotFoundException("no such project"));
        return access.requireWorkspace(caller, project);
    }

    /** bypassPermissions runs every tool call unasked: the account needs the capability, an API key the scope too. */
    void requireMode(Principal caller, PermissionMode mode, ClientInfo client) {
        if (mode != PermissionMode.BYPASS_PERMISSIONS) {
            return;
        }
        if (caller.method() == AuthMethod.API_KEY && !caller.scopes().contains(ApiKeyScope.BYPASS_PERMISSIONS)) {
            auditor.record(AuditAction.CAPABILITY_REFUSED, caller, "bypassPermissions", client, false, "API key scope");
            throw new ForbiddenException("SCOPE_REQUIRED", "this API key does not have the bypassPermissions scope");
        }
        if (!caller.has(Capability.BYPASS_PERMISSIONS)) {
            auditor.record(AuditAction.CAPABILITY_REFUSED, caller, "bypassPermissions", client, false, "capability");
            throw new ForbiddenException(
                    "CAPABILITY_REQUIRED",
                    "your account may not run in bypassPermissions mode: an admin can give it that capability");
        }
    }

    Run get(Principal caller, RunId runId) {
        Run run = runs.findById(runId).orElseThrow(() -> new NotFoundException("no such run"));
        if (caller.isAdmin() || caller.userId().equals(run.userId())) {
            return run;
        }
        Project project = projects.findById(run.projectId()).orElseThrow(() -> new NotFoundException("no such run"));
        if (!access.canUse(caller, project)) {
            throw new NotFoundException("no such run");
        }
        return run;
    }

    /** The session's project (from its runs, else the transcript index) must be the caller's to use. */
    Project requireSession(Principal caller, SessionId sessionId) {
        ProjectId projectId = runs.latestOfSession(sessionId)
                .map(Run::projectId)
                .or(() -> index.projectOf(sessionId))
                .orElseThrow(() -> new NotFoundException("no such session"));
        Project project = projects.findById(projectId).orElseThrow(() -> new NotFoundException("no such session"));
        return access.require(caller, project);
    }
}
