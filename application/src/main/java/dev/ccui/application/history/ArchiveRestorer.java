package dev.ccui.application.history;

import dev.ccui.application.history.port.out.FileState;
import dev.ccui.application.history.port.out.SessionIndexQuery;
import dev.ccui.application.history.port.out.TranscriptArchive;
import dev.ccui.application.history.port.out.TranscriptStore;
import dev.ccui.domain.session.SessionId;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes the archived transcript files of a session back to disk, so that the CLI can
 * {@code --resume} a session whose files vanished. The indexer then finds them again and the
 * session stops being archived.
 */
public final class ArchiveRestorer {
    private static final Logger LOG = LoggerFactory.getLogger(ArchiveRestorer.class);

    private final SessionIndexQuery index;
    private final TranscriptArchive archive;
    private final TranscriptStore transcripts;

    public ArchiveRestorer(SessionIndexQuery index, TranscriptArchive archive, TranscriptStore transcripts) {
        this.index = index;
        this.archive = archive;
        this.transcripts = transcripts;
    }

    /** How many files were written back (0 when none of the session's files was archived). */
    public int restore(SessionId session) {
        int restored = 0;
        for (FileState file : index.filesOf(session)) {
            if (file.archivedAt() == null) {
                continue;
            }
            Optional<InputStream> content = archive.open(file.path());
            if (content.isEmpty()) {
                continue;
            }
            try (InputStream in = content.get()) {
                if (transcripts.restore(Path.of(file.path()), in)) {
                    restored++;
                }
            } catch (IOException | RuntimeException e) {
                LOG.warn("could not write {} back from the archive: {}", file.path(), e.toString());
            }
        }
        return restored;
    }
}
