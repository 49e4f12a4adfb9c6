package dev.ccui.adapters.persistence.audit;

import static dev.ccui.adapters.persistence.db.Rows.flag;
import static dev.ccui.adapters.persistence.db.Rows.instant;
import static dev.ccui.adapters.persistence.db.Rows.millis;

import dev.ccui.application.audit.port.out.AuditRepository;
import dev.ccui.domain.audit.AuditAction;
import dev.ccui.domain.audit.AuditEntry;
import dev.ccui.domain.audit.AuditFilter;
import dev.ccui.domain.user.UserId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.StatementContext;

public final class JdbiAuditRepository implements AuditRepository {
    private static final String COLUMNS = "id, at, actor_user_id, actor_username, action, target, ip, success, detail";

    private final Jdbi jdbi;

    public JdbiAuditRepository(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public long append(AuditEntry entry) {
        return jdbi.withHandle(h -> h.createUpdate("INSERT INTO audit_log "
                        + "(at, actor_user_id, actor_username, action, target, ip, success, detail) VALUES "
                        + "(:at, :actorUserId, :actorUsername, :action, :target, :ip, :success, :detail)")
                .bind("at", millis(entry.at()))
                .bind(
                        "actorUserId",
                        entry.actorUserId() == null ? null : entry.actorUserId().toString())
                .bind("actorUsername", entry.actorUsername())
                .bind("action", entry.action().code())
                .bind("target", entry.target())
                .bind("ip", entry.ip())
                .bind("success", flag(entry.success()))
                .bind("detail", entry.detail())
                .executeAndReturnGeneratedKeys("id")
                .mapTo(Long.class)
                .one());
    }

    @Override
    public List<AuditEntry> list(int limit, Long beforeId, AuditFilter filter) {
        StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM audit_log WHERE id < :before");
        if (filter.username() != null) {
            sql.append(" AND LOWER(actor_username) = :username");
        }
        if (filter.action() != null) {
            sql.append(" AND action = :action");
        }
        if (filter.success() != null) {
            sql.append(" AND success = :success");
        }
        sql.append(" ORDER BY id DESC LIMIT :limit");
        return jdbi.withHandle(h -> {
            var query = h.createQuery(sql.toString())
                    .bind("before", beforeId == null ? Long.MAX_VALUE : beforeId)
                    .bind("limit", limit);
            if (filter.username() != null) {
                query.bind("username", filter.username());
            }
            if (filter.action() != null) {
                query.bind("action", filter.action().code());
            }
            if (filter.success() != null) {
                query.bind("success", flag(filter.success()));
            }
            return query.map(JdbiAuditRepository::map).list();
        });
    }

    private static AuditEntry map(ResultSet rs, StatementContext ctx) throws SQLException {
        String actor = rs.getString("actor_user_id");
        return new AuditEntry(
                rs.getLong("id"),
                instant(rs, "at"),
                actor == null ? null : new UserId(UUID.fromString(actor)),
                rs.getString("actor_username"),
                AuditAction.fromCode(rs.getString("action")),
                rs.getString("target"),
                rs.getString("ip"),
                flag(rs, "success"),
                rs.getString("detail"));
    }
}
