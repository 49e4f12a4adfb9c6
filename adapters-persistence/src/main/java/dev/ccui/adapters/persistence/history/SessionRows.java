package dev.ccui.adapters.persistence.history;

import static dev.ccui.adapters.persistence.db.Rows.flag;
import static dev.ccui.adapters.persistence.db.Rows.instant;

import dev.ccui.application.history.port.out.FileState;
import dev.ccui.application.history.port.out.IndexedSession;
import dev.ccui.application.history.port.out.LineRef;
import dev.ccui.application.history.port.out.MessageLine;
import dev.ccui.domain.project.ProjectId;
import dev.ccui.domain.session.SessionId;
import dev.ccui.domain.session.SessionSummary;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import org.jdbi.v3.core.statement.StatementContext;

/** The columns of the index's tables and how a row becomes a record: one place for the writer and the queries. */
final class SessionRows {
    static final String SESSION_COLUMNS = "id, project_id, cwd, app_title, custom_title, ai_title, summary, "
            + "first_prompt, last_prompt, git_branch, first_activity_at, last_activity_at, message_count, models, "
            + "input_tokens, output_tokens, cost_by_start, hidden, next_seq";
    /** The summary's columns beyond the session row: when its files vanished, what it was forked from (V11). */
    static final String SUMMARY_EXTRAS = ", archived_at, "
            + "(SELECT f.forked_from FROM session_forks f WHERE f.session_id = sessions.id) AS forked_from";

    static final String FILE_COLUMNS =
            "path, session_id, size, modified_at, file_key, indexed_offset, last_message_id, bad_lines";
    static final String FILE_SELECT = FILE_COLUMNS + ", archived_at";

    private SessionRows() {}

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

    static IndexedSession mapSession(ResultSet rs, StatementContext ctx) throws SQLException {
        return new IndexedSession(
                new SessionId(rs.getString("id")),
                projectId(rs.getString("project_id")),
                rs.getString("cwd"),
                rs.getString("app_title"),
                rs.getString("custom_title"),
                rs.getString("ai_title"),
                rs.getString("summary"),
                rs.getString("first_prompt"),
                rs.getString("last_prompt"),
                rs.getString("git_branch"),
                instant(rs, "first_activity_at"),
                instant(rs, "last_activity_at"),
                rs.getLong("message_count"),
                decodeModels(rs.getString("models")),
                rs.getLong("input_tokens"),
                rs.getLong("output_tokens"),
                decodeCosts(rs.getString("cost_by_start")),
                flag(rs, "hidden"),
                rs.getLong("next_seq"));
    }

    static SessionSummary mapSummary(ResultSet rs, StatementContext ctx) throws SQLException {
        IndexedSession s = mapSession(rs, ctx);
        return new SessionSummary(
                s.id(),
                s.projectId(),
                s.title(),
                s.firstActivityAt(),
                s.lastActivityAt(),
                s.messageCount(),
                new TreeSet<>(s.models()).stream().toList(),
                s.inputTokens(),
                s.outputTokens(),
                s.costUsd(),
                s.gitBranch(),
                s.lastPrompt(),
                s.hidden(),
                instant(rs, "archived_at"),
                forkedFrom(rs.getString("forked_from")));
    }

    private static SessionId forkedFrom(String origin) {
        return origin == null ? null : new SessionId(origin);
    }

    static FileState mapFile(ResultSet rs, StatementContext ctx) throws SQLException {
        return new FileState(
                rs.getString("path"),
                new SessionId(rs.getString("session_id")),
                rs.getLong("size"),
                instant(rs, "modified_at"),
                rs.getString("file_key"),
                rs.getLong("indexed_offset"),
                rs.getString("last_message_id"),
                rs.getInt("bad_lines"),
                instant(rs, "archived_at"));
    }

    static MessageLine mapLine(ResultSet rs, StatementContext ctx) throws SQLException {
        return new MessageLine(
                rs.getLong("seq"),
                new LineRef(rs.getString("file_path"), rs.getLong("byte_offset"), rs.getInt("byte_length")));
    }

    static ProjectId projectId(String text) {
        return new ProjectId(UUID.fromString(text));
    }
}
