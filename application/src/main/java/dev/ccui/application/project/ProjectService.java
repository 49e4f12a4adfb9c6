package dev.ccui.application.project;

import dev.ccui.application.audit.Auditor;
import dev.ccui.application.common.ClientInfo;
import dev.ccui.application.events.port.out.EventBus;
import dev.ccui.application.project.port.in.ProjectChanges;
import dev.ccui.application.project.port.in.ProjectPeople;
import dev.ccui.application.project.port.in.ProjectUseCase;
import dev.ccui.application.project.port.in.UnsafeProject;
import dev.ccui.application.project.port.out.FolderSessions;
import dev.ccui.application.project.port.out.ProjectRepository;
import dev.ccui.application.project.port.out.WorkspacePaths;
import dev.ccui.application.user.port.out.UserRepository;
import dev.ccui.domain.audit.AuditAction;
import dev.ccui.domain.auth.Principal;
import dev.ccui.domain.error.ConflictException;
import dev.ccui.domain.error.ForbiddenException;
import dev.ccui.domain.error.InvalidException;
import dev.ccui.domain.error.NotFoundException;
import dev.ccui.domain.events.AppEvent;
import dev.ccui.domain.project.PathConfinement;
import dev.ccui.domain.project.Project;
import dev.ccui.domain.project.ProjectId;
import dev.ccui.domain.project.ProjectOverview;
import dev.ccui.domain.user.User;
import dev.ccui.domain.user.UserId;
import dev.ccui.domain.user.Username;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

public final class ProjectService implements ProjectUseCase {
    private final ProjectRepository projects;
    private final FolderSessions sessions;
    private final UserRepository users;
    private final WorkspacePaths paths;
    private final ProjectAccess access;
    private final EventBus events;
    private final Auditor auditor;
    private final Clock clock;
    private final ProjectSafety safety;
    private final Map<String, Cached> overviews = new ConcurrentHashMap<>();
    private final AtomicLong generation = new AtomicLong();

    private record Cached(long generation, List<ProjectOverview> projects) {}

    public ProjectService(
            ProjectRepository projects,
            FolderSessions sessions,
            UserRepository users,
            WorkspacePaths paths,
            EventBus events,
            Auditor auditor,
            Clock clock,
            ProjectSafety safety) {
        this.projects = projects;
        this.sessions = sessions;
        this.users = users;
        this.paths = paths;
        this.safety = safety;
        this.access = new ProjectAccess(projects, safety);
        this.events = events;
        // Any change to projects or their sessions, on this node or another, invalidates the lists.
        events.subscribe(event -> {
            if (event instanceof AppEvent.ProjectsChanged) {
                generation.incrementAndGet();
            }
        });
        this.auditor = auditor;
        this.clock = clock;
    }

    @Override
    public List<ProjectOverview> listProjects(Principal caller) {
        // The list aggregates every session; it is read far more often than it changes, so it is
        // kept until the next projects_changed event (at most a few seconds while indexing).
        String key = caller.isAdmin() ? "*" : caller.userId().toString();
        long current = generation.get();
        Cached cached = overviews.get(key);
        if (cached != null && cached.generation() == current) {
            return cached.projects();
        }
        List<ProjectOverview> fresh = List.copyOf(projects.overview(caller.isAdmin() ? null : caller.userId()));
        // Tagged with the generation read before the query: a change during it makes it stale at once.
        overviews.put(key, new Cached(current, fresh));
        return fresh;
    }

    @Override
    public ProjectOverview getProject(Principal caller, ProjectId projectId) {
        Project project = access.require(caller, projectId);
        return projects.overview(project.id()).orElseThrow(() -> new NotFoundException("no such project"));
    }

    @Override
    public Registered registerProject(Principal caller, String path, String name, ClientInfo client) {
        if (path == null || path.isBlank()) {
            throw new InvalidException("path", "path is required");
        }
        if (!PathConfinement.isPlainText(path) || !path.startsWith("/")) {
            throw new InvalidException(
                    "path", "path must be an absolute path without control or look-alike characters");
        }
        // One answer for a folder that is absent, not a folder, outside the root or forbidden: the
        // caller learns nothing about what exists where (the reason goes to the log and audit only).
        Optional<Path> real = paths.realDirectory(path);
        Optional<String> refusal =
                real.isEmpty() ? Optional.of("no such directory") : safety.registrationRefusal(caller, real.get());
        if (refusal.isPresent()) {
            auditor.record(AuditAction.PROJECT_REGISTERED, caller, path, client, false, refusal.get());
            throw new ForbiddenException(
                    "PROJECT_PATH_REFUSED",
                    "this folder cannot be a project: it must be an existing folder inside the workspaces root, not the "
                            + "root itself nor the app's own folders, and not inside or around a project you cannot use");
        }
        String realPath = real.get().toString();
        ProjectChanges changes = new ProjectChanges(name, null, null);
        Instant now = clock.instant();
        Project existing = projects.findByPath(realPath).orElse(null);
        if (existing != null) {
            if (existing.removed()) {
                existing = existing.withRemoved(false, now);
                projects.update(existing);
            }
            return new Registered(projects.overview(existing.id()).orElseThrow(), false);
        }
        Project project = new Project(
                ProjectId.random(),
                realPath,
                changes.name() != null ? changes.name() : Project.defaultName(realPath),
                false,
                false,
                false,
                false,
                caller.userId(),
                now,
                now);
        if (!projects.insert(project)) {
            throw new ConflictException("PROJECT_EXISTS", "this folder was registered a moment ago: reload");
        }
        sessions.assignProject(realPath, project.id());
        auditor.record(AuditAction.PROJECT_REGISTERED, caller, realPath, client, true, null);
        events.publish(new AppEvent.ProjectsChanged(Set.of(project.id())));
        return new Registered(projects.overview(project.id()).orElseThrow(), true);
    }

    @Override
    public ProjectOverview updateProject(
            Principal caller, ProjectId projectId, ProjectChanges changes, ClientInfo client) {
        Project project = access.require(caller, projectId);
        if (changes.name() != null || changes.archived() != null) {
            project = access.requireOwner(caller, projectId);
        }
        Instant now = clock.instant();
        if (changes.name() != null) {
            project = project.withName(changes.name(), now);
        }
        if (changes.starred() != null) {
            project = project.withStarred(changes.starred(), now);
        }
        if (changes.archived() != null) {
            project = project.withArchived(changes.archived(), now);
        }
        projects.update(project);
        auditor.record(AuditAction.PROJECT_UPDATED, caller, project.path(), client, true, null);
        events.publish(new AppEvent.ProjectsChanged(Set.of(project.id())));
        return projects.overview(project.id()).orElseThrow();
    }

    @Override
    public void removeProject(Principal caller, ProjectId projectId, ClientInfo client) {
        Project project = access.requireOwner(caller, projectId);
        projects.update(project.withRemoved(true, clock.instant()));
        auditor.record(AuditAction.PROJECT_REMOVED, caller, project.path(), client, true, null);
        events.publish(new AppEvent.ProjectsChanged(Set.of(project.id())));
    }

    @Override
    public List<String> listMembers(Principal caller, ProjectId projectId) {
        Project project = access.require(caller, projectId);
        return projects.members(project.id()).stream().map(UserId::toString).toList();
    }

    @Override
    public ProjectPeople people(Principal caller, ProjectId projectId) {
        Project project = access.require(caller, projectId);
        ProjectPeople.Person owner = project.ownerId() == null ? null : person(project.ownerId());
        List<ProjectPeople.Person> members = projects.members(project.id()).stream()
                .filter(id -> !id.equals(project.ownerId()))
                .map(this::person)
                .toList();
        boolean canShare = caller.isAdmin() || caller.userId().equals(project.ownerId());
        return new ProjectPeople(owner, members, canShare);
    }

    /** A user deleted since keeps their id, without a name. */
    private ProjectPeople.Person person(UserId id) {
        return new ProjectPeople.Person(
                id, users.findById(id).map(user -> user.username().value()).orElse(null));
    }

    @Override
    public UserId addMemberByName(Principal caller, ProjectId projectId, String username, ClientInfo client) {
        access.requireOwner(caller, projectId);
        UserId userId = users.findByUsername(new Username(username))
                .map(User::id)
                .orElseThrow(() -> new InvalidException("username", "no such user"));
        addMember(caller, projectId, userId, client);
        return userId;
    }

    @Override
    public void addMember(Principal caller, ProjectId projectId, UserId userId, ClientInfo client) {
        Project project = access.requireOwner(caller, projectId);
        if (users.findById(userId).isEmpty()) {
            throw new InvalidException("userId", "no such user");
        }
        projects.addMember(project.id(), userId);
        auditor.record(AuditAction.PROJECT_SHARED, caller, project.path(), client, true, "with " + userId);
        events.publish(new AppEvent.ProjectsChanged(Set.of(project.id())));
    }

    @Override
    public void removeMember(Principal caller, ProjectId projectId, UserId userId, ClientInfo client) {
        Project project = access.requireOwner(caller, projectId);
        projects.removeMember(project.id(), userId);
        // Their open sockets and streams may watch this project's sessions: re-opened, they cannot.
        events.publish(new AppEvent.AccessRevoked(userId, null, null, null, true));
        auditor.record(AuditAction.PROJECT_UNSHARED, caller, project.path(), client, true, "from " + userId);
        events.publish(new AppEvent.ProjectsChanged(Set.of(project.id())));
    }

    @Override
    public List<UnsafeProject> unsafeProjects(Principal admin) {
        return safety.unsafeProjects(admin);
    }
}
