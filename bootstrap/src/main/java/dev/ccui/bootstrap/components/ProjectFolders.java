package dev.ccui.bootstrap.components;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The app's own folders as real paths, for the rule that no project may overlap them. */
final class ProjectFolders {
    private ProjectFolders() {}

    /**
     * The real path of {@code path}, or of its nearest existing ancestor with the rest appended: the
     * Claude config dir may not exist until the first session, yet must be protected already.
     */
    static Path real(Path path) {
        Path absolute = path.toAbsolutePath().normalize();
        Path existing = absolute;
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        if (existing == null) {
            return absolute;
        }
        try {
            return existing.toRealPath().resolve(existing.relativize(absolute)).normalize();
        } catch (IOException e) {
            return absolute;
        }
    }

    /** The folder holding the running jar (or the compiled classes when run from a build). */
    static Path installDir() {
        try {
            Path code = Path.of(ProjectFolders.class
                    .getProtectionDomain()
                    .getCodeSource()
                    .getLocation()
                    .toURI());
            return real(Files.isDirectory(code) ? code : code.getParent());
        } catch (URISyntaxException | RuntimeException e) {
            return real(Path.of(System.getProperty("java.home")));
        }
    }
}
