package dev.ccui.application.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ccui.application.testing.InMemoryRunStore;
import dev.ccui.application.testing.MutableClock;
import dev.ccui.application.testing.SyncEventBus;
import dev.ccui.domain.project.ProjectId;
import dev.ccui.domain.run.LoggedRunEvent;
import dev.ccui.domain.run.NodeId;
import dev.ccui.domain.run.Run;
import dev.ccui.domain.run.RunEvent;
import dev.ccui.domain.run.RunId;
import dev.ccui.domain.run.RunState;
import dev.ccui.domain.session.SessionId;
import dev.ccui.domain.user.UserId;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Which runs a node ends as lost, on the in-memory store every node of a test shares. */
class NodeJanitorTest {
    private static final Instant T0 = Instant.parse("2026-05-01T12:00:00Z");
    private static final NodeId HERE = new NodeId("node-a");
    private static final NodeId LIVE = new NodeId("node-b");
    private static final NodeId SILENT = new NodeId("node-c");

    private final MutableClock clock = new MutableClock(T0);
    private final InMemoryRunStore store = new InMemoryRunStore();

    private NodeJanitor janitor(NodeId node) {
        var settings = new RunSettings(3, 10, Duration.ofMinutes(5), Duration.ofDays(30), node, Duration.ofMinutes(2));
        return new NodeJanitor(
                store, store, store, new RunEventPublisher(store, new SyncEventBus(), clock), clock, settings);
    }

    private Run activeRunOn(NodeId node) {
        Run run = new Run(
                RunId.random(),
                new SessionId(UUID.randomUUID().toString()),
                ProjectId.random(),
                UserId.random(),
                RunState.RUNNING,
                UUID.randomUUID().toString(),
                clock.instant(),
                null,
                node);
        store.insert(run);
        return run;
    }

    private RunState state(Run run) {
        return store.findById(run.id()).orElseThrow().state();
    }

    private long lostEvents(Run run) {
        return store.all(run.sessionId()).stream()
                .map(LoggedRunEvent::event)
                .filter(new RunEvent.RunEnded(RunEvent.EndReason.LOST)::equals)
                .count();
    }

    @Test
    void theRunsOfANodeSilentForTooLongAreLostButNeverThoseOfANodeThatBeats() {
        NodeJanitor here = janitor(HERE);
        NodeJanitor live = janitor(LIVE);
        janitor(SILENT).heartbeat();
        Run silents = activeRunOn(SILENT);
        Run lives = activeRunOn(LIVE);

        clock.advance(Duration.ofSeconds(90));
        live.heartbeat();
        here.heartbeat();
        assertThat(state(silents)).as("silent for less than two minutes").isEqualTo(RunState.RUNNING);

        clock.advance(Duration.ofSeconds(31));
        live.heartbeat();
        here.heartbeat();

        assertThat(state(silents)).isEqualTo(RunState.LOST);
        assertThat(lostEvents(silents)).isEqualTo(1);
        assertThat(state(lives)).isEqualTo(RunState.RUNNING);
        assertThat(lostEvents(lives)).isZero();
    }

    @Test
    void aRunSeveralNodesFindIsEndedOnce() {
        janitor(SILENT).heartbeat();
        Run silents = activeRunOn(SILENT);
        clock.advance(Duration.ofMinutes(3));

        janitor(HERE).heartbeat();
        janitor(LIVE).heartbeat();

        assertThat(lostEvents(silents)).isEqualTo(1);
    }

    @Test
    void onRestartThisNodesRunsWithoutAProcessAreLostAndTheOthersOfALiveNodeAreLeftAlone() {
        janitor(LIVE).heartbeat();
        Run orphan = activeRunOn(HERE);
        Run stillHere = activeRunOn(HERE);
        Run lives = activeRunOn(LIVE);

        janitor(HERE).recover(sessionId -> sessionId.equals(stillHere.sessionId()));

        assertThat(state(orphan)).isEqualTo(RunState.LOST);
        assertThat(state(stillHere)).isEqualTo(RunState.RUNNING);
        assertThat(state(lives)).isEqualTo(RunState.RUNNING);
    }

    @Test
    void aRunRecordedWithoutANodeIsLostToTheFirstNodeThatLooks() {
        Run legacy = activeRunOn(null);

        janitor(HERE).heartbeat();

        assertThat(state(legacy)).isEqualTo(RunState.LOST);
    }
}
