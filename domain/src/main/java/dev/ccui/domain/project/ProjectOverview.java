package dev.ccui.domain.project;

import java.time.Instant;

/**
 * A project with the figures the project list shows.
 *
 * @param archivedSessionCount sessions whose transcript files vanished from disk and are kept in the archive
 */
public record ProjectOverview(Project project, long sessionCount, Instant lastActivityAt, long archivedSessionCount) {
    public ProjectOverview(Project project, long sessionCount, Instant lastActivityAt) {
        this(project, sessionCount, lastActivityAt, 0);
    }
}
