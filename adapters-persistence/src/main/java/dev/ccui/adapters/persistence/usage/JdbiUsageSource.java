package dev.ccui.adapters.persistence.usage;

import static dev.ccui.adapters.persistence.db.Rows.instant;
import static dev.ccui.adapters.persistence.db.Rows.millis;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ccui.application.usage.port.out.UsageSource;
import dev.ccui.domain.project.ProjectId;
import dev.ccui.domain.usage.UsageRecord;
import dev.ccui.domain.user.UserId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.Query;
import org.jdbi.v3.core.statement.StatementContext;

/**
 * Usage from two tables, the same SQL on SQLite and PostgreSQL: the run log's {@code result}
 * events (a turn each, with its run's user and the model of the turn's {@code run_started}), and
 * the index's sessions that no run of this app touched (their totals, at their last activity).
 * A session the app ran is counted from its turns only, so nothing is counted twice; the JSON
 * payloads are read here rather than in SQL, whose JSON functions differ between the two.
 */
public final class JdbiUsageSource implements UsageSource {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static final String TURNS = "SELECT e.at, r.project_id, p.name AS project_name, r.user_id, u.username,"
            + " e.payload,"
            + " (SELECT s.payload FROM run_events s WHERE s.run_id = e.run_id AND s.kind = 'run_started'"
            + "  AND s.seq < e.seq ORDER BY s.seq DESC LIMIT 1) AS started"
            + " FROM run_events e JOIN runs r ON r.id = e.run_id"
            + " LEFT JOIN projects p ON p.id = r.project_id LEFT JOIN users u ON u.id = r.user_id"
            + " WHERE e.kind = 'result' AND e.at >= :from AND e.at < :to";

    private static final String SESSIONS = "SELECT s.last_activity_at, s.project_id, p.name AS project_name,"
            + " s.models, s.input_tokens, s.output_tokens, s.cost_by_start"
            + " FROM sessions s JOIN projects p ON p.id = s.project_id"
            + " WHERE s.last_activity_at >= :from AND s.last_activity_at < :to"
            + " AND NOT EXISTS (SELECT 1 FROM runs r WHERE r.session_id = s.id)";

    private final Jdbi jdbi;

    public JdbiUsageSource(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public List<UsageRecord> records(Instant from, Instant to, Set<ProjectId> projects) {
        List<String> ids = projects == null
                ? null
                : projects.stream().map(ProjectId::toString).toList();
        return jdbi.withHandle(h -> {
            List<UsageRecord> records = new ArrayList<>();
            Query turns = h.createQuery(TURNS + (ids == null ? "" : " AND r.project_id IN (<projects>)"));
            Query sessions = h.createQuery(SESSIONS + (ids == null ? "" : " AND s.project_id IN (<projects>)"));
            for (Query query : List.of(turns, sessions)) {
                query.bind("from", millis(from)).bind("to", millis(to));
                if (ids != null) {
                    query.bindList("projects", ids);
                }
            }
            records.addAll(turns.map(JdbiUsageSource::turn).list());
            records.addAll(sessions.map(JdbiUsageSource::session).list());
            return records;
        });
    }

    private static UsageRecord turn(ResultSet rs, StatementContext ctx) throws SQLException {
        JsonNode result = json(rs.getString("payload"));
        JsonNode started = json(rs.getString("started"));
        String user = rs.getString("user_id");
        return new UsageRecord(
                instant(rs, "at"),
                new ProjectId(UUID.fromString(rs.getString("project_id"))),
                rs.getString("project_name"),
                started.path("model").isTextual() ? started.path("model").asText() : null,
                user == null ? null : new UserId(UUID.fromString(user)),
                rs.getString("username"),
                result.path("inputTokens").asLong()
                        + result.path("cacheReadInputTokens").asLong()
                        + result.path("cacheCreationInputTokens").asLong(),
                result.path("outputTokens").asLong(),
                result.path("costUsd").asDouble());
    }

    private static UsageRecord session(ResultSet rs, StatementContext ctx) throws SQLException {
        double cost = 0;
        String costs = rs.getString("cost_by_start");
        if (costs != null && !costs.isEmpty()) {
            for (String entry : costs.split(";")) {
                cost += Double.parseDouble(entry.substring(entry.indexOf('=') + 1));
            }
        }
        String models = rs.getString("models");
        return new UsageRecord(
                instant(rs, "last_activity_at"),
                new ProjectId(UUID.fromString(rs.getString("project_id"))),
                rs.getString("project_name"),
                models == null || models.isEmpty() ? null : models.replace(",", ", "),
                null,
                null,
                rs.getLong("input_tokens"),
                rs.getLong("output_tokens"),
                cost);
    }

    private static JsonNode json(String text) {
        if (text == null) {
            return JSON.missingNode();
        }
        try {
            return JSON.readTree(text);
        } catch (JsonProcessingException e) {
            return JSON.missingNode();
        }
    }
}
