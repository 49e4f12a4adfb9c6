package dev.ccui.application.project.port.in;

import dev.ccui.application.common.ClientInfo;
import dev.ccui.domain.auth.Principal;
import dev.ccui.domain.project.ProjectOverview;
import java.util.List;

/**
 * The projects a user sees: those they registered or were granted; admins see all. Projects
 * discovered from the machine's transcripts belong to the first admin until shared.
 */
public interface ProjectsUseCase {

    List<ProjectOverview> listProjects(Principal caller);

    ProjectOverview getProject(Principal caller, String projectId);

    /** Registers a folder under the workspaces root (or returns the existing project of that path). */
    Registered registerProject(Principal caller, String path, String name, ClientInfo client);

    record Registered(ProjectOverview project, boolean created) {
    }

    ProjectOverview updateProject(Principal caller, String projectId, ProjectChanges changes, ClientInfo client);

    /** Hides the project from the UI; never deletes a file. */
    void removeProject(Principal caller, String projectId, ClientInfo client);

    List<String> listMembers(Principal caller, String projectId);

    void addMember(Principal caller, String projectId, String userId, ClientInfo client);

    void removeMember(Principal caller, String projectId, String userId, ClientInfo client);
}
