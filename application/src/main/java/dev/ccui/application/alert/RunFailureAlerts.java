package dev.ccui.application.alert;

import dev.ccui.application.alert.port.in.AlertUseCase;
import dev.ccui.application.events.port.out.EventBus;
import dev.ccui.domain.events.AppEvent;
import dev.ccui.domain.run.RunEvent;
import java.util.function.Consumer;

/**
 * A run that ends as failed is an incident: the operator hears of a crashing CLI from the alert
 * rules, not from a user. Listens to the run events every node logs.
 */
public final class RunFailureAlerts implements Consumer<AppEvent> {
    private final AlertUseCase incidents;

    public RunFailureAlerts(AlertUseCase incidents) {
        this.incidents = incidents;
    }

    /** Subscribes to {@code events}; closing the result stops listening. */
    public AutoCloseable listenTo(EventBus events) {
        return events.subscribe(this);
    }

    @Override
    public void accept(AppEvent event) {
        if (event instanceof AppEvent.RunEventLogged logged
                && logged.logged().event() instanceof RunEvent.RunEnded ended
                && ended.reason() == RunEvent.EndReason.FAILED) {
            incidents.runCrashed(logged.logged().runId(), "the run ended as failed");
        }
    }
}
