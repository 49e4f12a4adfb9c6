package dev.ccui.adapters.http.project;

import dev.ccui.domain.project.Project;
import dev.ccui.domain.project.ProjectOverview;
import java.time.Instant;

public record ProjectView(
        String id,
        String name,
        String path,
        boolean starred,
        boolean archived,
        boolean discovered,
        String ownerId,
        long sessionCount,
        Instant lastActivityAt,
        Instant createdAt,
        long archivedSessionCount,
        String parentId) {
    public static ProjectView of(ProjectOverview overview) {
        Project p = overview.project();
        return new ProjectView(
                p.id().toString(),
                p.name(),
                p.path(),
                p.starred(),
                p.archived(),
                p.discovered(),
                p.ownerId() == null ? null : p.ownerId().toString(),
                overview.sessionCount(),
                overview.lastActivityAt(),
                p.createdAt(),
                overview.archivedSessionCount(),
                p.parentId() == null ? null : p.parentId().toString());
    }
}
