package dev.ccui.application.project.create.port.out;

import java.nio.file.Path;

/** Folders the app creates for new projects, and removes again when making the project failed. */
public interface NewFolders {

    /**
     * Creates {@code name} in the real folder {@code parent} and returns its real path;
     * {@code 409 FOLDER_EXISTS} when something of that name is there already (never reused).
     */
    Path create(Path parent, String name);

    /** Deletes a folder this app created, with everything in it (symlinks removed, never followed). */
    void deleteTree(Path folder);
}
