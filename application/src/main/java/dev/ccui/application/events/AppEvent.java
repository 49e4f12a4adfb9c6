package dev.ccui.application.events;

import dev.ccui.domain.project.ProjectId;
import java.util.Set;

/** Something subscribed browsers are told about. */
public sealed interface AppEvent {

    /** The list or the sessions of these projects changed (new transcript lines, renames, …). */
    record ProjectsChanged(Set<ProjectId> projectIds) implements AppEvent {
        public ProjectsChanged {
            projectIds = Set.copyOf(projectIds);
        }
    }

    /** Progress of the transcript index. */
    record IndexStatus(IndexProgress progress) implements AppEvent {
    }
}
