package dev.ccui.application.project;

import dev.ccui.application.events.port.out.EventBus;
import dev.ccui.application.project.port.in.UnsafeProject;
import dev.ccui.application.project.port.out.ProjectRepository;
import dev.ccui.application.user.port.out.UserRepository;
import dev.ccui.domain.auth.Principal;
import dev.ccui.domain.error.ForbiddenException;
import dev.ccui.domain.events.AppEvent;
import dev.ccui.domain.project.Project;
import dev.ccui.domain.project.ProjectFolderRule;
import dev.ccui.domain.project.ProjectId;
import dev.ccui.domain.user.User;
import dev.ccui.domain.user.UserId;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

/**
 * Where projects may be, and which existing rows break it. A folder is refused when the fixed
 * {@link ProjectFolderRule} refuses it, or when it is, contains or lies inside a project the
 * caller may not use (registering {@code ~/code} would otherwise open another user's
 * {@code ~/code/app} to its registrant). Rows that break the same rules (registered before they
 * existed, or discovered from transcripts) are listed for admins and their workspace routes refused.
 */
public final class ProjectSafety {
    /** The unsafe list is recomputed on every project change, and at least this often (roles change too). */
    private static final Duration MAX_AGE = Duration.ofSeconds(5);

    private final ProjectRepository projects;
    private final UserRepository users;
    private final ProjectFolderRule rule;
    private final Clock clock;
    private final AtomicLong generation = new AtomicLong();
    private volatile Scan cached;

    private record Scan(long generation, Instant at, Map<ProjectId, UnsafeProject> unsafe) {}

    public ProjectSafety(
            ProjectRepository projects, UserRepository users, ProjectFolderRule rule, EventBus events, Clock clock) {
        this.projects = projects;
        this.users = users;
        this.rule = rule;
        this.clock = clock;
        events.subscribe(event -> {
            if (event instanceof AppEvent.ProjectsChanged) {
                generation.incrementAndGet();
            }
        });
    }

    public ProjectFolderRule rule() {
        return rule;
    }

    /** Why {@code caller} may not register {@code realPath} (for the log, never for the caller), or empty. */
    public Optional<String> registrationRefusal(Principal caller, Path realPath) {
        Optional<String> fixed = rule.refusal(realPath);
        if (fixed.isPresent()) {
            return fixed;
        }
        if (caller.isAdmin()) {
            return Optional.empty();
        }
        Map<ProjectId, Set<UserId>> members = projects.allMembers();
        for (Project other : projects.all()) {
            // A row the fixed rule refuses (a discovered project at the root, say) protects nothing:
            // its own folder is closed, and counting it would close every folder beneath it.
            if (rule.refusal(Path.of(other.path())).isEmpty()
                    && ProjectFolderRule.overlaps(realPath, Path.of(other.path()))
                    && !usersOf(other, members).contains(caller.userId())) {
                return Optional.of("overlaps project " + other.id() + " the caller may not use");
            }
        }
        return Optional.empty();
    }

    /** True when the project's files, git, runs and terminal are refused to non-admins. */
    public boolean isUnsafe(Project project) {
        return scan().unsafe().containsKey(project.id());
    }

    /** Refuses a non-admin's workspace use of an unsafe project. */
    public void requireSafe(Principal caller, Project project) {
        if (!caller.isAdmin() && isUnsafe(project)) {
            throw new ForbiddenException(
                    "PROJECT_UNSAFE",
                    "this project's folder is not allowed as a project (it overlaps the app's own folders or another "
                            + "user's project): ask an admin to remove it");
        }
    }

    public List<UnsafeProject> unsafeProjects(Principal admin) {
        if (!admin.isAdmin()) {
            throw new ForbiddenException("admins only");
        }
        return List.copyOf(scan().unsafe().values());
    }

    /** Every unsafe row, computed now (the startup report). */
    public List<UnsafeProject> scanNow() {
        cached = null;
        return List.copyOf(scan().unsafe().values());
    }

    private Scan scan() {
        long current = generation.get();
        Instant now = clock.instant();
        Scan scan = cached;
        if (scan != null
                && scan.generation() == current
                && now.isBefore(scan.at().plus(MAX_AGE))) {
            return scan;
        }
        Scan fresh = new Scan(current, now, compute());
        cached = fresh;
        return fresh;
    }

    private Map<ProjectId, UnsafeProject> compute() {
        List<Project> all = projects.all();
        Map<ProjectId, Set<UserId>> members = projects.allMembers();
        Set<UserId> admins =
                users.list().stream().filter(User::isActiveAdmin).map(User::id).collect(Collectors.toSet());
        Map<ProjectId, UnsafeProject> unsafe = new LinkedHashMap<>();
        List<Project> placed = new ArrayList<>();
        for (Project project : all) {
            Optional<String> fixed = rule.refusal(Path.of(project.path()));
            if (fixed.isPresent()) {
                if (!project.removed()) {
                    unsafe.put(
                            project.id(),
                            new UnsafeProject(project.id(), project.path(), project.ownerId(), fixed.get()));
                }
            } else {
                placed.add(project);
            }
        }
        for (Project project : placed) {
            if (project.removed()) {
                continue;
            }
            Set<UserId> mine = new HashSet<>(usersOf(project, members));
            mine.removeAll(admins);
            for (Project other : placed) {
                if (other == project || !ProjectFolderRule.overlaps(Path.of(project.path()), Path.of(other.path()))) {
                    continue;
                }
                if (!usersOf(other, members).containsAll(mine)) {
                    unsafe.put(
                            project.id(),
                            new UnsafeProject(
                                    project.id(),
                                    project.path(),
                                    project.ownerId(),
                                    "overlaps project " + other.id() + " (" + other.path()
                                            + ") that not all its users may use"));
                    break;
                }
            }
        }
        return unsafe;
    }

    private static Set<UserId> usersOf(Project project, Map<ProjectId, Set<UserId>> members) {
        Set<UserId> result = new HashSet<>(members.getOrDefault(project.id(), Set.of()));
        if (project.ownerId() != null) {
            result.add(project.ownerId());
        }
        return result;
    }
}
