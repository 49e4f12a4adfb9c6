package dev.ccui.application.maintenance.port.out;

import dev.ccui.domain.maintenance.MaintenanceState;

/** Where the maintenance state lives so that every node sees the same one (the shared database). */
public interface MaintenanceStore {

    /** The stored state; {@link MaintenanceState#OFF} when it was never set. */
    MaintenanceState load();

    void save(MaintenanceState state);
}
