package dev.ccui.application.alert;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ccui.application.alert.port.in.ReportIncidentsUseCase;
import dev.ccui.application.events.AppEvent;
import dev.ccui.application.health.port.in.HealthReport;
import dev.ccui.application.testing.SyncEventBus;
import dev.ccui.domain.run.LoggedRunEvent;
import dev.ccui.domain.run.RunEvent;
import dev.ccui.domain.run.RunId;
import dev.ccui.domain.session.SessionId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class RunFailureAlertsTest {
    private final List<String> crashed = new ArrayList<>();
    private final SyncEventBus bus = new SyncEventBus();

    @Test
    void aRunThatEndsAsFailedIsReportedOnceAndOtherEndsAreNot() throws Exception {
        RunId failed = RunId.random();
        try (var listening = new RunFailureAlerts(recorder()).listenTo(bus)) {
            bus.publish(ended(failed, RunEvent.EndReason.FAILED));
            bus.publish(ended(RunId.random(), RunEvent.EndReason.COMPLETED));
            bus.publish(ended(RunId.random(), RunEvent.EndReason.INTERRUPTED));
            bus.publish(ended(RunId.random(), RunEvent.EndReason.LOST));
        }
        assertThat(crashed).containsExactly(failed + ": the run ended as failed");

        bus.publish(ended(RunId.random(), RunEvent.EndReason.FAILED));
        assertThat(crashed).as("after the subscription is closed").hasSize(1);
    }

    private static AppEvent ended(RunId run, RunEvent.EndReason reason) {
        return new AppEvent.RunEventLogged(new LoggedRunEvent(new SessionId(UUID.randomUUID().toString()), run, 7,
                Instant.now(), new RunEvent.RunEnded(reason)));
    }

    private ReportIncidentsUseCase recorder() {
        return new ReportIncidentsUseCase() {
            @Override
            public void loginFailed(String ip) {
            }

            @Override
            public void recordRequest(int status) {
            }

            @Override
            public void runCrashed(String runId, String detail) {
                crashed.add(runId + ": " + detail);
            }

            @Override
            public void healthChecked(HealthReport report) {
            }

            @Override
            public void checkDisk() {
            }
        };
    }
}
