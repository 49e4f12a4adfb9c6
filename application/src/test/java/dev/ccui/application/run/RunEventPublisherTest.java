package dev.ccui.application.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ccui.application.testing.InMemoryRunStore;
import dev.ccui.application.testing.MutableClock;
import dev.ccui.application.testing.SyncEventBus;
import dev.ccui.domain.events.AppEvent;
import dev.ccui.domain.run.LoggedRunEvent;
import dev.ccui.domain.run.RunEvent;
import dev.ccui.domain.run.RunId;
import dev.ccui.domain.session.SessionId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class RunEventPublisherTest {
    @Test
    void anEventReadsTheSameLiveAndReplayed() throws Exception {
        var store = new InMemoryRunStore();
        var bus = new SyncEventBus();
        List<LoggedRunEvent> live = new ArrayList<>();
        try (var ignored = bus.subscribe(e -> {
            if (e instanceof AppEvent.RunEventLogged logged) {
                live.add(logged.logged());
            }
        })) {
            // A clock with sub-millisecond digits, as the system clock has; the log keeps milliseconds.
            var clock = new MutableClock(Instant.parse("2026-12-03T10:00:00.123456789Z"));
            var session = new SessionId(UUID.randomUUID().toString());
            new RunEventPublisher(store, bus, clock)
                    .append(session, new RunId(UUID.randomUUID()), new RunEvent.AssistantText("m1", "hi", null));

            assertThat(live).hasSize(1);
            assertThat(live.getFirst().at()).isEqualTo(Instant.parse("2026-12-03T10:00:00.123Z"));
            assertThat(store.after(session, 0, 10)).containsExactlyElementsOf(live);
        }
    }
}
