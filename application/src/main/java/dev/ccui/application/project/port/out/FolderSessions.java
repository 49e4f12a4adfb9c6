package dev.ccui.application.project.port.out;

import dev.ccui.domain.project.ProjectId;

/**
 * The recorded sessions of a folder, as the transcript index holds them: sessions seen before
 * their folder was registered belong to the project it becomes.
 */
@FunctionalInterface
public interface FolderSessions {

    /** Moves every session of a cwd to a project; how many moved. */
    int assignProject(String cwd, ProjectId projectId);
}
