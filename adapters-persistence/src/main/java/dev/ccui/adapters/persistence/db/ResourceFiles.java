package dev.ccui.adapters.persistence.db;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** Files the start-up copies out of the jar (the SQLite schema template, SQLite's native library). */
final class ResourceFiles {
    private ResourceFiles() {}

    /**
     * Copies the classpath {@code resource} to {@code target} unless a file is there. The copy is
     * written beside the target and hard-linked into place: it appears whole, and a file another
     * process made meanwhile is never replaced. False when the target exists or the resource does
     * not; throws when the copy could not be made.
     */
    static boolean placeIfAbsent(String resource, Path target) throws IOException {
        if (Files.exists(target)) {
            return false;
        }
        try (InputStream in = ResourceFiles.class.getResourceAsStream(resource)) {
            if (in == null) {
                return false;
            }
            Path partial = Files.createTempFile(target.getParent(), ".partial-", ".tmp");
            try {
                Files.copy(in, partial, StandardCopyOption.REPLACE_EXISTING);
                Files.createLink(target, partial);
                return true;
            } catch (FileAlreadyExistsException e) {
                return false;
            } finally {
                Files.deleteIfExists(partial);
            }
        }
    }
}
