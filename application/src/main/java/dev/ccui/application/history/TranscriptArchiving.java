package dev.ccui.application.history;

import dev.ccui.application.history.port.out.TranscriptArchive;
import dev.ccui.application.history.port.out.TranscriptFile;
import dev.ccui.application.history.port.out.TranscriptStore;
import dev.ccui.domain.session.SessionId;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The indexer's side of the archive: how much of each file it holds, and copying what was indexed
 * into it. During a full pass the archive's ends are read once and kept here, as asking the archive
 * for every one of thousands of files would cost a query each.
 */
final class TranscriptArchiving {
    private static final Logger LOG = LoggerFactory.getLogger(TranscriptArchiving.class);
    /** How much of a file is copied into the archive at once: the archive's chunk, whatever the file's size. */
    private static final int ARCHIVE_PIECE = 1 << 20;

    private final TranscriptArchive archive;
    private final TranscriptStore transcripts;
    /** During a full pass: how much of each file the archive holds (read once for the pass). */
    private Map<String, Long> archiveEnds;

    TranscriptArchiving(TranscriptArchive archive, TranscriptStore transcripts) {
        this.archive = archive;
        this.transcripts = transcripts;
    }

    boolean enabled() {
        return archive.enabled();
    }

    /** A full pass starts: the archive's ends are read once for it. */
    void passStarted() {
        archiveEnds = archive.enabled() ? new HashMap<>(archive.ends()) : null;
    }

    void passEnded() {
        archiveEnds = null;
    }

    /** How much of the file the archive holds. */
    long archivedEnd(String path) {
        return archiveEnds != null ? archiveEnds.getOrDefault(path, 0L) : archive.end(path);
    }

    /** Drops the archived copy of a file. */
    void drop(String path) {
        archive.drop(path);
        if (archiveEnds != null) {
            archiveEnds.remove(path);
        }
    }

    /** Copies the file's bytes from what the archive holds up to {@code end} into the archive. */
    void archiveUpTo(TranscriptFile file, SessionId session, long end) {
        if (!archive.enabled()) {
            return;
        }
        String path = file.path().toString();
        long from = archivedEnd(path);
        while (from < end) {
            int length = (int) Math.min(ARCHIVE_PIECE, end - from);
            Optional<byte[]> bytes = transcripts.bytes(file, from, length);
            if (bytes.isEmpty() || bytes.get().length == 0) {
                LOG.warn("could not copy {} from byte {} into the archive; will try again", path, from);
                return;
            }
            archive.append(path, session, from, bytes.get());
            from += bytes.get().length;
            if (archiveEnds != null) {
                archiveEnds.put(path, from);
            }
        }
    }
}
