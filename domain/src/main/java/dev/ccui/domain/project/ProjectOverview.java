package dev.ccui.domain.project;

import java.time.Instant;

/** A project with the figures the project list shows. */
public record ProjectOverview(Project project, long sessionCount, Instant lastActivityAt) {
}
