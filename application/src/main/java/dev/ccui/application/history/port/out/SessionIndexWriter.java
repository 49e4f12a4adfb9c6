package dev.ccui.application.history.port.out;

import dev.ccui.domain.session.SessionId;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the indexer alone writes into the transcript index, and the little it reads back to
 * continue where it stopped. Readers use {@link SessionIndexQuery}; the marks people put on
 * sessions go through {@link SessionMarks}, which this writer never overwrites.
 */
public interface SessionIndexWriter {

    Optional<FileState> fileState(String path);

    List<FileState> allFileStates();

    /** The raw facts of a session, for merging newly read lines in. */
    Optional<IndexedSession> find(SessionId id);

    /**
     * The raw facts of those of these sessions that are indexed, by id: the indexer looks a window of
     * files ahead at once rather than asking once per file.
     */
    default Map<SessionId, IndexedSession> findAll(Collection<SessionId> ids) {
        Map<SessionId, IndexedSession> found = new HashMap<>();
        for (SessionId id : ids) {
            find(id).ifPresent(session -> found.put(id, session));
        }
        return found;
    }

    /**
     * Stores what one read of one file added, in one transaction: the merged session, the new
     * message lines (numbered from {@code session.nextSeq() - lines.size()}), more search text,
     * and the file's new state. With {@code reset} the file's earlier lines and text are dropped
     * first (the file shrank or was replaced and was read again from the start). Callers apply
     * one session at a time (the indexer is single-threaded): line numbers come from the session.
     * The session's app title and hidden flag are kept as stored (see {@link SessionMarks}).
     */
    void apply(IndexedSession session, FileState file, List<IndexedLine> lines, String searchText, boolean reset);

    /**
     * What one read of one file added ({@link #apply}'s arguments), for {@link #applyAll}.
     */
    record Applied(IndexedSession session, FileState file, List<IndexedLine> lines, String searchText, boolean reset) {
        public Applied {
            lines = List.copyOf(lines);
        }
    }

    /**
     * Several {@link #apply}s in order, in one transaction where the store has them: the indexer
     * applies many small files at once, as one commit costs more than their rows.
     */
    default void applyAll(List<Applied> applied) {
        for (Applied a : applied) {
            apply(a.session(), a.file(), a.lines(), a.searchText(), a.reset());
        }
    }

    /**
     * Sessions seen by a first glance at their files (see {@code TranscriptStore#glance}), each with
     * its file at offset 0 (listed, not read yet), in one transaction: a session or file already
     * there is left as it is, so a glance never undoes what a full read stored.
     */
    default void addListed(List<Applied> listed) {
        for (Applied a : listed) {
            if (find(a.session().id()).isEmpty() && fileState(a.file().path()).isEmpty()) {
                apply(a.session(), a.file(), List.of(), "", false);
            }
        }
    }

    /** Forgets a file that is gone: its lines and text, and its session when no other file has any. */
    void removeFile(String path);

    /**
     * Marks a file that is gone from disk but kept in the archive: its lines and text stay, and its
     * session becomes archived (since {@code at}) when none of its files is left on disk. Indexing
     * the file again ({@link #apply}) clears the mark.
     */
    void markArchived(String path, Instant at);

    /** Refreshes the database's statistics after a bulk load, so queries get good plans. */
    void optimize();
}
