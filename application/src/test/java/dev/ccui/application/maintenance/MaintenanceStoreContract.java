package dev.ccui.application.maintenance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ccui.application.maintenance.port.out.MaintenanceStore;
import dev.ccui.domain.maintenance.MaintenanceState;
import dev.ccui.domain.user.UserId;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** One contract for the maintenance store, run against every database we support and the in-memory fake. */
public abstract class MaintenanceStoreContract {
    private static final Instant T0 = Instant.parse("2026-11-27T10:00:00.123Z");

    /** A store over the one shared state of this test: a second call stands for another node. */
    protected abstract MaintenanceStore store();

    @Test
    void aFreshStoreIsNotInMaintenance() {
        assertThat(store().load()).isEqualTo(MaintenanceState.OFF);
    }

    @Test
    void theLastSavedStateIsWhatEveryReaderSees() {
        UserId admin = UserId.random();
        var on = new MaintenanceState(true, "upgrading the database — back soon", T0, admin, "root");
        MaintenanceStore store = store();
        store.save(on);
        assertThat(store.load()).isEqualTo(on);
        assertThat(store().load()).as("another node").isEqualTo(on);

        var off = new MaintenanceState(false, null, T0.plusSeconds(600), admin, "root");
        store().save(off);
        assertThat(store.load()).isEqualTo(off);
    }
}
