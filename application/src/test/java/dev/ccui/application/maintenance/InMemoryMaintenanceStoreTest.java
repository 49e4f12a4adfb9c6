package dev.ccui.application.maintenance;

import dev.ccui.application.maintenance.port.out.MaintenanceStore;
import dev.ccui.application.testing.InMemoryMaintenanceStore;

/** The in-memory maintenance store the use-case tests use, held to the databases' contract. */
class InMemoryMaintenanceStoreTest extends MaintenanceStoreContract {
    private final InMemoryMaintenanceStore store = new InMemoryMaintenanceStore();

    @Override
    protected MaintenanceStore store() {
        return store;
    }
}
