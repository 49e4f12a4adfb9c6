package dev.ccui.application.testing;

import dev.ccui.application.project.port.out.ProjectRepository;
import dev.ccui.domain.project.Project;
import dev.ccui.domain.project.ProjectId;
import dev.ccui.domain.project.ProjectOverview;
import dev.ccui.domain.user.UserId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** Projects in memory; the overview has no session figures. */
public final class InMemoryProjectRepository implements ProjectRepository {
    private final Map<ProjectId, Project> projects = new ConcurrentHashMap<>();
    private final Map<ProjectId, Set<UserId>> members = new ConcurrentHashMap<>();

    @Override
    public boolean insert(Project project) {
        if (findByPath(project.path()).isPresent()) {
            return false;
        }
        return projects.putIfAbsent(project.id(), project) == null;
    }

    @Override
    public Optional<Project> findById(ProjectId id) {
        return Optional.ofNullable(projects.get(id));
    }

    @Override
    public Optional<Project> findByPath(String path) {
        return projects.values().stream().filter(p -> p.path().equals(path)).findFirst();
    }

    @Override
    public void update(Project project) {
        projects.put(project.id(), project);
    }

    @Override
    public List<ProjectOverview> overview(UserId visibleTo) {
        List<ProjectOverview> result = new ArrayList<>();
        for (Project project : projects.values()) {
            if (!project.removed() && (visibleTo == null || visibleTo.equals(project.ownerId())
                    || isMember(project.id(), visibleTo))) {
                result.add(new ProjectOverview(project, 0, null));
            }
        }
        return result;
    }

    @Override
    public Optional<ProjectOverview> overview(ProjectId id) {
        return findById(id).map(project -> new ProjectOverview(project, 0, null));
    }

    @Override
    public void addMember(ProjectId project, UserId user) {
        members.computeIfAbsent(project, id -> ConcurrentHashMap.newKeySet()).add(user);
    }

    @Override
    public void removeMember(ProjectId project, UserId user) {
        members.getOrDefault(project, Set.of()).remove(user);
    }

    @Override
    public List<UserId> members(ProjectId project) {
        return List.copyOf(members.getOrDefault(project, Set.of()));
    }

    @Override
    public boolean isMember(ProjectId project, UserId user) {
        return members.getOrDefault(project, Set.of()).contains(user);
    }

    @Override
    public List<Project> all() {
        return List.copyOf(projects.values());
    }

    @Override
    public Map<ProjectId, Set<UserId>> allMembers() {
        Map<ProjectId, Set<UserId>> copy = new java.util.HashMap<>();
        members.forEach((id, users) -> copy.put(id, Set.copyOf(users)));
        return copy;
    }
}
