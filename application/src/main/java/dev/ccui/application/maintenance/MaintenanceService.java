package dev.ccui.application.maintenance;

import dev.ccui.application.audit.Auditor;
import dev.ccui.application.common.ClientInfo;
import dev.ccui.application.maintenance.port.in.ChangeMaintenanceCommand;
import dev.ccui.application.maintenance.port.in.MaintenanceUseCase;
import dev.ccui.application.maintenance.port.out.MaintenanceStore;
import dev.ccui.domain.audit.AuditAction;
import dev.ccui.domain.auth.Principal;
import dev.ccui.domain.error.ForbiddenException;
import dev.ccui.domain.error.UnavailableException;
import dev.ccui.domain.maintenance.MaintenanceState;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the shared maintenance state and answers from a short per-node cache: the check runs on
 * every unsafe request, so it must not cost a database round trip each time, yet a toggle on
 * another node must be seen within {@link MaintenanceSettings#cacheFor()}.
 */
public final class MaintenanceService implements MaintenanceUseCase {
    private static final Logger LOG = LoggerFactory.getLogger(MaintenanceService.class);
    static final String DEFAULT_MESSAGE =
            "The service is in maintenance: changes are paused, reading still works. Try again later.";

    private final MaintenanceStore store;
    private final Auditor auditor;
    private final Clock clock;
    private final MaintenanceSettings settings;
    private final Object reading = new Object();
    private volatile Cached cached;

    private record Cached(MaintenanceState state, Instant readAt) {}

    public MaintenanceService(MaintenanceStore store, Auditor auditor, Clock clock, MaintenanceSettings settings) {
        this.store = store;
        this.auditor = auditor;
        this.clock = clock;
        this.settings = settings;
    }

    @Override
    public MaintenanceState state() {
        Cached current = cached;
        if (current != null && fresh(current)) {
            return current.state();
        }
        synchronized (reading) {
            current = cached;
            if (current != null && fresh(current)) {
                return current.state();
            }
            MaintenanceState state;
            try {
                state = store.load();
            } catch (RuntimeException e) {
                // A database hiccup must not flip the service: keep what we knew (off if nothing),
                // and try again after the next interval rather than on every request.
                state = current == null ? MaintenanceState.OFF : current.state();
                LOG.warn(
                        "could not read the maintenance state, keeping {}: {}",
                        state.enabled() ? "on" : "off",
                        e.getMessage());
            }
            cached = new Cached(state, clock.instant());
            return state;
        }
    }

    private boolean fresh(Cached current) {
        return clock.instant().isBefore(current.readAt().plus(settings.cacheFor()));
    }

    @Override
    public MaintenanceState change(Principal caller, ChangeMaintenanceCommand command, ClientInfo client) {
        if (!caller.isAdmin()) {
            throw new ForbiddenException("admins only");
        }
        // Stored as epoch milliseconds: this node must answer the same instant the others read back.
        MaintenanceState next = new MaintenanceState(
                command.enabled(),
                command.enabled() ? command.message() : null,
                clock.instant().truncatedTo(ChronoUnit.MILLIS),
                caller.userId(),
                caller.username().value());
        synchronized (reading) {
            store.save(next);
            cached = new Cached(next, clock.instant());
        }
        auditor.record(
                AuditAction.MAINTENANCE_CHANGED,
                caller,
                command.enabled() ? "on" : "off",
                client,
                true,
                next.message());
        LOG.info(
                "maintenance mode turned {} by {}",
                command.enabled() ? "on" : "off",
                caller.username().value());
        return next;
    }

    @Override
    public void requireWritable() {
        MaintenanceState state = state();
        if (state.enabled()) {
            throw new UnavailableException(
                    "MAINTENANCE", state.message() == null ? DEFAULT_MESSAGE : state.message(), settings.retryAfter());
        }
    }
}
