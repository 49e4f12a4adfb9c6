package dev.ccui.application.history.port.out;

import dev.ccui.application.common.Page;
import dev.ccui.domain.history.SearchHit;
import dev.ccui.domain.project.ProjectId;
import dev.ccui.domain.session.SessionId;
import dev.ccui.domain.session.SessionSummary;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** What readers ask the transcript index: sessions, their message positions, search. */
public interface SessionIndexQuery {

    /** Sessions of a project, newest activity first; {@code cursor} is a previous page's {@code nextCursor}. */
    Page<SessionSummary> listSessions(ProjectId projectId, int limit, String cursor, boolean includeHidden);

    Optional<SessionSummary> summary(SessionId id);

    /** Message positions, newest first: at most {@code limit} with seq below {@code beforeSeq} (all when null). */
    List<MessageLine> lines(SessionId id, Long beforeSeq, int limit);

    /** Message positions, oldest first: at most {@code limit} with seq at or above {@code fromSeq}. */
    List<MessageLine> linesFrom(SessionId id, long fromSeq, int limit);

    Optional<MessageLine> line(SessionId id, long seq);

    /** The files of a session (on disk or archived). */
    List<FileState> filesOf(SessionId id);

    /**
     * Full-text search among the sessions of these projects, best first; hidden sessions are left
     * out; the first {@code offset} hits are skipped (the pages before).
     */
    List<SearchHit> search(String query, Collection<ProjectId> projects, int limit, int offset);

    /** The first page of {@link #search(String, Collection, int, int)}. */
    default List<SearchHit> search(String query, Collection<ProjectId> projects, int limit) {
        return search(query, projects, limit, 0);
    }

    IndexStats stats();
}
