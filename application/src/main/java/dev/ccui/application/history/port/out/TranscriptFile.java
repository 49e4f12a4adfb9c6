package dev.ccui.application.history.port.out;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Objects;

/**
 * A transcript on disk as last seen by a scan. {@code fileKey} identifies the file itself (the
 * inode), so a file replaced under the same name is read again from the start.
 * {@code subagent} files hold a subagent's conversation, part of their parent session.
 */
public record TranscriptFile(Path path, long size, Instant modifiedAt, String fileKey, boolean subagent) {
    public TranscriptFile {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(modifiedAt, "modifiedAt");
    }
}
