package dev.ccui.application.events;

import dev.ccui.domain.project.ProjectId;
import dev.ccui.domain.run.LoggedRunEvent;
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

    /** A run event, already stored in the durable log, for whoever watches its session. */
    record RunEventLogged(LoggedRunEvent logged) implements AppEvent {
        public RunEventLogged {
            java.util.Objects.requireNonNull(logged, "logged");
        }
    }
}
