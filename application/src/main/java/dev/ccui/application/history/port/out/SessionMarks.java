package dev.ccui.application.history.port.out;

import dev.ccui.domain.project.ProjectId;
import dev.ccui.domain.session.SessionId;

/**
 * What people decide about indexed sessions, apart from what the transcripts say: a title given
 * in the app, hiding, and the project a folder's sessions belong to. The indexer keeps these when
 * it reads a file again.
 */
public interface SessionMarks {

    void setAppTitle(SessionId id, String title);

    void setHidden(SessionId id, boolean hidden);

    /** Moves every session of a cwd to a project (when a project is registered for a path seen before). */
    int assignProject(String cwd, ProjectId projectId);
}
