package dev.ccui.adapters.persistence.redis;

import dev.ccui.application.run.port.out.RunCommand;
import dev.ccui.application.run.port.out.RunCommandRelay;
import dev.ccui.application.run.port.out.RunCommandReply;
import dev.ccui.domain.run.NodeId;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Run commands over Redis pub/sub: a node takes the commands for its runs on
 * {@code node-commands:<node id>} and each relay instance its replies on
 * {@code node-replies:<instance id>}. Pub/sub keeps nothing for a node that is briefly
 * disconnected, so the sender publishes the command again every {@link #RESEND_EVERY} with the
 * same id until a reply comes or its time is up; the owner's handler applies an id once. Commands
 * are applied on virtual threads, never on the Redis worker thread that also delivers replies.
 */
public final class RedisRunCommandRelay implements RunCommandRelay, AutoCloseable {
    static final Duration RESEND_EVERY = Duration.ofSeconds(1);
    private static final Logger LOG = LoggerFactory.getLogger(RedisRunCommandRelay.class);

    private final RedisConnection redis;
    private final String replyTo = UUID.randomUUID().toString();
    private final RunCommandJson json = new RunCommandJson();
    private final Map<String, CompletableFuture<RunCommandReply>> waiting = new ConcurrentHashMap<>();
    private final ExecutorService appliers = Executors.newVirtualThreadPerTaskExecutor();
    private final RedisConnection.Subscription replies;

    public RedisRunCommandRelay(RedisConnection redis) {
        this.redis = redis;
        this.replies = redis.subscribe(redis.key("node-replies:" + replyTo), this::replied);
    }

    @Override
    public boolean connected() {
        return true;
    }

    @Override
    public Optional<RunCommandReply> send(NodeId owner, RunCommand command, Duration timeout) {
        CompletableFuture<RunCommandReply> reply = new CompletableFuture<>();
        waiting.put(command.commandId(), reply);
        String channel = redis.key("node-commands:" + owner.value());
        String message = json.command(replyTo, command);
        long deadline = System.nanoTime() + timeout.toNanos();
        try {
            while (true) {
                publish(channel, message);
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return Optional.empty();
                }
                try {
                    return Optional.of(reply.get(Math.min(left, RESEND_EVERY.toNanos()), TimeUnit.NANOSECONDS));
                } catch (TimeoutException e) {
                    if (deadline - System.nanoTime() <= 0) {
                        return Optional.empty();
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        } catch (ExecutionException e) {
            return Optional.empty();
        } finally {
            waiting.remove(command.commandId());
        }
    }

    @Override
    public AutoCloseable serve(NodeId self, Function<RunCommand, RunCommandReply> handler) {
        return redis.subscribe(
                redis.key("node-commands:" + self.value()),
                message -> json.readCommand(message)
                        .ifPresentOrElse(
                                incoming -> appliers.execute(() -> {
                                    RunCommandReply reply = handler.apply(incoming.command());
                                    publish(
                                            redis.key("node-replies:" + incoming.replyTo()),
                                            json.reply(incoming.command().commandId(), reply));
                                }),
                                () -> LOG.debug("dropped a run command this node does not understand")));
    }

    private void replied(String message) {
        json.readReply(message).ifPresent(received -> {
            CompletableFuture<RunCommandReply> reply = waiting.get(received.commandId());
            if (reply != null) {
                reply.complete(received.reply());
            }
        });
    }

    /** Fire and forget: a lost command is sent again, a lost reply makes the sender send again. */
    private void publish(String channel, String message) {
        try {
            redis.async().publish(channel, message).whenComplete((receivers, error) -> {
                if (error != null) {
                    LOG.debug("publishing on {} failed: {}", channel, error.toString());
                }
            });
        } catch (RuntimeException e) {
            LOG.debug("publishing on {} failed: {}", channel, e.toString());
        }
    }

    @Override
    public void close() {
        replies.close();
        appliers.shutdownNow();
    }
}
