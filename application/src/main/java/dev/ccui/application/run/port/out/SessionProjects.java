package dev.ccui.application.run.port.out;

import dev.ccui.domain.project.ProjectId;
import dev.ccui.domain.session.SessionId;
import java.util.Optional;

/** Which project a recorded session belongs to (from the transcript index). */
@FunctionalInterface
public interface SessionProjects {

    Optional<ProjectId> projectOf(SessionId sessionId);

    /** Called before the CLI resumes a session: a transcript kept only in the archive is written back. */
    default void prepareResume(SessionId sessionId) {}
}
