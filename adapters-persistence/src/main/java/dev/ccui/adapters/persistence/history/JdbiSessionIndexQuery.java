package dev.ccui.adapters.persistence.history;

import static dev.ccui.adapters.persistence.db.Rows.instant;
import static dev.ccui.adapters.persistence.db.Rows.millis;
import static dev.ccui.adapters.persistence.history.SessionRows.FILE_SELECT;
import static dev.ccui.adapters.persistence.history.SessionRows.SESSION_COLUMNS;
import static dev.ccui.adapters.persistence.history.SessionRows.SUMMARY_EXTRAS;

import dev.ccui.adapters.persistence.db.Database;
import dev.ccui.adapters.persistence.db.Vendor;
import dev.ccui.application.common.Page;
import dev.ccui.application.history.port.out.FileState;
import dev.ccui.application.history.port.out.IndexStats;
import dev.ccui.application.history.port.out.MessageLine;
import dev.ccui.application.history.port.out.SessionIndexQuery;
import dev.ccui.domain.error.InvalidException;
import dev.ccui.domain.history.SearchHit;
import dev.ccui.domain.project.ProjectId;
import dev.ccui.domain.session.SessionId;
import dev.ccui.domain.session.SessionSummary;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.StatementContext;
import org.jdbi.v3.core.statement.StatementCustomizer;
import org.postgresql.PGStatement;

/**
 * Readers' queries of the transcript index on SQLite or PostgreSQL. Everything but full-text
 * search is one SQL text for both; search uses FTS5 on SQLite and a tsvector with a GIN index on
 * PostgreSQL.
 */
public final class JdbiSessionIndexQuery implements SessionIndexQuery {
    static final String HIT_COLUMNS =
            "s.project_id, s.app_title, s.custom_title, s.ai_title, s.summary, " + "s.first_prompt, s.last_activity_at";

    /**
     * FTS5: the best-ranked chunk of each visible session, the best sessions first, and a snippet
     * made only for those (snippet() needs the MATCH in its own query, hence the second scan).
     * FTS5's rank (bm25) is lower for better matches; hits report its negation.
     */
    private static final String SQLITE_SEARCH = "WITH hits AS (SELECT rowid AS rid, rank AS r FROM session_search "
            + "WHERE session_search MATCH :match), "
            + "best AS (SELECT h.rid, h.r, t.session_id, ROW_NUMBER() OVER (PARTITION BY t.session_id ORDER BY h.r, h.rid) AS n "
            + "FROM hits h JOIN session_search_text t ON t.id = h.rid JOIN sessions s ON s.id = t.session_id "
            + "WHERE s.hidden = 0 AND s.project_id IN (<projects>)), "
            + "chosen AS (SELECT rid, r, session_id FROM best WHERE n = 1 ORDER BY r, session_id LIMIT :limit OFFSET :offset) "
            + "SELECT c.session_id, -c.r AS score, snippet(session_search, 0, :markStart, :markEnd, '…', 12) AS snippet, "
            + HIT_COLUMNS + " FROM session_search JOIN chosen c ON c.rid = session_search.rowid "
            + "JOIN sessions s ON s.id = c.session_id WHERE session_search MATCH :match ORDER BY c.r, c.session_id";

    /** The same shape on PostgreSQL; the snippet is made from the chosen chunk's body in Java. */
    private static final String POSTGRES_SEARCH = "WITH q AS (SELECT plainto_tsquery('simple', :words) AS query), "
            + "hits AS (SELECT t.id, t.session_id, ts_rank(t.tsv, q.query) AS score FROM session_search_text t, q "
            + "WHERE t.tsv @@ q.query), "
            + "best AS (SELECT h.id, h.session_id, h.score, "
            + "ROW_NUMBER() OVER (PARTITION BY h.session_id ORDER BY h.score DESC, h.id) AS n "
            + "FROM hits h JOIN sessions s ON s.id = h.session_id WHERE s.hidden = 0 AND s.project_id IN (<projects>)), "
            + "chosen AS (SELECT id, session_id, score FROM best WHERE n = 1 ORDER BY score DESC, session_id LIMIT :limit "
            + "OFFSET :offset) "
            + "SELECT c.session_id, c.score, t.body AS snippet, " + HIT_COLUMNS + " FROM chosen c "
            + "JOIN session_search_text t ON t.id = c.id JOIN sessions s ON s.id = c.session_id "
            + "ORDER BY c.score DESC, c.session_id";

    private static final int SNIPPET_WORDS = 16;

    /**
     * PostgreSQL plans the search for its words each time. From a statement's fifth run the driver
     * prepares it on the server, which then plans it once for any words: the generic plan guesses a
     * rare word (59 of 11,700 chunks) and picks index scans and nested loops that took 117-145 ms
     * for a word in every session, against 39-61 ms planned for it (10,000 sessions).
     */
    private static final StatementCustomizer PLANNED_FOR_ITS_WORDS = new StatementCustomizer() {
        @Override
        public void beforeExecution(PreparedStatement statement, StatementContext context) throws SQLException {
            statement.unwrap(PGStatement.class).setPrepareThreshold(0);
        }
    };

    private final Jdbi jdbi;
    private final Vendor vendor;

    public JdbiSessionIndexQuery(Database database) {
        this.jdbi = database.jdbi();
        this.vendor = database.vendor();
    }

    @Override
    public Page<SessionSummary> listSessions(ProjectId projectId, int limit, String cursor, boolean includeHidden) {
        if (limit < 1) {
            throw new InvalidException("limit", "limit must be at least 1");
        }
        SessionCursor after = cursor == null || cursor.isEmpty() ? null : SessionCursor.decode(cursor);
        StringBuilder sql = new StringBuilder(
                "SELECT " + SESSION_COLUMNS + SUMMARY_EXTRAS + " FROM sessions WHERE project_id = :project");
        if (!includeHidden) {
            sql.append(" AND hidden = 0");
        }
        if (after != null && after.lastActivityAt() != null) {
            sql.append(
                    " AND (last_activity_at < :at OR (last_activity_at = :at AND id < :id) OR last_activity_at IS NULL)");
        } else if (after != null) {
            sql.append(" AND last_activity_at IS NULL AND id < :id");
        }
        sql.append(" ORDER BY last_activity_at DESC NULLS LAST, id DESC LIMIT :limit");
        List<SessionSummary> rows = jdbi.withHandle(h -> {
            var query = h.createQuery(sql.toString())
                    .bind("project", projectId.toString())
                    .bind("limit", limit + 1);
            if (after != null) {
                query.bind("id", after.id());
                if (after.lastActivityAt() != null) {
                    query.bind("at", after.lastActivityAt().longValue());
                }
            }
            return query.map(SessionRows::mapSummary).list();
        });
        List<SessionSummary> page = rows.size() > limit ? rows.subList(0, limit) : rows;
        String next = null;
        if (rows.size() > limit) {
            SessionSummary last = page.get(page.size() - 1);
            next = new SessionCursor(millis(last.lastActivityAt()), last.id().value()).encode();
        }
        return new Page<>(page, next);
    }

    @Override
    public Optional<SessionSummary> summary(SessionId id) {
        return jdbi.withHandle(
                h -> h.createQuery("SELECT " + SESSION_COLUMNS + SUMMARY_EXTRAS + " FROM sessions WHERE id = :id")
                        .bind("id", id.value())
                        .map(SessionRows::mapSummary)
                        .findOne());
    }

    @Override
    public List<MessageLine> lines(SessionId id, Long beforeSeq, int limit) {
        return lines("seq < :bound ORDER BY seq DESC", id, beforeSeq == null ? Long.MAX_VALUE : beforeSeq, limit);
    }

    @Override
    public List<MessageLine> linesFrom(SessionId id, long fromSeq, int limit) {
        return lines("seq >= :bound ORDER BY seq", id, fromSeq, limit);
    }

    /** At most {@code limit} positions of a session on one side of {@code bound}, in the order given. */
    private List<MessageLine> lines(String sideAndOrder, SessionId id, long bound, int limit) {
        if (limit < 1) {
            return List.of();
        }
        return jdbi.withHandle(h -> h.createQuery("SELECT seq, file_path, byte_offset, byte_length FROM session_lines "
                        + "WHERE session_id = :id AND " + sideAndOrder + " LIMIT :limit")
                .bind("id", id.value())
                .bind("bound", bound)
                .bind("limit", limit)
                .map(SessionRows::mapLine)
                .list());
    }

    @Override
    public Optional<MessageLine> line(SessionId id, long seq) {
        return jdbi.withHandle(h -> h.createQuery("SELECT seq, file_path, byte_offset, byte_length FROM session_lines "
                        + "WHERE session_id = :id AND seq = :seq")
                .bind("id", id.value())
                .bind("seq", seq)
                .map(SessionRows::mapLine)
                .findOne());
    }

    @Override
    public List<FileState> filesOf(SessionId id) {
        return jdbi.withHandle(h -> h.createQuery(
                        "SELECT " + FILE_SELECT + " FROM transcript_files " + "WHERE session_id = :id ORDER BY path")
                .bind("id", id.value())
                .map(SessionRows::mapFile)
                .list());
    }

    @Override
    public List<SearchHit> search(String query, Collection<ProjectId> projects, int limit, int offset) {
        List<String> words = SearchText.words(query);
        if (words.isEmpty() || projects.isEmpty() || limit < 1) {
            return List.of();
        }
        List<String> projectIds =
                projects.stream().map(ProjectId::toString).distinct().toList();
        return jdbi.withHandle(h -> {
            if (vendor == Vendor.SQLITE) {
                String match = SearchText.fts5Query(words);
                return SqliteBestChunks.search(h, match, projectIds, limit, Math.max(0, offset))
                        .orElseGet(() -> rankingEverything(h, match, projectIds, limit, offset));
            }
            return h.createQuery(POSTGRES_SEARCH)
                    .addCustomizer(PLANNED_FOR_ITS_WORDS)
                    .bind("words", String.join(" ", words))
                    .bindList("projects", projectIds)
                    .bind("limit", limit)
                    .bind("offset", Math.max(0, offset))
                    .map((rs, ctx) -> mapHit(rs, SearchText.highlight(rs.getString("snippet"), words, SNIPPET_WORDS)))
                    .list();
        });
    }

    /** SQLite: every matching chunk ranked, as when the best chunks do not settle the page. */
    private static List<SearchHit> rankingEverything(
            Handle h, String match, List<String> projectIds, int limit, int offset) {
        return h.createQuery(SQLITE_SEARCH)
                .bind("match", match)
                .bindList("projects", projectIds)
                .bind("limit", limit)
                .bind("offset", Math.max(0, offset))
                .bind("markStart", String.valueOf(SearchText.MARK_START))
                .bind("markEnd", String.valueOf(SearchText.MARK_END))
                .map((rs, ctx) -> mapHit(rs, SearchText.markedToHtml(rs.getString("snippet"))))
                .list();
    }

    /** What {@link #search} answers on SQLite when it ranks every matching chunk (for tests). */
    List<SearchHit> searchRankingEverything(String query, Collection<ProjectId> projects, int limit, int offset) {
        List<String> projectIds =
                projects.stream().map(ProjectId::toString).distinct().toList();
        String match = SearchText.fts5Query(SearchText.words(query));
        return jdbi.withHandle(h -> rankingEverything(h, match, projectIds, limit, offset));
    }

    @Override
    public IndexStats stats() {
        return jdbi.withHandle(h -> h.createQuery("SELECT (SELECT COUNT(*) FROM transcript_files) AS files, "
                        + "(SELECT COUNT(*) FROM sessions) AS sessions, "
                        + "(SELECT COALESCE(SUM(indexed_offset), 0) FROM transcript_files) AS bytes")
                .map((rs, ctx) -> new IndexStats(rs.getLong("files"), rs.getLong("sessions"), rs.getLong("bytes")))
                .one());
    }

    static SearchHit mapHit(ResultSet rs, String snippet) throws SQLException {
        String title = null;
        for (String column : new String[] {"app_title", "custom_title", "ai_title", "summary", "first_prompt"}) {
            String candidate = rs.getString(column);
            if (candidate != null && !candidate.isBlank()) {
                title = candidate;
                break;
            }
        }
        return new SearchHit(
                new SessionId(rs.getString("session_id")),
                SessionRows.projectId(rs.getString("project_id")),
                title,
                snippet,
                instant(rs, "last_activity_at"),
                rs.getDouble("score"));
    }
}
