package dev.ccui.adapters.persistence.maintenance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ccui.adapters.persistence.OpenDatabase;
import dev.ccui.adapters.persistence.TestDatabases;
import dev.ccui.application.maintenance.MaintenanceStoreContract;
import dev.ccui.application.maintenance.port.out.MaintenanceStore;
import dev.ccui.domain.maintenance.MaintenanceState;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The maintenance store contract on a database; subclasses say which. */
abstract class JdbiMaintenanceStoreContract extends MaintenanceStoreContract {
    @RegisterExtension
    final OpenDatabase db = new OpenDatabase(this::open);

    protected abstract TestDatabases.Opened open(Path folder);

    @Override
    protected MaintenanceStore store() {
        return new JdbiMaintenanceStore(db.database().jdbi());
    }

    @Test
    void everySaveReplacesTheOneRow() {
        store().save(new MaintenanceState(true, "first", Instant.EPOCH, null, "root"));
        store().save(new MaintenanceState(false, null, Instant.EPOCH.plusSeconds(1), null, "root"));
        int rows = db.database()
                .jdbi()
                .withHandle(h -> h.createQuery("SELECT COUNT(*) FROM maintenance_mode")
                        .mapTo(Integer.class)
                        .one());
        assertThat(rows).isEqualTo(1);
    }
}
