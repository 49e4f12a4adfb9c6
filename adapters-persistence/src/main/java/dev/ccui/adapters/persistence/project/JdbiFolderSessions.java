package dev.ccui.adapters.persistence.project;

import dev.ccui.adapters.persistence.db.Database;
import dev.ccui.application.project.port.out.FolderSessions;
import dev.ccui.domain.project.ProjectId;
import org.jdbi.v3.core.Jdbi;

/** Moves indexed sessions to the project registered for their folder, in the index's sessions table. */
public final class JdbiFolderSessions implements FolderSessions {
    private final Jdbi jdbi;

    public JdbiFolderSessions(Database database) {
        this.jdbi = database.jdbi();
    }

    @Override
    public int assignProject(String cwd, ProjectId projectId) {
        return jdbi.withHandle(h -> h.createUpdate(
                        "UPDATE sessions SET project_id = :project WHERE cwd = :cwd " + "AND project_id <> :project")
                .bind("project", projectId.toString())
                .bind("cwd", cwd)
                .execute());
    }
}
