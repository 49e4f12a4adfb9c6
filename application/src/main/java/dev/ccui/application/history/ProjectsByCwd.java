package dev.ccui.application.history;

import dev.ccui.application.project.port.out.ProjectRepository;
import dev.ccui.application.user.port.out.UserRepository;
import dev.ccui.domain.project.Project;
import dev.ccui.domain.project.ProjectId;
import dev.ccui.domain.user.User;
import dev.ccui.domain.user.UserId;
import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;

/**
 * The project of each working directory a transcript names, remembered: every file of a pass asks,
 * and a first scan would otherwise look the same few directories up thousands of times.
 */
final class ProjectsByCwd {
    private final ProjectRepository projects;
    private final UserRepository users;
    private final Clock clock;
    private final Map<String, ProjectId> byCwd = new HashMap<>();

    ProjectsByCwd(ProjectRepository projects, UserRepository users, Clock clock) {
        this.projects = projects;
        this.users = users;
        this.clock = clock;
    }

    /** The project of a working directory, created (as discovered, owned by the first admin) on first sight. */
    synchronized ProjectId projectFor(String cwd) {
        ProjectId cached = byCwd.get(cwd);
        if (cached != null) {
            return cached;
        }
        Project project = projects.findByPath(cwd).orElseGet(() -> {
            Instant now = clock.instant();
            UserId owner = users.list().stream()
                    .filter(User::isAdmin)
                    .min(Comparator.comparing(User::createdAt))
                    .map(User::id)
                    .orElse(null);
            Project created = new Project(
                    ProjectId.random(), cwd, Project.defaultName(cwd), false, false, false, true, owner, now, now);
            return projects.insert(created) ? created : projects.findByPath(cwd).orElseThrow();
        });
        byCwd.put(cwd, project.id());
        return project.id();
    }
}
