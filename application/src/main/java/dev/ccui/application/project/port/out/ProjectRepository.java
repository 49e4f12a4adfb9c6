package dev.ccui.application.project.port.out;

import dev.ccui.domain.project.Project;
import dev.ccui.domain.project.ProjectId;
import dev.ccui.domain.project.ProjectOverview;
import dev.ccui.domain.user.UserId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

public interface ProjectRepository {

    /** Inserts; false when a project with the same path exists. */
    boolean insert(Project project);

    Optional<Project> findById(ProjectId id);

    Optional<Project> findByPath(String path);

    void update(Project project);

    /**
     * Projects with session counts and last activity, not removed. {@code visibleTo} null means all
     * (admins); otherwise those the user owns or is a member of.
     */
    List<ProjectOverview> overview(UserId visibleTo);

    Optional<ProjectOverview> overview(ProjectId id);

    /** The projects of {@link #overview(UserId)}, without counting their sessions. */
    default List<Project> visible(UserId visibleTo) {
        return overview(visibleTo).stream().map(ProjectOverview::project).toList();
    }

    void addMember(ProjectId project, UserId user);

    void removeMember(ProjectId project, UserId user);

    List<UserId> members(ProjectId project);

    boolean isMember(ProjectId project, UserId user);

    /** Every row, removed ones included (the folder rules compare a path with all of them). */
    List<Project> all();

    /** The worktree projects linked to {@code parent} (removed ones included). */
    default List<Project> worktreesOf(ProjectId parent) {
        return all().stream().filter(p -> parent.equals(p.parentId())).toList();
    }

    /** The members of every project that has any. */
    Map<ProjectId, Set<UserId>> allMembers();
}
