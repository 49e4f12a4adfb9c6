package dev.ccui.adapters.persistence.redis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ccui.domain.events.AppEvent;
import dev.ccui.domain.run.LoggedRunEvent;
import dev.ccui.domain.run.RunEvent;
import dev.ccui.domain.run.RunId;
import dev.ccui.domain.session.SessionId;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Run events between nodes: the stored event JSON inside the versioned envelope. */
class RunEventMessageTest {
    private final EventJson json = new EventJson();

    @Test
    void runEventsRoundTripWithSessionSeqAndPayload() {
        var session = new SessionId("c0ffee00-0000-4000-8000-000000000001");
        List<RunEvent> events = List.of(
                new RunEvent.ToolUse("m", "toolu_1", "Write", Map.of("file_path", "/w/a", "n", 1), null),
                new RunEvent.Result(
                        "success",
                        false,
                        "ok",
                        1,
                        2,
                        3,
                        4,
                        0.25,
                        0.5,
                        10,
                        9,
                        1,
                        "end_turn",
                        null,
                        List.of(),
                        List.of(),
                        "s"),
                new RunEvent.RunEnded(RunEvent.EndReason.COMPLETED));
        long seq = 1;
        for (RunEvent event : events) {
            var logged = new AppEvent.RunEventLogged(new LoggedRunEvent(
                    session, RunId.random(), seq++, Instant.parse("2026-05-01T10:00:00.123Z"), event));
            assertThat(json.read(json.write("node-a", logged))).contains(new EventJson.Envelope("node-a", logged));
        }
    }

    @Test
    void aRunEventOfAnUnknownKindOrWithoutItsEventIsDropped() {
        assertThat(json.read("{\"v\":1,\"node\":\"n\",\"type\":\"run-event\",\"sessionId\":\"s\",\"runId\":\""
                        + RunId.random()
                        + "\",\"seq\":1,\"at\":\"2026-05-01T10:00:00Z\",\"kind\":\"nope\",\"event\":{}}"))
                .isEmpty();
        assertThat(json.read("{\"v\":1,\"node\":\"n\",\"type\":\"run-event\",\"sessionId\":\"s\",\"runId\":\""
                        + RunId.random() + "\",\"seq\":1,\"at\":\"2026-05-01T10:00:00Z\",\"kind\":\"status\"}"))
                .isEmpty();
    }
}
