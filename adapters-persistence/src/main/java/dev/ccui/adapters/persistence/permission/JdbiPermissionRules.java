package dev.ccui.adapters.persistence.permission;

import static dev.ccui.adapters.persistence.db.Rows.instant;
import static dev.ccui.adapters.persistence.db.Rows.millis;

import dev.ccui.application.permission.port.out.PermissionRuleStore;
import dev.ccui.domain.permission.PermissionRule;
import dev.ccui.domain.permission.PermissionRuleId;
import dev.ccui.domain.project.ProjectId;
import dev.ccui.domain.user.UserId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.StatementContext;

/** {@code permission_rules} (V14) and the account-wide {@code account_permission_rules} (V16). */
public final class JdbiPermissionRules implements PermissionRuleStore {
    private static final String COLUMNS = "id, project_id, user_id, behavior, rule, created_by, created_at";
    /** An account-wide rule read in the columns of a project's: no project, made by its person. */
    private static final String ACCOUNT_COLUMNS =
            "id, NULL AS project_id, user_id, behavior, rule, user_id AS created_by, created_at";

    private final Jdbi jdbi;

    public JdbiPermissionRules(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public List<PermissionRule> ofProject(ProjectId projectId) {
        return oldestFirst(
                "SELECT " + COLUMNS + " FROM permission_rules WHERE project_id = :key", projectId.toString());
    }

    @Override
    public List<PermissionRule> ofUser(UserId userId) {
        return oldestFirst(
                "SELECT " + ACCOUNT_COLUMNS + " FROM account_permission_rules WHERE user_id = :key", userId.toString());
    }

    /** The rules {@code select} finds by its one {@code :key}, oldest first. */
    private List<PermissionRule> oldestFirst(String select, String key) {
        return jdbi.withHandle(h -> h.createQuery(select + " ORDER BY created_at, id")
                .bind("key", key)
                .map(JdbiPermissionRules::map)
                .list());
    }

    @Override
    public Optional<PermissionRule> find(PermissionRuleId id) {
        return jdbi.withHandle(h -> h.createQuery("SELECT " + COLUMNS + " FROM permission_rules WHERE id = :id"
                        + " UNION ALL SELECT " + ACCOUNT_COLUMNS + " FROM account_permission_rules WHERE id = :id")
                .bind("id", id.toString())
                .map(JdbiPermissionRules::map)
                .findFirst());
    }

    @Override
    public void insert(PermissionRule rule) {
        if (rule.accountWide()) {
            jdbi.useHandle(h -> h.createUpdate("INSERT INTO account_permission_rules"
                            + " (id, user_id, behavior, rule, created_at) VALUES (:id, :user, :behavior, :rule, :at)")
                    .bind("id", rule.id().toString())
                    .bind("user", rule.userId().toString())
                    .bind("behavior", rule.behavior().apiName())
                    .bind("rule", rule.rule())
                    .bind("at", millis(rule.createdAt()))
                    .execute());
            return;
        }
        jdbi.useHandle(h -> h.createUpdate("INSERT INTO permission_rules (" + COLUMNS
                        + ") VALUES (:id, :project, :user, :behavior, :rule, :by, :at)")
                .bind("id", rule.id().toString())
                .bind("project", rule.projectId().toString())
                .bind("user", rule.userId() == null ? null : rule.userId().toString())
                .bind("behavior", rule.behavior().apiName())
                .bind("rule", rule.rule())
                .bind("by", rule.createdBy() == null ? null : rule.createdBy().toString())
                .bind("at", millis(rule.createdAt()))
                .execute());
    }

    @Override
    public boolean delete(PermissionRuleId id) {
        return jdbi.inTransaction(h -> h.createUpdate("DELETE FROM permission_rules WHERE id = :id")
                                .bind("id", id.toString())
                                .execute()
                        + h.createUpdate("DELETE FROM account_permission_rules WHERE id = :id")
                                .bind("id", id.toString())
                                .execute())
                == 1;
    }

    private static PermissionRule map(ResultSet rs, StatementContext ctx) throws SQLException {
        String user = rs.getString("user_id");
        String by = rs.getString("created_by");
        String project = rs.getString("project_id");
        return new PermissionRule(
                new PermissionRuleId(UUID.fromString(rs.getString("id"))),
                project == null ? null : new ProjectId(UUID.fromString(project)),
                user == null ? null : new UserId(UUID.fromString(user)),
                PermissionRule.Behavior.valueOf(rs.getString("behavior").toUpperCase(Locale.ROOT)),
                rs.getString("rule"),
                by == null ? null : new UserId(UUID.fromString(by)),
                instant(rs, "created_at"));
    }
}
