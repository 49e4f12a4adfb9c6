package dev.ccui.adapters.persistence.run;

import static dev.ccui.adapters.persistence.db.Rows.millis;

import dev.ccui.application.run.port.out.NodeHeartbeats;
import dev.ccui.domain.run.NodeId;
import java.time.Instant;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/** One {@code app_nodes} row per node, upserted on every beat (same SQL on SQLite and PostgreSQL). */
public final class JdbiNodeHeartbeats implements NodeHeartbeats {
    private final Jdbi jdbi;

    public JdbiNodeHeartbeats(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public void beat(NodeId node, Instant at) {
        jdbi.useHandle(h -> h.createUpdate("INSERT INTO app_nodes (id, heartbeat_at) VALUES (:id, :at) "
                        + "ON CONFLICT (id) DO UPDATE SET heartbeat_at = excluded.heartbeat_at")
                .bind("id", node.value())
                .bind("at", millis(at))
                .execute());
    }

    @Override
    public Optional<Instant> lastBeat(NodeId node) {
        return jdbi.withHandle(h -> h.createQuery("SELECT heartbeat_at FROM app_nodes WHERE id = :id")
                .bind("id", node.value())
                .mapTo(Long.class)
                .findOne()
                .map(Instant::ofEpochMilli));
    }
}
