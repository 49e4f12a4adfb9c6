package dev.ccui.application.history.port.out;

import dev.ccui.domain.session.SessionId;
import java.time.Instant;

/**
 * How far a transcript file has been indexed: read up to {@code offset}, when it had
 * {@code size} bytes, {@code modifiedAt} and identity {@code fileKey}. {@code archivedAt}: when the
 * file vanished from disk and its lines began to be read from the archive (null while it is there).
 */
public record FileState(
        String path,
        SessionId sessionId,
        long size,
        Instant modifiedAt,
        String fileKey,
        long offset,
        String lastMessageId,
        int badLines,
        Instant archivedAt) {
    public FileState(
            String path,
            SessionId sessionId,
            long size,
            Instant modifiedAt,
            String fileKey,
            long offset,
            String lastMessageId,
            int badLines) {
        this(path, sessionId, size, modifiedAt, fileKey, offset, lastMessageId, badLines, null);
    }
}
