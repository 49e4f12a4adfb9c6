package dev.ccui.adapters.process.workspace;

import dev.ccui.application.project.port.out.WorkspacePaths;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Optional;

/** Resolves what a user typed to a real directory, following symlinks, without creating anything. */
public final class FileSystemWorkspacePaths implements WorkspacePaths {

    @Override
    public Optional<Path> realDirectory(String path) {
        try {
            Path real = Path.of(path).toRealPath();
            return Files.isDirectory(real) ? Optional.of(real) : Optional.empty();
        } catch (IOException | InvalidPathException | SecurityException e) {
            return Optional.empty();
        }
    }
}
