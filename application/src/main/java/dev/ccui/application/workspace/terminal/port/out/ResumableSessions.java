package dev.ccui.application.workspace.terminal.port.out;

import dev.ccui.domain.project.ProjectId;
import dev.ccui.domain.session.SessionId;
import java.util.Optional;

/**
 * The recorded sessions a terminal may resume with {@code claude --resume <id>}: only one the index
 * knows in the terminal's own project, so the command is built from a checked id, never from text.
 */
public interface ResumableSessions {

    /** The project the session was recorded in; empty for a session the index does not know. */
    Optional<ProjectId> projectOf(SessionId session);

    /** Called before the CLI resumes it: a transcript kept only in the archive is written back. */
    default void prepareResume(SessionId session) {}
}
