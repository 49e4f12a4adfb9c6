package dev.ccui.application.events.port.out;

import dev.ccui.domain.auth.Principal;
import dev.ccui.domain.project.ProjectId;

/** Whether a viewer may hear of changes to a project: the project feature's access rule, seen from the feed. */
@FunctionalInterface
public interface ProjectVisibility {

    boolean canSee(Principal viewer, ProjectId project);
}
