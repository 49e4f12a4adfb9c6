package dev.ccui.domain.workspace.files;

import java.time.Instant;
import java.util.Objects;

/** One entry of a folder listing; {@code path} is relative to the project root. */
public record FileEntry(String name, String path, Type type, long size, Instant modifiedAt) {
    public enum Type {
        FILE,
        DIRECTORY,
        SYMLINK
    }

    public FileEntry {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(type, "type");
    }
}
