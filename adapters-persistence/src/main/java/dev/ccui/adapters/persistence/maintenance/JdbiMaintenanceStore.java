package dev.ccui.adapters.persistence.maintenance;

import static dev.ccui.adapters.persistence.db.Rows.flag;
import static dev.ccui.adapters.persistence.db.Rows.instant;
import static dev.ccui.adapters.persistence.db.Rows.millis;

import dev.ccui.application.maintenance.port.out.MaintenanceStore;
import dev.ccui.domain.maintenance.MaintenanceState;
import dev.ccui.domain.user.UserId;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;

/** The single {@code maintenance_mode} row; an upsert works the same on SQLite and PostgreSQL. */
public final class JdbiMaintenanceStore implements MaintenanceStore {
    private final Jdbi jdbi;

    public JdbiMaintenanceStore(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public MaintenanceState load() {
        return jdbi.withHandle(h -> h.createQuery(
                        "SELECT enabled, message, since, changed_by_id, changed_by_name FROM maintenance_mode WHERE id = 1")
                .map((rs, ctx) -> {
                    String by = rs.getString("changed_by_id");
                    return new MaintenanceState(
                            flag(rs, "enabled"),
                            rs.getString("message"),
                            instant(rs, "since"),
                            by == null ? null : new UserId(UUID.fromString(by)),
                            rs.getString("changed_by_name"));
                })
                .findOne()
                .orElse(MaintenanceState.OFF));
    }

    @Override
    public void save(MaintenanceState state) {
        if (state.since() == null) {
            throw new IllegalArgumentException("a stored maintenance state has a start time");
        }
        jdbi.useHandle(h -> h.createUpdate("INSERT INTO maintenance_mode (id, enabled, message, since, changed_by_id, "
                        + "changed_by_name) VALUES (1, :enabled, :message, :since, :byId, :byName) ON CONFLICT (id) DO UPDATE SET "
                        + "enabled = excluded.enabled, message = excluded.message, since = excluded.since, "
                        + "changed_by_id = excluded.changed_by_id, changed_by_name = excluded.changed_by_name")
                .bind("enabled", flag(state.enabled()))
                .bind("message", state.message())
                .bind("since", millis(state.since()))
                .bind("byId", state.byUserId() == null ? null : state.byUserId().toString())
                .bind("byName", state.byUsername())
                .execute());
    }
}
