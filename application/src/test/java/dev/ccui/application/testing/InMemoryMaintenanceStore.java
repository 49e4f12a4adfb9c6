package dev.ccui.application.testing;

import dev.ccui.application.maintenance.port.out.MaintenanceStore;
import dev.ccui.domain.maintenance.MaintenanceState;
import java.util.concurrent.atomic.AtomicInteger;

/** The shared maintenance state in memory; counts reads and can fail them, like a database away. */
public final class InMemoryMaintenanceStore implements MaintenanceStore {
    private volatile MaintenanceState state = MaintenanceState.OFF;
    private volatile boolean failing;
    public final AtomicInteger loads = new AtomicInteger();

    @Override
    public MaintenanceState load() {
        loads.incrementAndGet();
        if (failing) {
            throw new IllegalStateException("database unreachable");
        }
        return state;
    }

    @Override
    public void save(MaintenanceState newState) {
        state = newState;
    }

    public void failing(boolean fail) {
        failing = fail;
    }
}
