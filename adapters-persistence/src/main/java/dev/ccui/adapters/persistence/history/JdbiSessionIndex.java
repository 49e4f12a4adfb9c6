package dev.ccui.adapters.persistence.history;

import static dev.ccui.adapters.persistence.db.Rows.flag;
import static dev.ccui.adapters.persistence.db.Rows.instant;
import static dev.ccui.adapters.persistence.db.Rows.millis;

import dev.ccui.adapters.persistence.db.Database;
import dev.ccui.adapters.persistence.db.Vendor;
import dev.ccui.application.common.Page;
import dev.ccui.application.history.port.out.FileState;
import dev.ccui.application.history.port.out.IndexedLine;
import dev.ccui.application.history.port.out.IndexedSession;
import dev.ccui.application.history.port.out.LineRef;
import dev.ccui.application.history.port.out.SearchHit;
import dev.ccui.application.history.port.out.SessionIndex;
import dev.ccui.domain.error.InvalidException;
import dev.ccui.domain.project.ProjectId;
import dev.ccui.domain.session.SessionId;
import dev.ccui.domain.session.SessionSummary;
import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Base64;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.PreparedBatch;
import org.jdbi.v3.core.statement.StatementContext;
import org.jdbi.v3.core.statement.Update;

/**
 * The transcript index on SQLite or PostgreSQL. Everything but full-text search is one SQL text
 * for both; search uses FTS5 on SQLite and a tsvector with a GIN index on PostgreSQL.
 */
public final class JdbiSessionIndex implements SessionIndex {
    private static final String SESSION_COLUMNS = "id, project_id, cwd, app_title, custom_title, ai_title, summary, "
            + "first_prompt, last_prompt, git_branch, first_activity_at, last_activity_at, message_count, models, "
            + "input_tokens, output_tokens, cost_by_start, hidden, next_seq";
    private static final String FILE_COLUMNS =
            "path, session_id, size, modified_at, file_key, indexed_offset, last_message_id, bad_lines";
    private static final String FILE_SELECT = FILE_COLUMNS + ", archived_at";

    /**
     * app_title and hidden are only written on insert: they belong to the people using the app
     * (setAppTitle, setHidden), and an indexer holding a session read a moment before a rename
     * must not undo it.
     */
    private static final String UPSERT_SESSION = "INSERT INTO sessions (" + SESSION_COLUMNS + ") VALUES (:id, :projectId, "
            + ":cwd, :appTitle, :customTitle, :aiTitle, :summary, :firstPrompt, :lastPrompt, :gitBranch, :firstActivityAt, "
            + ":lastActivityAt, :messageCount, :models, :inputTokens, :outputTokens, :costByStart, :hidden, :nextSeq) "
            + "ON CONFLICT (id) DO UPDATE SET project_id = excluded.project_id, cwd = excluded.cwd, "
            + "custom_title = excluded.custom_title, ai_title = excluded.ai_title, summary = excluded.summary, "
            + "first_prompt = excluded.first_prompt, last_prompt = excluded.last_prompt, git_branch = excluded.git_branch, "
            + "first_activity_at = excluded.first_activity_at, last_activity_at = excluded.last_activity_at, "
            + "message_count = excluded.message_count, models = excluded.models, input_tokens = excluded.input_tokens, "
            + "output_tokens = excluded.output_tokens, cost_by_start = excluded.cost_by_start, next_seq = excluded.next_seq, "
            // Read from a file on disk again: the session is not (only) in the archive any more.
            + "archived_at = NULL";
    private static final String UPSERT_FILE = "INSERT INTO transcript_files (" + FILE_COLUMNS + ") VALUES (:path, "
            + ":sessionId, :size, :modifiedAt, :fileKey, :offset, :lastMessageId, :badLines) "
            + "ON CONFLICT (path) DO UPDATE SET session_id = excluded.session_id, size = excluded.size, "
            + "modified_at = excluded.modified_at, file_key = excluded.file_key, indexed_offset = excluded.indexed_offset, "
            + "last_message_id = excluded.last_message_id, bad_lines = excluded.bad_lines, archived_at = NULL";
    private static final String INSERT_LINE = "INSERT INTO session_lines (session_id, seq, file_path, byte_offset, "
            + "byte_length, role, at, hidden, sidechain) VALUES (:sessionId, :seq, :file, :offset, :length, :role, :at, "
            + ":hidden, :sidechain)";
    private static final String INSERT_TEXT =
            "INSERT INTO session_search_text (session_id, file_path, body) VALUES (:sessionId, :file, :body)";

    private static final String HIT_COLUMNS = "s.project_id, s.app_title, s.custom_title, s.ai_title, s.summary, "
            + "s.first_prompt, s.last_activity_at";

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

    private final Jdbi jdbi;
    private final Vendor vendor;

    public JdbiSessionIndex(Database database) {
        this.jdbi = database.jdbi();
        this.vendor = database.vendor();
    }

    @Override
    public Optional<FileState> fileState(String path) {
        return jdbi.withHandle(h -> h.createQuery("SELECT " + FILE_SELECT + " FROM transcript_files WHERE path = :path")
                .bind("path", path).map(JdbiSessionIndex::mapFile).findOne());
    }

    @Override
    public List<FileState> allFileStates() {
        return jdbi.withHandle(h -> h.createQuery("SELECT " + FILE_SELECT + " FROM transcript_files ORDER BY path")
                .map(JdbiSessionIndex::mapFile).list());
    }

    @Override
    public Optional<IndexedSession> find(SessionId id) {
        return jdbi.withHandle(h -> h.createQuery("SELECT " + SESSION_COLUMNS + " FROM sessions WHERE id = :id")
                .bind("id", id.value()).map(JdbiSessionIndex::mapSession).findOne());
    }

    @Override
    public void apply(IndexedSession session, FileState file, List<IndexedLine> lines, String searchText, boolean reset) {
        if (file.sessionId() != null && !file.sessionId().equals(session.id())) {
            throw new IllegalArgumentException("file " + file.path() + " belongs to session " + file.sessionId()
                    + ", not " + session.id());
        }
        long firstSeq = session.nextSeq() - lines.size();
        if (firstSeq < 0) {
            throw new IllegalArgumentException("nextSeq " + session.nextSeq() + " is less than the " + lines.size() + " new lines");
        }
        List<String> chunks = SearchText.chunks(searchText);
        jdbi.useTransaction(h -> {
            if (vendor == Vendor.POSTGRESQL) {
                // The index is derived from the transcripts and rebuilt from them: a crash may
                // lose its last few commits, so commits need not wait for the WAL flush.
                h.execute("SET LOCAL synchronous_commit TO OFF");
            }
            bindSession(h.createUpdate(UPSERT_SESSION), session).execute();
            if (reset) {
                h.createUpdate("DELETE FROM session_lines WHERE file_path = :path").bind("path", file.path()).execute();
                h.createUpdate("DELETE FROM session_search_text WHERE file_path = :path").bind("path", file.path()).execute();
            }
            if (!lines.isEmpty()) {
                PreparedBatch batch = h.prepareBatch(INSERT_LINE);
                long seq = firstSeq;
                for (IndexedLine line : lines) {
                    batch.bind("sessionId", session.id().value())
                            .bind("seq", seq++)
                            .bind("file", line.ref().file())
                            .bind("offset", line.ref().offset())
                            .bind("length", line.ref().length())
                            .bind("role", line.role())
                            .bind("at", millis(line.timestamp()))
                            .bind("hidden", flag(line.hidden()))
                            .bind("sidechain", flag(line.sidechain()))
                            .add();
                }
                batch.execute();
            }
            if (!chunks.isEmpty()) {
                PreparedBatch batch = h.prepareBatch(INSERT_TEXT);
                for (String chunk : chunks) {
                    batch.bind("sessionId", session.id().value()).bind("file", file.path()).bind("body", chunk).add();
                }
                batch.execute();
            }
            h.createUpdate(UPSERT_FILE)
                    .bind("path", file.path())
                    .bind("sessionId", session.id().value())
                    .bind("size", file.size())
                    .bind("modifiedAt", millis(file.modifiedAt()))
                    .bind("fileKey", file.fileKey())
                    .bind("offset", file.offset())
                    .bind("lastMessageId", file.lastMessageId())
                    .bind("badLines", file.badLines())
                    .execute();
        });
    }

    @Override
    public void removeFile(String path) {
        jdbi.useTransaction(h -> {
            Set<String> sessions = new TreeSet<>();
            sessions.addAll(h.createQuery("SELECT session_id FROM transcript_files WHERE path = :path")
                    .bind("path", path).mapTo(String.class).list());
            sessions.addAll(h.createQuery("SELECT DISTINCT session_id FROM session_lines WHERE file_path = :path")
                    .bind("path", path).mapTo(String.class).list());
            h.createUpdate("DELETE FROM session_lines WHERE file_path = :path").bind("path", path).execute();
            h.createUpdate("DELETE FROM session_search_text WHERE file_path = :path").bind("path", path).execute();
            h.createUpdate("DELETE FROM transcript_files WHERE path = :path").bind("path", path).execute();
            for (String session : sessions) {
                boolean used = h.createQuery("SELECT CASE WHEN EXISTS (SELECT 1 FROM session_lines WHERE session_id = :id) "
                                + "OR EXISTS (SELECT 1 FROM transcript_files WHERE session_id = :id) THEN 1 ELSE 0 END")
                        .bind("id", session).mapTo(Integer.class).one() == 1;
                if (used) {
                    // Counted as the indexer counts when it merges: every indexed message line.
                    h.createUpdate("UPDATE sessions SET message_count = (SELECT COUNT(*) FROM session_lines "
                            + "WHERE session_id = :id) WHERE id = :id").bind("id", session).execute();
                } else {
                    h.createUpdate("DELETE FROM session_search_text WHERE session_id = :id").bind("id", session).execute();
                    h.createUpdate("DELETE FROM sessions WHERE id = :id").bind("id", session).execute();
                }
            }
        });
    }

    @Override
    public void markArchived(String path, Instant at) {
        jdbi.useTransaction(h -> {
            h.createUpdate("UPDATE transcript_files SET archived_at = :at WHERE path = :path AND archived_at IS NULL")
                    .bind("at", at.toEpochMilli()).bind("path", path).execute();
            h.createUpdate("UPDATE sessions SET archived_at = :at WHERE archived_at IS NULL "
                            + "AND id IN (SELECT session_id FROM transcript_files WHERE path = :path) "
                            + "AND NOT EXISTS (SELECT 1 FROM transcript_files f WHERE f.session_id = sessions.id "
                            + "AND f.archived_at IS NULL)")
                    .bind("at", at.toEpochMilli()).bind("path", path).execute();
        });
    }

    @Override
    public List<FileState> filesOf(SessionId id) {
        return jdbi.withHandle(h -> h.createQuery("SELECT " + FILE_SELECT + " FROM transcript_files "
                + "WHERE session_id = :id ORDER BY path").bind("id", id.value()).map(JdbiSessionIndex::mapFile).list());
    }

    @Override
    public Page<SessionSummary> listSessions(ProjectId projectId, int limit, String cursor, boolean includeHidden) {
        if (limit < 1) {
            throw new InvalidException("limit", "limit must be at least 1");
        }
        Cursor after = cursor == null || cursor.isEmpty() ? null : Cursor.decode(cursor);
        StringBuilder sql = new StringBuilder("SELECT " + SESSION_COLUMNS + ", archived_at FROM sessions WHERE project_id = :project");
        if (!includeHidden) {
            sql.append(" AND hidden = 0");
        }
        if (after != null && after.lastActivityAt() != null) {
            sql.append(" AND (last_activity_at < :at OR (last_activity_at = :at AND id < :id) OR last_activity_at IS NULL)");
        } else if (after != null) {
            sql.append(" AND last_activity_at IS NULL AND id < :id");
        }
        sql.append(" ORDER BY last_activity_at DESC NULLS LAST, id DESC LIMIT :limit");
        List<SessionSummary> rows = jdbi.withHandle(h -> {
            var query = h.createQuery(sql.toString()).bind("project", projectId.toString()).bind("limit", limit + 1);
            if (after != null) {
                query.bind("id", after.id());
                if (after.lastActivityAt() != null) {
                    query.bind("at", after.lastActivityAt().longValue());
                }
            }
            return query.map(JdbiSessionIndex::mapSummary).list();
        });
        List<SessionSummary> page = rows.size() > limit ? rows.subList(0, limit) : rows;
        String next = null;
        if (rows.size() > limit) {
            SessionSummary last = page.get(page.size() - 1);
            next = new Cursor(millis(last.lastActivityAt()), last.id().value()).encode();
        }
        return new Page<>(page, next);
    }

    @Override
    public Optional<SessionSummary> summary(SessionId id) {
        return jdbi.withHandle(h -> h.createQuery("SELECT " + SESSION_COLUMNS + ", archived_at FROM sessions WHERE id = :id")
                .bind("id", id.value()).map(JdbiSessionIndex::mapSummary).findOne());
    }

    @Override
    public List<MessageLine> lines(SessionId id, Long beforeSeq, int limit) {
        if (limit < 1) {
            return List.of();
        }
        return jdbi.withHandle(h -> h.createQuery("SELECT seq, file_path, byte_offset, byte_length FROM session_lines "
                        + "WHERE session_id = :id AND seq < :before ORDER BY seq DESC LIMIT :limit")
                .bind("id", id.value())
                .bind("before", beforeSeq == null ? Long.MAX_VALUE : beforeSeq)
                .bind("limit", limit)
                .map(JdbiSessionIndex::mapLine).list());
    }

    @Override
    public List<MessageLine> linesFrom(SessionId id, long fromSeq, int limit) {
        if (limit < 1) {
            return List.of();
        }
        return jdbi.withHandle(h -> h.createQuery("SELECT seq, file_path, byte_offset, byte_length FROM session_lines "
                        + "WHERE session_id = :id AND seq >= :from ORDER BY seq LIMIT :limit")
                .bind("id", id.value())
                .bind("from", fromSeq)
                .bind("limit", limit)
                .map(JdbiSessionIndex::mapLine).list());
    }

    @Override
    public Optional<MessageLine> line(SessionId id, long seq) {
        return jdbi.withHandle(h -> h.createQuery("SELECT seq, file_path, byte_offset, byte_length FROM session_lines "
                        + "WHERE session_id = :id AND seq = :seq")
                .bind("id", id.value()).bind("seq", seq).map(JdbiSessionIndex::mapLine).findOne());
    }

    @Override
    public void setAppTitle(SessionId id, String title) {
        jdbi.useHandle(h -> h.createUpdate("UPDATE sessions SET app_title = :title WHERE id = :id")
                .bind("title", title).bind("id", id.value()).execute());
    }

    @Override
    public void setHidden(SessionId id, boolean hidden) {
        jdbi.useHandle(h -> h.createUpdate("UPDATE sessions SET hidden = :hidden WHERE id = :id")
                .bind("hidden", flag(hidden)).bind("id", id.value()).execute());
    }

    @Override
    public List<SearchHit> search(String query, Collection<ProjectId> projects, int limit, int offset) {
        List<String> words = SearchText.words(query);
        if (words.isEmpty() || projects.isEmpty() || limit < 1) {
            return List.of();
        }
        List<String> projectIds = projects.stream().map(ProjectId::toString).distinct().toList();
        return jdbi.withHandle(h -> {
            if (vendor == Vendor.SQLITE) {
                return h.createQuery(SQLITE_SEARCH)
                        .bind("match", SearchText.fts5Query(words))
                        .bindList("projects", projectIds)
                        .bind("limit", limit)
                        .bind("offset", Math.max(0, offset))
                        .bind("markStart", String.valueOf(SearchText.MARK_START))
                        .bind("markEnd", String.valueOf(SearchText.MARK_END))
                        .map((rs, ctx) -> mapHit(rs, SearchText.markedToHtml(rs.getString("snippet")))).list();
            }
            return h.createQuery(POSTGRES_SEARCH)
                    .bind("words", String.join(" ", words))
                    .bindList("projects", projectIds)
                    .bind("limit", limit)
                    .bind("offset", Math.max(0, offset))
                    .map((rs, ctx) -> mapHit(rs, SearchText.highlight(rs.getString("snippet"), words, SNIPPET_WORDS)))
                    .list();
        });
    }

    @Override
    public int assignProject(String cwd, ProjectId projectId) {
        return jdbi.withHandle(h -> h.createUpdate("UPDATE sessions SET project_id = :project WHERE cwd = :cwd "
                        + "AND project_id <> :project")
                .bind("project", projectId.toString()).bind("cwd", cwd).execute());
    }

    @Override
    public IndexStats stats() {
        return jdbi.withHandle(h -> h.createQuery("SELECT (SELECT COUNT(*) FROM transcript_files) AS files, "
                        + "(SELECT COUNT(*) FROM sessions) AS sessions, "
                        + "(SELECT COALESCE(SUM(indexed_offset), 0) FROM transcript_files) AS bytes")
                .map((rs, ctx) -> new IndexStats(rs.getLong("files"), rs.getLong("sessions"), rs.getLong("bytes")))
                .one());
    }

    @Override
    public void optimize() {
        // After a bulk load PostgreSQL has no statistics yet and picks slow plans; SQLite's
        // optimize runs ANALYZE only where it helps.
        jdbi.useHandle(h -> h.execute(vendor == Vendor.POSTGRESQL
                ? "ANALYZE projects, sessions, session_lines, session_search_text, transcript_files"
                : "PRAGMA optimize"));
    }

    private static Update bindSession(Update update, IndexedSession s) {
        return update.bind("id", s.id().value())
                .bind("projectId", s.projectId().toString())
                .bind("cwd", s.cwd())
                .bind("appTitle", s.appTitle())
                .bind("customTitle", s.customTitle())
                .bind("aiTitle", s.aiTitle())
                .bind("summary", s.summary())
                .bind("firstPrompt", s.firstPrompt())
                .bind("lastPrompt", s.lastPrompt())
                .bind("gitBranch", s.gitBranch())
                .bind("firstActivityAt", millis(s.firstActivityAt()))
                .bind("lastActivityAt", millis(s.lastActivityAt()))
                .bind("messageCount", s.messageCount())
                .bind("models", String.join(",", new TreeSet<>(s.models())))
                .bind("inputTokens", s.inputTokens())
                .bind("outputTokens", s.outputTokens())
                .bind("costByStart", encodeCosts(s.costByProcessStart()))
                .bind("hidden", flag(s.hidden()))
                .bind("nextSeq", s.nextSeq());
    }

    /** "start=cost;…", sorted by start; Double.toString reads back to the same double. */
    static String encodeCosts(Map<Long, Double> costs) {
        StringBuilder text = new StringBuilder();
        new TreeMap<>(costs).forEach((start, cost) -> {
            if (!text.isEmpty()) {
                text.append(';');
            }
            text.append(start).append('=').append(cost);
        });
        return text.toString();
    }

    static Map<Long, Double> decodeCosts(String text) {
        Map<Long, Double> costs = new HashMap<>();
        if (text == null || text.isEmpty()) {
            return costs;
        }
        for (String entry : text.split(";")) {
            int eq = entry.indexOf('=');
            costs.put(Long.parseLong(entry.substring(0, eq)), Double.parseDouble(entry.substring(eq + 1)));
        }
        return costs;
    }

    private static Set<String> decodeModels(String text) {
        return text == null || text.isEmpty() ? Set.of() : Set.of(text.split(","));
    }

    private static IndexedSession mapSession(ResultSet rs, StatementContext ctx) throws SQLException {
        return new IndexedSession(new SessionId(rs.getString("id")), projectId(rs.getString("project_id")),
                rs.getString("cwd"), rs.getString("app_title"), rs.getString("custom_title"), rs.getString("ai_title"),
                rs.getString("summary"), rs.getString("first_prompt"), rs.getString("last_prompt"),
                rs.getString("git_branch"), instant(rs, "first_activity_at"), instant(rs, "last_activity_at"),
                rs.getLong("message_count"), decodeModels(rs.getString("models")), rs.getLong("input_tokens"),
                rs.getLong("output_tokens"), decodeCosts(rs.getString("cost_by_start")), flag(rs, "hidden"),
                rs.getLong("next_seq"));
    }

    private static SessionSummary mapSummary(ResultSet rs, StatementContext ctx) throws SQLException {
        IndexedSession s = mapSession(rs, ctx);
        return new SessionSummary(s.id(), s.projectId(), s.title(), s.firstActivityAt(), s.lastActivityAt(),
                s.messageCount(), new TreeSet<>(s.models()).stream().toList(), s.inputTokens(), s.outputTokens(),
                s.costUsd(), s.gitBranch(), s.lastPrompt(), s.hidden(), instant(rs, "archived_at"));
    }

    private static FileState mapFile(ResultSet rs, StatementContext ctx) throws SQLException {
        return new FileState(rs.getString("path"), new SessionId(rs.getString("session_id")), rs.getLong("size"),
                instant(rs, "modified_at"), rs.getString("file_key"), rs.getLong("indexed_offset"),
                rs.getString("last_message_id"), rs.getInt("bad_lines"), instant(rs, "archived_at"));
    }

    private static MessageLine mapLine(ResultSet rs, StatementContext ctx) throws SQLException {
        return new MessageLine(rs.getLong("seq"),
                new LineRef(rs.getString("file_path"), rs.getLong("byte_offset"), rs.getInt("byte_length")));
    }

    private static SearchHit mapHit(ResultSet rs, String snippet) throws SQLException {
        String title = null;
        for (String column : new String[] {"app_title", "custom_title", "ai_title", "summary", "first_prompt"}) {
            String candidate = rs.getString(column);
            if (candidate != null && !candidate.isBlank()) {
                title = candidate;
                break;
            }
        }
        return new SearchHit(new SessionId(rs.getString("session_id")), projectId(rs.getString("project_id")), title,
                snippet, instant(rs, "last_activity_at"), rs.getDouble("score"));
    }

    private static ProjectId projectId(String text) {
        return new ProjectId(UUID.fromString(text));
    }

    /** The position after a page's last session, opaque to clients: base64url of "millis:id" ("" millis for none). */
    private record Cursor(Long lastActivityAt, String id) {
        String encode() {
            String text = (lastActivityAt == null ? "" : lastActivityAt.toString()) + ":" + id;
            return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
        }

        static Cursor decode(String cursor) {
            try {
                String text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
                int colon = text.indexOf(':');
                String id = text.substring(colon + 1);
                if (colon < 0 || SessionId.parse(id).isEmpty()) {
                    throw new IllegalArgumentException("no session id");
                }
                Long at = colon == 0 ? null : Long.valueOf(text.substring(0, colon));
                return new Cursor(at, id);
            } catch (IllegalArgumentException | IndexOutOfBoundsException e) {
                throw new InvalidException("cursor", "not a cursor of this list: start again from the first page");
            }
        }
    }
}
