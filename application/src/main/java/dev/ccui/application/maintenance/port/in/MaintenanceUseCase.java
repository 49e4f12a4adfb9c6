package dev.ccui.application.maintenance.port.in;

import dev.ccui.application.common.ClientInfo;
import dev.ccui.domain.auth.Principal;
import dev.ccui.domain.error.UnavailableException;
import dev.ccui.domain.maintenance.MaintenanceState;

/** Maintenance mode: admins switch the whole service (every node) to read-only and back. */
public interface MaintenanceUseCase {

    /** Never in maintenance, and cannot be switched (compositions without a store, HTTP-only tests). */
    MaintenanceUseCase OFF = new MaintenanceUseCase() {
        @Override
        public MaintenanceState state() {
            return MaintenanceState.OFF;
        }

        @Override
        public MaintenanceState change(Principal caller, ChangeMaintenanceCommand command, ClientInfo client) {
            throw new UnavailableException("maintenance mode is not available in this composition");
        }

        @Override
        public void requireWritable() {}
    };

    /** The current state, at most a few seconds old on this node. */
    MaintenanceState state();

    /** Switches maintenance on or off for every node (admins only); audited. */
    MaintenanceState change(Principal caller, ChangeMaintenanceCommand command, ClientInfo client);

    /**
     * Refuses a change while in maintenance.
     *
     * @throws UnavailableException with code {@code MAINTENANCE} and a retry delay
     */
    void requireWritable();
}
