package dev.ccui.adapters.persistence.history;

import static dev.ccui.adapters.persistence.db.Rows.flag;
import static dev.ccui.adapters.persistence.db.Rows.millis;
import static dev.ccui.adapters.persistence.history.SessionRows.FILE_COLUMNS;
import static dev.ccui.adapters.persistence.history.SessionRows.FILE_SELECT;
import static dev.ccui.adapters.persistence.history.SessionRows.SESSION_COLUMNS;

import dev.ccui.adapters.persistence.db.Database;
import dev.ccui.adapters.persistence.db.Vendor;
import dev.ccui.application.history.port.out.FileState;
import dev.ccui.application.history.port.out.IndexedLine;
import dev.ccui.application.history.port.out.IndexedSession;
import dev.ccui.application.history.port.out.SessionIndexWriter;
import dev.ccui.domain.session.SessionId;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.PreparedBatch;
import org.jdbi.v3.core.statement.SqlStatement;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;

/** The indexer's writes into the transcript index on SQLite or PostgreSQL (one SQL text for both). */
public final class JdbiSessionIndexWriter implements SessionIndexWriter {
    /**
     * app_title and hidden are only written on insert: they belong to the people using the app
     * (setAppTitle, setHidden), and an indexer holding a session read a moment before a rename
     * must not undo it.
     */
    private static final String UPSERT_SESSION =
            "INSERT INTO sessions (" + SESSION_COLUMNS + ") VALUES (:id, :projectId, "
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
    private static final String INSERT_LISTED_SESSION = "INSERT INTO sessions (" + SESSION_COLUMNS + ") VALUES (:id, "
            + ":projectId, :cwd, :appTitle, :customTitle, :aiTitle, :summary, :firstPrompt, :lastPrompt, :gitBranch, "
            + ":firstActivityAt, :lastActivityAt, :messageCount, :models, :inputTokens, :outputTokens, :costByStart, :hidden, "
            + ":nextSeq) ON CONFLICT (id) DO NOTHING";
    private static final String INSERT_LISTED_FILE =
            "INSERT INTO transcript_files (" + FILE_COLUMNS + ") VALUES (:path, "
                    + ":sessionId, :size, :modifiedAt, :fileKey, :offset, :lastMessageId, :badLines) ON CONFLICT (path) DO NOTHING";
    private static final String INSERT_LINE_JDBC =
            "INSERT INTO session_lines (session_id, seq, file_path, byte_offset, "
                    + "byte_length, role, at, hidden, sidechain) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)";
    private static final String INSERT_TEXT =
            "INSERT INTO session_search_text (session_id, file_path, body) VALUES (:sessionId, :file, :body)";

    /** Ids per {@code IN} list: well below SQLite's 32,766 bound parameters and PostgreSQL's 65,535. */
    private static final int FIND_ALL_CHUNK = 500;

    private final Jdbi jdbi;
    private final Database database;
    private final Vendor vendor;

    public JdbiSessionIndexWriter(Database database) {
        this.jdbi = database.jdbi();
        this.database = database;
        this.vendor = database.vendor();
    }

    @Override
    public Optional<FileState> fileState(String path) {
        return jdbi.withHandle(h -> h.createQuery("SELECT " + FILE_SELECT + " FROM transcript_files WHERE path = :path")
                .bind("path", path)
                .map(SessionRows::mapFile)
                .findOne());
    }

    @Override
    public List<FileState> allFileStates() {
        return jdbi.withHandle(h -> h.createQuery("SELECT " + FILE_SELECT + " FROM transcript_files ORDER BY path")
                .map(SessionRows::mapFile)
                .list());
    }

    @Override
    public Optional<IndexedSession> find(SessionId id) {
        return jdbi.withHandle(h -> h.createQuery("SELECT " + SESSION_COLUMNS + " FROM sessions WHERE id = :id")
                .bind("id", id.value())
                .map(SessionRows::mapSession)
                .findOne());
    }

    @Override
    public Map<SessionId, IndexedSession> findAll(Collection<SessionId> ids) {
        Map<SessionId, IndexedSession> found = new HashMap<>();
        List<String> values = ids.stream().map(SessionId::value).distinct().toList();
        jdbi.useHandle(h -> {
            for (int from = 0; from < values.size(); from += FIND_ALL_CHUNK) {
                h.createQuery("SELECT " + SESSION_COLUMNS + " FROM sessions WHERE id IN (<ids>)")
                        .bindList("ids", values.subList(from, Math.min(values.size(), from + FIND_ALL_CHUNK)))
                        .map(SessionRows::mapSession)
                        .forEach(session -> found.put(session.id(), session));
            }
        });
        return found;
    }

    @Override
    public void apply(
            IndexedSession session, FileState file, List<IndexedLine> lines, String searchText, boolean reset) {
        applyAll(List.of(new Applied(session, file, lines, searchText, reset)));
    }

    /**
     * One transaction, one batch per statement: the files' resets, the sessions (in order, so a
     * session merged twice ends as merged last), their lines, their text, the files' states.
     */
    @Override
    public void applyAll(List<Applied> applied) {
        inTransaction(applied, h -> {
            List<String> resets = applied.stream()
                    .filter(Applied::reset)
                    .map(a -> a.file().path())
                    .toList();
            if (!resets.isEmpty()) {
                PreparedBatch lines = h.prepareBatch("DELETE FROM session_lines WHERE file_path = :path");
                PreparedBatch texts = h.prepareBatch("DELETE FROM session_search_text WHERE file_path = :path");
                for (String path : resets) {
                    lines.bind("path", path).add();
                    texts.bind("path", path).add();
                }
                lines.execute();
                texts.execute();
            }
            PreparedBatch sessions = h.prepareBatch(UPSERT_SESSION);
            PreparedBatch texts = h.prepareBatch(INSERT_TEXT);
            PreparedBatch files = h.prepareBatch(UPSERT_FILE);
            boolean anyText = false;
            for (Applied a : applied) {
                bindSession(sessions, a.session()).add();
                for (String chunk : SearchText.chunks(a.searchText())) {
                    texts.bind("sessionId", a.session().id().value())
                            .bind("file", a.file().path())
                            .bind("body", chunk)
                            .add();
                    anyText = true;
                }
                bindFile(files, a.session(), a.file()).add();
            }
            sessions.execute();
            insertLines(h, applied);
            if (anyText) {
                texts.execute();
            }
            files.execute();
        });
    }

    /**
     * The message lines, the bulk of the rows, through plain JDBC: binding each of their nine
     * values by name cost the writer more than SQLite took to store them.
     */
    private static void insertLines(Handle h, List<Applied> applied) {
        if (applied.stream().allMatch(a -> a.lines().isEmpty())) {
            return;
        }
        try (PreparedStatement insert = h.getConnection().prepareStatement(INSERT_LINE_JDBC)) {
            for (Applied a : applied) {
                long seq = a.session().nextSeq() - a.lines().size();
                for (IndexedLine line : a.lines()) {
                    insert.setString(1, a.session().id().value());
                    insert.setLong(2, seq++);
                    insert.setString(3, line.ref().file());
                    insert.setLong(4, line.ref().offset());
                    insert.setInt(5, line.ref().length());
                    insert.setString(6, line.role());
                    if (line.timestamp() == null) {
                        insert.setNull(7, Types.BIGINT);
                    } else {
                        insert.setLong(7, line.timestamp().toEpochMilli());
                    }
                    insert.setInt(8, flag(line.hidden()));
                    insert.setInt(9, flag(line.sidechain()));
                    insert.addBatch();
                }
            }
            insert.executeBatch();
        } catch (SQLException e) {
            // Rolls the transaction back as a failed Jdbi statement would.
            throw new UnableToExecuteStatementException(e, null);
        }
    }

    /** Sessions and files of the listing's glance, inserted where absent (a full read's rows win). */
    @Override
    public void addListed(List<Applied> listed) {
        inTransaction(listed, h -> {
            PreparedBatch sessions = h.prepareBatch(INSERT_LISTED_SESSION);
            PreparedBatch files = h.prepareBatch(INSERT_LISTED_FILE);
            for (Applied a : listed) {
                bindSession(sessions, a.session()).add();
                bindFile(files, a.session(), a.file()).add();
            }
            sessions.execute();
            files.execute();
        });
    }

    /** Checks the reads, then writes them in one transaction (none when there are none). */
    private void inTransaction(List<Applied> reads, Consumer<Handle> write) {
        if (reads.isEmpty()) {
            return;
        }
        for (Applied a : reads) {
            check(a);
        }
        database.bulkTransaction(h -> {
            if (vendor == Vendor.POSTGRESQL) {
                // The index is derived from the transcripts and rebuilt from them: a crash may
                // lose its last few commits, so commits need not wait for the WAL flush.
                h.execute("SET LOCAL synchronous_commit TO OFF");
            }
            write.accept(h);
        });
    }

    private static void check(Applied a) {
        if (a.file().sessionId() != null
                && !a.file().sessionId().equals(a.session().id())) {
            throw new IllegalArgumentException("file " + a.file().path() + " belongs to session "
                    + a.file().sessionId() + ", not " + a.session().id());
        }
        if (a.session().nextSeq() - a.lines().size() < 0) {
            throw new IllegalArgumentException("nextSeq " + a.session().nextSeq() + " is less than the "
                    + a.lines().size() + " new lines");
        }
    }

    private static <T extends SqlStatement<T>> T bindFile(T statement, IndexedSession session, FileState file) {
        return statement
                .bind("path", file.path())
                .bind("sessionId", session.id().value())
                .bind("size", file.size())
                .bind("modifiedAt", millis(file.modifiedAt()))
                .bind("fileKey", file.fileKey())
                .bind("offset", file.offset())
                .bind("lastMessageId", file.lastMessageId())
                .bind("badLines", file.badLines());
    }

    @Override
    public void removeFile(String path) {
        jdbi.useTransaction(h -> {
            Set<String> sessions = new TreeSet<>();
            sessions.addAll(h.createQuery("SELECT session_id FROM transcript_files WHERE path = :path")
                    .bind("path", path)
                    .mapTo(String.class)
                    .list());
            sessions.addAll(h.createQuery("SELECT DISTINCT session_id FROM session_lines WHERE file_path = :path")
                    .bind("path", path)
                    .mapTo(String.class)
                    .list());
            h.createUpdate("DELETE FROM session_lines WHERE file_path = :path")
                    .bind("path", path)
                    .execute();
            h.createUpdate("DELETE FROM session_search_text WHERE file_path = :path")
                    .bind("path", path)
                    .execute();
            h.createUpdate("DELETE FROM transcript_files WHERE path = :path")
                    .bind("path", path)
                    .execute();
            for (String session : sessions) {
                boolean used = h.createQuery(
                                        "SELECT CASE WHEN EXISTS (SELECT 1 FROM session_lines WHERE session_id = :id) "
                                                + "OR EXISTS (SELECT 1 FROM transcript_files WHERE session_id = :id) THEN 1 ELSE 0 END")
                                .bind("id", session)
                                .mapTo(Integer.class)
                                .one()
                        == 1;
                if (used) {
                    // Counted as the indexer counts when it merges: every indexed message line.
                    h.createUpdate("UPDATE sessions SET message_count = (SELECT COUNT(*) FROM session_lines "
                                    + "WHERE session_id = :id) WHERE id = :id")
                            .bind("id", session)
                            .execute();
                } else {
                    h.createUpdate("DELETE FROM session_search_text WHERE session_id = :id")
                            .bind("id", session)
                            .execute();
                    h.createUpdate("DELETE FROM sessions WHERE id = :id")
                            .bind("id", session)
                            .execute();
                }
            }
        });
    }

    @Override
    public void markArchived(String path, Instant at) {
        jdbi.useTransaction(h -> {
            h.createUpdate("UPDATE transcript_files SET archived_at = :at WHERE path = :path AND archived_at IS NULL")
                    .bind("at", at.toEpochMilli())
                    .bind("path", path)
                    .execute();
            h.createUpdate("UPDATE sessions SET archived_at = :at WHERE archived_at IS NULL "
                            + "AND id IN (SELECT session_id FROM transcript_files WHERE path = :path) "
                            + "AND NOT EXISTS (SELECT 1 FROM transcript_files f WHERE f.session_id = sessions.id "
                            + "AND f.archived_at IS NULL)")
                    .bind("at", at.toEpochMilli())
                    .bind("path", path)
                    .execute();
        });
    }

    @Override
    public void optimize() {
        // After a bulk load PostgreSQL has no statistics yet and picks slow plans; SQLite's
        // optimize runs ANALYZE only where it helps.
        jdbi.useHandle(h -> h.execute(
                vendor == Vendor.POSTGRESQL
                        ? "ANALYZE projects, sessions, session_lines, session_search_text, transcript_files"
                        : "PRAGMA optimize"));
    }

    private static <T extends SqlStatement<T>> T bindSession(T update, IndexedSession s) {
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
                .bind("costByStart", SessionRows.encodeCosts(s.costByProcessStart()))
                .bind("hidden", flag(s.hidden()))
                .bind("nextSeq", s.nextSeq());
    }
}
