package dev.ccui.application.history.port.out;

import dev.ccui.application.common.Page;
import dev.ccui.domain.project.ProjectId;
import dev.ccui.domain.session.SessionId;
import dev.ccui.domain.session.SessionSummary;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** The database index of transcripts: sessions, their message positions, file progress, search text. */
public interface SessionIndex {

    Optional<FileState> fileState(String path);

    List<FileState> allFileStates();

    Optional<IndexedSession> find(SessionId id);

    /**
     * Stores what one read of one file added, in one transaction: the merged session, the new
     * message lines (numbered from {@code session.nextSeq() - lines.size()}), more search text,
     * and the file's new state. With {@code reset} the file's earlier lines and text are dropped
     * first (the file shrank or was replaced and was read again from the start). Callers apply
     * one session at a time (the indexer is single-threaded): line numbers come from the session.
     */
    void apply(IndexedSession session, FileState file, List<IndexedLine> lines, String searchText, boolean reset);

    /** Forgets a file that is gone: its lines and text, and its session when no other file has any. */
    void removeFile(String path);

    /**
     * Marks a file that is gone from disk but kept in the archive: its lines and text stay, and its
     * session becomes archived (since {@code at}) when none of its files is left on disk. Indexing
     * the file again ({@link #apply}) clears the mark.
     */
    void markArchived(String path, Instant at);

    /** The files of a session (on disk or archived). */
    List<FileState> filesOf(SessionId id);

    /** Sessions of a project, newest activity first; {@code cursor} is a previous page's {@code nextCursor}. */
    Page<SessionSummary> listSessions(ProjectId projectId, int limit, String cursor, boolean includeHidden);

    Optional<SessionSummary> summary(SessionId id);

    /** Message positions, newest first: at most {@code limit} with seq below {@code beforeSeq} (all when null). */
    List<MessageLine> lines(SessionId id, Long beforeSeq, int limit);

    /** Message positions, oldest first: at most {@code limit} with seq at or above {@code fromSeq}. */
    List<MessageLine> linesFrom(SessionId id, long fromSeq, int limit);

    Optional<MessageLine> line(SessionId id, long seq);

    void setAppTitle(SessionId id, String title);

    void setHidden(SessionId id, boolean hidden);

    /**
     * Full-text search among the sessions of these projects, best first; hidden sessions are left
     * out; the first {@code offset} hits are skipped (the pages before).
     */
    List<SearchHit> search(String query, Collection<ProjectId> projects, int limit, int offset);

    /** The first page of {@link #search(String, Collection, int, int)}. */
    default List<SearchHit> search(String query, Collection<ProjectId> projects, int limit) {
        return search(query, projects, limit, 0);
    }

    /** Moves every session of a cwd to a project (when a project is registered for a path seen before). */
    int assignProject(String cwd, ProjectId projectId);

    IndexStats stats();

    /** Refreshes the database's statistics after a bulk load, so queries get good plans. */
    void optimize();

    record MessageLine(long seq, LineRef ref) {
    }

    record IndexStats(long files, long sessions, long bytesIndexed) {
    }
}
