package dev.ccui.application.history;

import dev.ccui.application.history.port.out.FileState;
import dev.ccui.application.history.port.out.IndexedSession;
import dev.ccui.application.history.port.out.SessionIndexWriter;
import dev.ccui.domain.project.ProjectId;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What becomes of the sessions of files gone from disk: archived while the archive holds them,
 * forgotten when it does not or once the retention has passed. Apart from the reads because a
 * full pass and a single watched path both decide it the same way.
 */
final class VanishedFiles {
    private static final Logger LOG = LoggerFactory.getLogger(VanishedFiles.class);

    private final SessionIndexWriter index;
    private final TranscriptArchiving archiving;
    private final Clock clock;
    /** How long an archived file whose original vanished is kept; null: forever. */
    private final Duration archiveRetention;

    VanishedFiles(SessionIndexWriter index, TranscriptArchiving archiving, Clock clock, Duration archiveRetention) {
        this.index = index;
        this.archiving = archiving;
        this.clock = clock;
        this.archiveRetention = archiveRetention;
    }

    /** After a full pass: every indexed file not {@code present} on disk, and archived copies past retention. */
    void sweep(Set<String> present, Set<ProjectId> changed) {
        Instant expired = archiveRetention == null ? null : clock.instant().minus(archiveRetention);
        for (FileState state : index.allFileStates()) {
            if (!present.contains(state.path())) {
                forget(state).ifPresent(changed::add);
            }
            if (expired != null
                    && !present.contains(state.path())
                    && state.archivedAt() != null
                    && state.archivedAt().isBefore(expired)) {
                LOG.info(
                        "the archived copy of {} is older than the archive retention ({}): forgotten",
                        state.path(),
                        archiveRetention);
                remove(state).ifPresent(changed::add);
            }
        }
    }

    /**
     * A file that is gone from disk: kept as archived when the archive holds all that was indexed
     * of it, forgotten otherwise.
     */
    Optional<ProjectId> forget(FileState state) {
        if (state.archivedAt() != null) {
            return Optional.empty();
        }
        if (archiving.enabled() && state.offset() > 0 && archiving.archivedEnd(state.path()) >= state.offset()) {
            Optional<ProjectId> project = projectOf(state);
            index.markArchived(state.path(), clock.instant());
            LOG.info(
                    "transcript {} (session {}) vanished from disk: its {} bytes are kept in the archive",
                    state.path(),
                    state.sessionId(),
                    state.offset());
            return project;
        }
        return remove(state);
    }

    private Optional<ProjectId> remove(FileState state) {
        Optional<ProjectId> project = projectOf(state);
        index.removeFile(state.path());
        archiving.drop(state.path());
        return project;
    }

    private Optional<ProjectId> projectOf(FileState state) {
        return Optional.ofNullable(state.sessionId()).flatMap(index::find).map(IndexedSession::projectId);
    }
}
