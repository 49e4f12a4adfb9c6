package dev.ccui.application.alert;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ccui.application.alert.port.out.DiskSpace;
import dev.ccui.application.testing.MutableClock;
import dev.ccui.application.testing.SyncEventBus;
import dev.ccui.domain.events.AppEvent;
import dev.ccui.domain.run.LoggedRunEvent;
import dev.ccui.domain.run.RunEvent;
import dev.ccui.domain.run.RunId;
import dev.ccui.domain.session.SessionId;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class RunFailureAlertsTest {
    private final AlertServiceTest.RecordingSink sink = new AlertServiceTest.RecordingSink();
    private final AlertService alerts = new AlertService(
            sink,
            () -> new DiskSpace.Usage(50L << 30, 100L << 30),
            new MutableClock(Instant.now()),
            AlertSettings.defaults());
    private final SyncEventBus bus = new SyncEventBus();

    @Test
    void aRunThatEndsAsFailedRaisesAnAlertAndOtherEndsDoNot() throws Exception {
        RunId failed = RunId.random();
        try (var listening = new RunFailureAlerts(alerts).listenTo(bus)) {
            bus.publish(ended(RunId.random(), RunEvent.EndReason.COMPLETED));
            bus.publish(ended(RunId.random(), RunEvent.EndReason.INTERRUPTED));
            bus.publish(ended(RunId.random(), RunEvent.EndReason.LOST));
            assertThat(sink.alerts).isEmpty();

            bus.publish(ended(failed, RunEvent.EndReason.FAILED));
        }
        assertThat(sink.alerts)
                .singleElement()
                .satisfies(
                        alert -> assertThat(alert.detail()).isEqualTo("run " + failed + ": the run ended as failed"));
    }

    private static AppEvent ended(RunId run, RunEvent.EndReason reason) {
        return new AppEvent.RunEventLogged(new LoggedRunEvent(
                new SessionId(UUID.randomUUID().toString()), run, 7, Instant.now(), new RunEvent.RunEnded(reason)));
    }
}
