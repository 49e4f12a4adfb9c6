package dev.ccui.adapters.persistence.health;

import dev.ccui.adapters.persistence.db.Database;
import dev.ccui.application.health.port.in.ProbeResult;
import dev.ccui.application.health.port.out.HealthProbe;
import java.util.Map;

/** A round trip to the database; without it nothing works, so it is required. */
public final class DatabaseHealthProbe implements HealthProbe {
    private final Database database;

    public DatabaseHealthProbe(Database database) {
        this.database = database;
    }

    @Override
    public String name() {
        return "database";
    }

    @Override
    public boolean required() {
        return true;
    }

    @Override
    public boolean costly() {
        return true;
    }

    @Override
    public ProbeResult check() {
        long start = System.nanoTime();
        String vendor = database.vendor().migrationFolder();
        try {
            database.jdbi()
                    .withHandle(
                            h -> h.createQuery("SELECT 1").mapTo(Integer.class).one());
            long latencyMs = (System.nanoTime() - start) / 1_000_000;
            var pool = database.poolStats();
            return new ProbeResult(
                    ProbeResult.UP,
                    latencyMs,
                    Map.of("vendor", vendor, "poolActive", pool.active(), "poolIdle", pool.idle()));
        } catch (RuntimeException e) {
            return new ProbeResult(
                    ProbeResult.DOWN,
                    (System.nanoTime() - start) / 1_000_000,
                    Map.of("vendor", vendor, "error", "database unreachable"));
        }
    }
}
