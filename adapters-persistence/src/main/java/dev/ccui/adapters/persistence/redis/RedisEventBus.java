package dev.ccui.adapters.persistence.redis;

import dev.ccui.adapters.persistence.events.InMemoryEventBus;
import dev.ccui.application.events.port.out.EventBus;
import dev.ccui.domain.events.AppEvent;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Application events for every node: local listeners get this node's events directly (so a
 * node alone, or one cut off from Redis, still works) and the events are published as JSON on
 * the {@code events} channel; events from other nodes are delivered to local listeners on the
 * Redis worker thread, in order. Each message carries the publishing node's id so a node drops
 * its own echo. Delivery across nodes is at most once: Redis pub/sub keeps nothing for a node
 * that is disconnected, which suits change notifications the browsers re-query anyway.
 */
public final class RedisEventBus implements EventBus, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(RedisEventBus.class);

    private final RedisConnection redis;
    private final String nodeId;
    private final String channel;
    private final EventJson json = new EventJson();
    private final InMemoryEventBus local = new InMemoryEventBus();
    private final Outage outage;
    private final RedisConnection.Subscription subscription;

    public RedisEventBus(RedisConnection redis) {
        this(redis, UUID.randomUUID().toString());
    }

    public RedisEventBus(RedisConnection redis, String nodeId) {
        this.redis = redis;
        this.nodeId = Objects.requireNonNull(nodeId, "nodeId");
        this.channel = redis.key("events");
        this.outage = new Outage(redis, LOG, "events", "other nodes miss this node's events");
        this.subscription = redis.subscribe(channel, this::received);
    }

    @Override
    public void publish(AppEvent event) {
        local.publish(event);
        if (!outage.shouldTryRedis()) {
            return;
        }
        String message = json.write(nodeId, event);
        try {
            redis.async().publish(channel, message).whenComplete((receivers, error) -> {
                if (error == null) {
                    outage.succeeded();
                } else {
                    outage.failed(error);
                }
            });
        } catch (RuntimeException e) {
            outage.failed(e);
        }
    }

    @Override
    public AutoCloseable subscribe(Consumer<AppEvent> listener) {
        return local.subscribe(listener);
    }

    private void received(String message) {
        json.read(message)
                .ifPresentOrElse(
                        envelope -> {
                            if (!nodeId.equals(envelope.node())) {
                                local.publish(envelope.event());
                            }
                        },
                        () -> LOG.debug("dropped an event message this node does not understand"));
    }

    @Override
    public void close() {
        subscription.close();
    }
}
