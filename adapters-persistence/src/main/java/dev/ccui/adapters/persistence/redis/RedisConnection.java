package dev.ccui.adapters.persistence.redis;

import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisChannelHandler;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisConnectionException;
import io.lettuce.core.RedisConnectionStateListener;
import io.lettuce.core.RedisURI;
import io.lettuce.core.SocketOptions;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.async.RedisAsyncCommands;
import io.lettuce.core.api.sync.RedisCommands;
import io.lettuce.core.codec.ByteArrayCodec;
import io.lettuce.core.pubsub.RedisPubSubAdapter;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;
import io.lettuce.core.resource.ClientResources;
import io.lettuce.core.resource.Delay;
import java.net.SocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Redis connections of one node, shared by its Redis adapters: one for string commands,
 * one for Bucket4j's byte-array commands, one for pub/sub. Commands time out quickly and are
 * refused at once while disconnected, so callers can fall back instead of queueing behind an
 * outage; Lettuce reconnects on its own. When Redis is unreachable at startup the node starts
 * anyway and keeps trying in the background.
 *
 * <p>Every key and channel is prefixed with the namespace ({@code ccui:} in production, a unique
 * one per test run) so that several deployments or test runs can share one Redis.
 */
public final class RedisConnection implements AutoCloseable {
    public static final String DEFAULT_NAMESPACE = "ccui:";
    public static final Duration DEFAULT_COMMAND_TIMEOUT = Duration.ofMillis(500);

    private static final Logger LOG = LoggerFactory.getLogger(RedisConnection.class);
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(1);
    private static final Duration FIRST_CONNECT_RETRY = Duration.ofSeconds(1);

    private final String namespace;
    private final String address;
    private final ClientResources resources;
    private final RedisClient client;
    private final ScheduledExecutorService worker;
    private final Map<String, List<Consumer<String>>> handlers = new ConcurrentHashMap<>();
    private final List<Runnable> connectionListeners = new CopyOnWriteArrayList<>();
    private volatile Connections connections;
    private volatile boolean closed;

    /** Stops one handler; the channel stays subscribed for the others. */
    public interface Subscription extends AutoCloseable {
        @Override
        void close();
    }

    private record Connections(
            StatefulRedisConnection<String, String> text,
            StatefulRedisConnection<byte[], byte[]> bytes,
            StatefulRedisPubSubConnection<String, String> pubSub) {}

    /** Connects to {@code REDIS_URL} ({@code redis://[:password@]host:port[/db]} or {@code rediss://…}). */
    public static RedisConnection open(String url) {
        return new RedisConnection(url, DEFAULT_NAMESPACE, DEFAULT_COMMAND_TIMEOUT);
    }

    public RedisConnection(String url, String namespace, Duration commandTimeout) {
        Objects.requireNonNull(namespace, "namespace");
        Objects.requireNonNull(commandTimeout, "commandTimeout");
        RedisURI uri = parse(url);
        uri.setTimeout(commandTimeout);
        this.namespace = namespace;
        this.address = describe(uri);
        this.resources = ClientResources.builder()
                .ioThreadPoolSize(2)
                .computationThreadPoolSize(2)
                // Lettuce's default backoff grows to 30 s; a node should notice a restarted Redis within seconds.
                .reconnectDelay(
                        Delay.exponential(Duration.ofMillis(100), Duration.ofSeconds(2), 2, TimeUnit.MILLISECONDS))
                .build();
        this.client = RedisClient.create(resources, uri);
        client.setOptions(ClientOptions.builder()
                .autoReconnect(true)
                .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
                .timeoutOptions(TimeoutOptions.enabled(commandTimeout))
                .socketOptions(
                        SocketOptions.builder().connectTimeout(CONNECT_TIMEOUT).build())
                .build());
        client.addListener(new StateListener());
        this.worker = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "ccui-redis");
            thread.setDaemon(true);
            return thread;
        });
        if (!tryConnect()) {
            LOG.warn("Redis at {} is unreachable; the node starts without it and keeps trying", address);
            worker.schedule(this::connectUntilUp, FIRST_CONNECT_RETRY.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    /** Reads a {@code REDIS_URL}; the message of a bad one never repeats it, since it may hold a password. */
    static RedisURI parse(String url) {
        if (url == null || url.isBlank()) {
            throw new IllegalArgumentException("REDIS_URL is empty");
        }
        if (!url.startsWith("redis://") && !url.startsWith("rediss://")) {
            throw new IllegalArgumentException("REDIS_URL must start with redis:// or rediss://");
        }
        String expected = "REDIS_URL is not a valid Redis URL (expected redis://[:password@]host:port[/db])";
        RedisURI uri;
        try {
            uri = RedisURI.create(url);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(expected);
        }
        if (uri.getHost() == null || uri.getHost().isBlank()) {
            throw new IllegalArgumentException(expected);
        }
        return uri;
    }

    /** Where we connect, for logs: host, port, database and TLS, never the credentials. */
    static String describe(RedisURI uri) {
        return (uri.isSsl() ? "rediss://" : "redis://") + uri.getHost() + ":" + uri.getPort() + "/" + uri.getDatabase();
    }

    public String address() {
        return address;
    }

    /** A key (or channel) in this node's namespace. */
    public String key(String suffix) {
        return namespace + suffix;
    }

    /** Whether the command connection is established right now (no round trip). */
    public boolean isUp() {
        Connections current = connections;
        return !closed && current != null && current.text().isOpen();
    }

    /** One PING round trip; throws when Redis does not answer within the command timeout. */
    public Duration ping() {
        long start = System.nanoTime();
        sync().ping();
        return Duration.ofNanos(System.nanoTime() - start);
    }

    /** String commands; throws a Lettuce {@code RedisException} at once while there is no connection. */
    public RedisCommands<String, String> sync() {
        return require().text().sync();
    }

    public RedisAsyncCommands<String, String> async() {
        return require().text().async();
    }

    /** The byte-array connection Bucket4j's proxy manager works on; it survives reconnects. */
    StatefulRedisConnection<byte[], byte[]> bytes() {
        return require().bytes();
    }

    /**
     * Calls {@code handler} with every message on {@code channel} (already namespaced), on this
     * connection's single worker thread, in order. Subscriptions are renewed after reconnects.
     */
    public Subscription subscribe(String channel, Consumer<String> handler) {
        handlers.computeIfAbsent(channel, ignored -> new CopyOnWriteArrayList<>())
                .add(handler);
        Connections current = connections;
        if (current != null) {
            subscribeQuietly(current, List.of(channel));
        }
        return () -> {
            List<Consumer<String>> list = handlers.get(channel);
            if (list != null) {
                list.remove(handler);
            }
        };
    }

    /**
     * Runs {@code listener} (on the worker thread) whenever the connection to Redis is lost or
     * established, e.g. to drop caches that may have missed invalidations meanwhile.
     */
    public void onConnectionChange(Runnable listener) {
        connectionListeners.add(listener);
    }

    private Connections require() {
        Connections current = connections;
        if (current == null || closed) {
            throw new RedisConnectionException("not connected to Redis at " + address);
        }
        return current;
    }

    private synchronized boolean tryConnect() {
        if (closed || connections != null) {
            return true;
        }
        StatefulRedisConnection<String, String> text = null;
        StatefulRedisConnection<byte[], byte[]> bytes = null;
        StatefulRedisPubSubConnection<String, String> pubSub = null;
        try {
            text = client.connect();
            bytes = client.connect(ByteArrayCodec.INSTANCE);
            pubSub = client.connectPubSub();
            pubSub.addListener(new RedisPubSubAdapter<>() {
                @Override
                public void message(String channel, String message) {
                    dispatch(channel, message);
                }
            });
            Connections established = new Connections(text, bytes, pubSub);
            connections = established;
            subscribeQuietly(established, List.copyOf(handlers.keySet()));
            LOG.info("connected to Redis at {}", address);
            notifyConnectionChange();
            return true;
        } catch (RuntimeException e) {
            closeQuietly(text);
            closeQuietly(bytes);
            closeQuietly(pubSub);
            LOG.debug("connecting to Redis at {} failed: {}", address, e.toString());
            return false;
        }
    }

    private void connectUntilUp() {
        if (!tryConnect()) {
            schedule(this::connectUntilUp, FIRST_CONNECT_RETRY);
        }
    }

    private void subscribeQuietly(Connections current, List<String> channels) {
        if (channels.isEmpty()) {
            return;
        }
        current.pubSub().async().subscribe(channels.toArray(String[]::new)).whenComplete((ok, error) -> {
            if (error != null) {
                LOG.debug("subscribing to {} failed, retried on reconnect: {}", channels, error.toString());
            }
        });
    }

    private void dispatch(String channel, String message) {
        List<Consumer<String>> list = handlers.get(channel);
        if (list == null || list.isEmpty()) {
            return;
        }
        schedule(
                () -> {
                    for (Consumer<String> handler : list) {
                        try {
                            handler.accept(message);
                        } catch (RuntimeException e) {
                            LOG.warn("a Redis message handler on {} failed", channel, e);
                        }
                    }
                },
                Duration.ZERO);
    }

    private void notifyConnectionChange() {
        for (Runnable listener : connectionListeners) {
            schedule(listener, Duration.ZERO);
        }
    }

    private void schedule(Runnable task, Duration delay) {
        try {
            worker.schedule(task, delay.toMillis(), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            LOG.debug("Redis worker is shut down; dropped a task");
        }
    }

    private static void closeQuietly(StatefulRedisConnection<?, ?> connection) {
        if (connection != null) {
            connection.close();
        }
    }

    @Override
    public void close() {
        closed = true;
        worker.shutdownNow();
        Connections current = connections;
        if (current != null) {
            current.pubSub().close();
            current.bytes().close();
            current.text().close();
        }
        client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
        resources.shutdown(0, 2, TimeUnit.SECONDS);
    }

    /** Lettuce tells every connection's state; we care about the command and pub/sub ones. */
    private final class StateListener implements RedisConnectionStateListener {
        @Override
        public void onRedisConnected(RedisChannelHandler<?, ?> connection, SocketAddress socketAddress) {
            Connections current = connections;
            if (current == null) {
                return;
            }
            if (connection == current.pubSub()) {
                // Lettuce resubscribes what it had confirmed; this also covers subscriptions made while down.
                schedule(() -> subscribeQuietly(current, List.copyOf(handlers.keySet())), Duration.ZERO);
            } else if (connection == current.text()) {
                LOG.info("reconnected to Redis at {}", address);
                notifyConnectionChange();
            }
        }

        @Override
        public void onRedisDisconnected(RedisChannelHandler<?, ?> connection) {
            Connections current = connections;
            if (current != null && connection == current.text() && !closed) {
                LOG.debug("lost the connection to Redis at {}", address);
                notifyConnectionChange();
            }
        }
    }
}
