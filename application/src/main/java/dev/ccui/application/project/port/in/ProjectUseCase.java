package dev.ccui.application.project.port.in;

import dev.ccui.application.common.ClientInfo;
import dev.ccui.domain.auth.Principal;
import dev.ccui.domain.project.ProjectId;
import dev.ccui.domain.project.ProjectOverview;
import dev.ccui.domain.user.UserId;
import java.util.List;

/**
 * The projects a user sees: those they registered or were granted; admins see all. Projects
 * discovered from the machine's transcripts belong to the first admin until shared.
 */
public interface ProjectUseCase {

    /**
     * The caller's projects with their counts. While nothing changed, callers of the same kind get
     * the same list, the same instance (the HTTP adapter keeps its JSON by that identity); never
     * changed after it is handed out.
     */
    List<ProjectOverview> listProjects(Principal caller);

    ProjectOverview getProject(Principal caller, ProjectId projectId);

    /** Registers a folder under the workspaces root (or returns the existing project of that path). */
    Registered registerProject(Principal caller, String path, String name, ClientInfo client);

    record Registered(ProjectOverview project, boolean created) {}

    ProjectOverview updateProject(Principal caller, ProjectId projectId, ProjectChanges changes, ClientInfo client);

    /** Hides the project from the UI; never deletes a file. */
    void removeProject(Principal caller, ProjectId projectId, ClientInfo client);

    List<String> listMembers(Principal caller, ProjectId projectId);

    /** The owner and members by name, for anyone who may use the project. */
    ProjectPeople people(Principal caller, ProjectId projectId);

    void addMember(Principal caller, ProjectId projectId, UserId userId, ClientInfo client);

    /** Shares with the account of that name: an owner who is not an admin cannot list the accounts. */
    UserId addMemberByName(Principal caller, ProjectId projectId, String username, ClientInfo client);

    void removeMember(Principal caller, ProjectId projectId, UserId userId, ClientInfo client);

    /** The admin's list of project rows whose workspace routes are refused with {@code PROJECT_UNSAFE}. */
    List<UnsafeProject> unsafeProjects(Principal admin);
}
