package dev.ccui.application.testing;

import dev.ccui.application.project.port.out.ProjectRepository;
import dev.ccui.domain.project.Project;
import dev.ccui.domain.project.ProjectId;
import dev.ccui.domain.project.ProjectOverview;
import dev.ccui.domain.session.SessionSummary;
import dev.ccui.domain.user.UserId;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** Projects in memory; an overview counts the visible sessions of the index it is given. */
public final class InMemoryProjectRepository implements ProjectRepository {
    /** Starred first, then the latest activity, then the name regardless of case: the database's order. */
    private static final Comparator<ProjectOverview> LISTED = Comparator.comparing(
                    (ProjectOverview o) -> !o.project().starred())
            .thenComparing(ProjectOverview::lastActivityAt, Comparator.nullsLast(Comparator.reverseOrder()))
            .thenComparing(o -> o.project().name().toLowerCase(Locale.ROOT))
            .thenComparing(o -> o.project().id().toString());

    private final Map<ProjectId, Project> projects = new ConcurrentHashMap<>();
    private final Map<ProjectId, Set<UserId>> members = new ConcurrentHashMap<>();
    private final InMemorySessionIndex sessions;

    public InMemoryProjectRepository() {
        this(new InMemorySessionIndex());
    }

    public InMemoryProjectRepository(InMemorySessionIndex sessions) {
        this.sessions = sessions;
    }

    @Override
    public synchronized boolean insert(Project project) {
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
        return projects.values().stream()
                .filter(project -> !project.removed()
                        && (visibleTo == null
                                || visibleTo.equals(project.ownerId())
                                || isMember(project.id(), visibleTo)))
                .map(this::overviewOf)
                .sorted(LISTED)
                .toList();
    }

    @Override
    public Optional<ProjectOverview> overview(ProjectId id) {
        return findById(id).map(this::overviewOf);
    }

    private ProjectOverview overviewOf(Project project) {
        List<SessionSummary> visible = sessions.visibleSessions(project.id());
        Instant last = visible.stream()
                .map(SessionSummary::lastActivityAt)
                .filter(Objects::nonNull)
                .max(Comparator.naturalOrder())
                .orElse(null);
        long archived =
                visible.stream().filter(session -> session.archivedAt() != null).count();
        return new ProjectOverview(project, visible.size(), last, archived);
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
        return members.getOrDefault(project, Set.of()).stream()
                .sorted(Comparator.comparing(UserId::toString))
                .toList();
    }

    @Override
    public boolean isMember(ProjectId project, UserId user) {
        return members.getOrDefault(project, Set.of()).contains(user);
    }

    @Override
    public List<Project> all() {
        return projects.values().stream()
                .sorted(Comparator.comparing(Project::path))
                .toList();
    }

    @Override
    public Map<ProjectId, Set<UserId>> allMembers() {
        Map<ProjectId, Set<UserId>> copy = new HashMap<>();
        members.forEach((id, users) -> {
            if (!users.isEmpty()) {
                copy.put(id, Set.copyOf(users));
            }
        });
        return copy;
    }

    /** What the database does when a user is deleted: their projects lose their owner, their memberships go. */
    void userDeleted(UserId user) {
        projects.replaceAll((id, p) -> user.equals(p.ownerId())
                ? new Project(
                        p.id(),
                        p.path(),
                        p.name(),
                        p.starred(),
                        p.archived(),
                        p.removed(),
                        p.discovered(),
                        null,
                        p.createdAt(),
                        p.updatedAt())
                : p);
        members.values().forEach(users -> users.remove(user));
    }
}
