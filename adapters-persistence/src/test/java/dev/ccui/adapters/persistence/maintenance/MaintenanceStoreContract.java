package dev.ccui.adapters.persistence.maintenance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ccui.adapters.persistence.DatabaseContract;
import dev.ccui.domain.maintenance.MaintenanceState;
import dev.ccui.domain.user.UserId;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** One contract for the maintenance store, run against every database we support. */
abstract class MaintenanceStoreContract extends DatabaseContract {
    private static final Instant T0 = Instant.parse("2026-11-27T10:00:00.123Z");

    private JdbiMaintenanceStore store() {
        return new JdbiMaintenanceStore(database().jdbi());
    }

    @Test
    void aFreshDatabaseIsNotInMaintenance() {
        assertThat(store().load()).isEqualTo(MaintenanceState.OFF);
    }

    @Test
    void theLastSavedStateIsWhatEveryReaderSees() {
        UserId admin = UserId.random();
        var on = new MaintenanceState(true, "upgrading the database — back soon", T0, admin, "root");
        store().save(on);
        assertThat(store().load()).isEqualTo(on);
        // A second store over the same database stands for another node.
        assertThat(new JdbiMaintenanceStore(database().jdbi()).load()).isEqualTo(on);

        var off = new MaintenanceState(false, null, T0.plusSeconds(600), admin, "root");
        store().save(off);
        assertThat(store().load()).isEqualTo(off);
        int rows = database().jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM maintenance_mode")
                .mapTo(Integer.class).one());
        assertThat(rows).isEqualTo(1);
    }
}
