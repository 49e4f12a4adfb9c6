package dev.ccui.application.project.port.out;

import java.nio.file.Path;
import java.util.Optional;

/** The file system's view of a path a user typed. */
public interface WorkspacePaths {

    /** The real path (symlinks resolved) of an existing directory; empty when it is not one. */
    Optional<Path> realDirectory(String path);
}
