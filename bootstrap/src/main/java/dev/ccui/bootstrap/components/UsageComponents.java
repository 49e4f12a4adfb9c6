package dev.ccui.bootstrap.components;

import dev.ccui.adapters.http.RouteGroup;
import dev.ccui.adapters.http.usage.UsageRoutes;
import dev.ccui.adapters.persistence.db.Database;
import dev.ccui.adapters.persistence.usage.JdbiUsageSource;
import dev.ccui.application.project.port.out.ProjectRepository;
import dev.ccui.application.usage.UsageService;
import java.time.Clock;
import java.util.List;

/** The usage report, read from the run log and the index. */
public final class UsageComponents {
    private final UsageService usage;

    private UsageComponents(UsageService usage) {
        this.usage = usage;
    }

    public static UsageComponents build(Database database, ProjectRepository projects, Clock clock) {
        return new UsageComponents(new UsageService(new JdbiUsageSource(database.jdbi()), projects, clock));
    }

    public UsageService usage() {
        return usage;
    }

    public List<RouteGroup> routes() {
        return List.of(new UsageRoutes(usage));
    }
}
