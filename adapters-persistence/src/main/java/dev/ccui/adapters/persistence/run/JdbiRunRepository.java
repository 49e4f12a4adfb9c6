package dev.ccui.adapters.persistence.run;

import static dev.ccui.adapters.persistence.db.Rows.instant;
import static dev.ccui.adapters.persistence.db.Rows.millis;

import dev.ccui.application.run.port.out.RunRepository;
import dev.ccui.domain.project.ProjectId;
import dev.ccui.domain.run.NodeId;
import dev.ccui.domain.run.Run;
import dev.ccui.domain.run.RunId;
import dev.ccui.domain.run.RunState;
import dev.ccui.domain.session.SessionId;
import dev.ccui.domain.user.UserId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.StatementContext;

public final class JdbiRunRepository implements RunRepository {
    private static final String COLUMNS =
            "id, session_id, project_id, user_id, state, client_message_id, started_at, ended_at, node_id, model, effort";
    private static final String ACTIVE_STATES = Arrays.stream(RunState.values())
            .filter(s -> !s.isFinal())
            .map(s -> "'" + s.name() + "'")
            .collect(Collectors.joining(", ", "(", ")"));

    private final Jdbi jdbi;

    public JdbiRunRepository(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public boolean insert(Run run) {
        return jdbi.withHandle(h -> h.createUpdate("INSERT INTO runs (" + COLUMNS + ") VALUES "
                                + "(:id, :session, :project, :user, :state, :clientMessageId, :startedAt, :endedAt, :node, "
                                + ":model, :effort) "
                                + "ON CONFLICT DO NOTHING")
                        .bind("id", run.id().toString())
                        .bind("session", run.sessionId().value())
                        .bind("project", run.projectId().toString())
                        .bind("user", run.userId() == null ? null : run.userId().toString())
                        .bind("state", run.state().name())
                        .bind("clientMessageId", run.clientMessageId())
                        .bind("startedAt", millis(run.startedAt()))
                        .bind("endedAt", millis(run.endedAt()))
                        .bind("node", run.nodeId() == null ? null : run.nodeId().value())
                        .bind("model", run.model())
                        .bind("effort", run.effort())
                        .execute())
                == 1;
    }

    @Override
    public Optional<Run> findById(RunId id) {
        return jdbi.withHandle(h -> h.createQuery("SELECT " + COLUMNS + " FROM runs WHERE id = :id")
                .bind("id", id.toString())
                .map(JdbiRunRepository::map)
                .findOne());
    }

    @Override
    public Optional<Run> findByClientMessageId(UserId userId, String clientMessageId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT " + COLUMNS + " FROM runs "
                        + "WHERE user_id = :user AND client_message_id = :clientMessageId")
                .bind("user", userId.toString())
                .bind("clientMessageId", clientMessageId)
                .map(JdbiRunRepository::map)
                .findOne());
    }

    @Override
    public Optional<Run> latestOfSession(SessionId sessionId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT " + COLUMNS + " FROM runs WHERE session_id = :session "
                        + "ORDER BY started_at DESC, id LIMIT 1")
                .bind("session", sessionId.value())
                .map(JdbiRunRepository::map)
                .findOne());
    }

    @Override
    public Optional<Run> activeOfSession(SessionId sessionId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT " + COLUMNS + " FROM runs WHERE session_id = :session "
                        + "AND state IN " + ACTIVE_STATES + " LIMIT 1")
                .bind("session", sessionId.value())
                .map(JdbiRunRepository::map)
                .findOne());
    }

    @Override
    public void updateState(RunId id, RunState state, Instant endedAt) {
        jdbi.useHandle(h -> h.createUpdate("UPDATE runs SET state = :state, ended_at = :endedAt WHERE id = :id")
                .bind("id", id.toString())
                .bind("state", state.name())
                .bind("endedAt", millis(endedAt))
                .execute());
    }

    @Override
    public List<Run> list(UserId userId, boolean activeOnly, int limit) {
        String where =
                (userId == null ? "1 = 1" : "user_id = :user") + (activeOnly ? " AND state IN " + ACTIVE_STATES : "");
        return jdbi.withHandle(h -> {
            var query = h.createQuery("SELECT " + COLUMNS + " FROM runs WHERE " + where
                            + " ORDER BY started_at DESC, id LIMIT :limit")
                    .bind("limit", limit);
            if (userId != null) {
                query.bind("user", userId.toString());
            }
            return query.map(JdbiRunRepository::map).list();
        });
    }

    @Override
    public List<Run> activeOnNode(NodeId node) {
        return jdbi.withHandle(h -> h.createQuery("SELECT " + COLUMNS + " FROM runs WHERE state IN " + ACTIVE_STATES
                        + " AND node_id = :node ORDER BY started_at")
                .bind("node", node.value())
                .map(JdbiRunRepository::map)
                .list());
    }

    @Override
    public List<Run> activeOnSilentNodes(NodeId self, Instant heardBefore) {
        String columns = Arrays.stream(COLUMNS.split(", ")).map(c -> "r." + c).collect(Collectors.joining(", "));
        return jdbi.withHandle(h -> h.createQuery("SELECT " + columns
                        + " FROM runs r LEFT JOIN app_nodes n ON n.id = r.node_id "
                        + "WHERE r.state IN " + ACTIVE_STATES + " AND (r.node_id IS NULL OR r.node_id <> :self) "
                        + "AND (n.heartbeat_at IS NULL OR n.heartbeat_at < :heardBefore) ORDER BY r.started_at")
                .bind("self", self.value())
                .bind("heardBefore", millis(heardBefore))
                .map(JdbiRunRepository::map)
                .list());
    }

    @Override
    public boolean endIfActive(RunId id, RunState state, Instant endedAt) {
        return jdbi.withHandle(h -> h.createUpdate("UPDATE runs SET state = :state, ended_at = :endedAt "
                                + "WHERE id = :id AND state IN " + ACTIVE_STATES)
                        .bind("id", id.toString())
                        .bind("state", state.name())
                        .bind("endedAt", millis(endedAt))
                        .execute())
                == 1;
    }

    @Override
    public int deleteEndedBefore(Instant cutoff) {
        return jdbi.withHandle(h -> h.createUpdate("DELETE FROM runs WHERE ended_at IS NOT NULL AND ended_at < :cutoff")
                .bind("cutoff", millis(cutoff))
                .execute());
    }

    private static Run map(ResultSet rs, StatementContext ctx) throws SQLException {
        String user = rs.getString("user_id");
        String node = rs.getString("node_id");
        return new Run(
                new RunId(UUID.fromString(rs.getString("id"))),
                new SessionId(rs.getString("session_id")),
                new ProjectId(UUID.fromString(rs.getString("project_id"))),
                user == null ? null : new UserId(UUID.fromString(user)),
                RunState.valueOf(rs.getString("state")),
                rs.getString("client_message_id"),
                instant(rs, "started_at"),
                instant(rs, "ended_at"),
                node == null ? null : new NodeId(node),
                rs.getString("model"),
                rs.getString("effort"));
    }
}
