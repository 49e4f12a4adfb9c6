package dev.ccui.adapters.persistence.redis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ccui.domain.events.AppEvent;
import dev.ccui.domain.events.AppEvent.IndexStatus;
import dev.ccui.domain.events.AppEvent.ProjectsChanged;
import dev.ccui.domain.history.IndexProgress;
import dev.ccui.domain.project.ProjectId;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

class RedisEventBusIT extends TwoRedisNodes {
    @Test
    void eventsFanOutToEveryNodeAndEachListenerGetsThemOnce() throws Exception {
        try (var busA = new RedisEventBus(nodeA, "node-a");
                var busB = new RedisEventBus(nodeB, "node-b")) {
            List<AppEvent> seenByA = new CopyOnWriteArrayList<>();
            List<AppEvent> seenByB = new CopyOnWriteArrayList<>();
            busA.subscribe(seenByA::add);
            busB.subscribe(seenByB::add);
            awaitSubscribed(nodeA, 2);

            var changed = new ProjectsChanged(Set.of(ProjectId.random()));
            busA.publish(changed);
            assertThat(seenByA).containsExactly(changed);
            TestRedis.await("node B received A's event", Duration.ofSeconds(2), () -> !seenByB.isEmpty());

            var status = new IndexStatus(new IndexProgress(
                    "watching",
                    2,
                    2,
                    10,
                    10,
                    0,
                    Instant.parse("2026-03-01T10:00:00Z"),
                    Instant.parse("2026-03-01T10:00:01Z"),
                    7));
            busB.publish(status);
            TestRedis.await("node A received B's event", Duration.ofSeconds(2), () -> seenByA.size() == 2);

            // Markers from the other node come after any echo Redis would have sent back.
            var markerFromB = new ProjectsChanged(Set.of());
            busB.publish(markerFromB);
            TestRedis.await("node A received B's marker", Duration.ofSeconds(2), () -> seenByA.size() == 3);
            var markerFromA = new ProjectsChanged(Set.of(ProjectId.random()));
            busA.publish(markerFromA);
            TestRedis.await("node B received A's marker", Duration.ofSeconds(2), () -> seenByB.contains(markerFromA));
            assertThat(seenByA).containsExactly(changed, status, markerFromB, markerFromA);
            assertThat(seenByB).containsExactly(changed, status, markerFromB, markerFromA);
        }
    }

    @Test
    void anotherNamespaceHearsNothingAndAClosedListenerStops() throws Exception {
        String otherNamespace = TestRedis.uniqueNamespace();
        try (var other = TestRedis.connect(otherNamespace);
                var busA = new RedisEventBus(nodeA, "node-a");
                var busB = new RedisEventBus(nodeB, "node-b");
                var busOther = new RedisEventBus(other, "node-o")) {
            List<AppEvent> seenByOther = new CopyOnWriteArrayList<>();
            List<AppEvent> seenByB = new CopyOnWriteArrayList<>();
            List<AppEvent> closedListener = new CopyOnWriteArrayList<>();
            busOther.subscribe(seenByOther::add);
            busB.subscribe(seenByB::add);
            busB.subscribe(closedListener::add).close();
            awaitSubscribed(nodeA, 2);
            TestRedis.await(
                    "the other namespace subscribed",
                    Duration.ofSeconds(2),
                    () -> other.sync().pubsubNumsub(otherNamespace + "events").get(otherNamespace + "events") == 1);

            busA.publish(new ProjectsChanged(Set.of(ProjectId.random())));
            busOther.publish(new ProjectsChanged(Set.of()));
            TestRedis.await("node B received A's event", Duration.ofSeconds(2), () -> seenByB.size() == 1);
            assertThat(seenByOther).hasSize(1);
            assertThat(closedListener).isEmpty();
        }
    }

    private void awaitSubscribed(RedisConnection redis, long subscribers) {
        String channel = namespace + "events";
        TestRedis.await(
                subscribers + " subscribers on " + channel,
                Duration.ofSeconds(2),
                () -> redis.sync().pubsubNumsub(channel).get(channel) == subscribers);
    }
}
