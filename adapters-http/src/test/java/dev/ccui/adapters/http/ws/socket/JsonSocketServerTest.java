package dev.ccui.adapters.http.ws.socket;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ccui.domain.auth.AuthMethod;
import dev.ccui.domain.auth.Principal;
import dev.ccui.domain.events.AppEvent;
import dev.ccui.domain.user.Role;
import dev.ccui.domain.user.UserId;
import dev.ccui.domain.user.Username;
import io.javalin.Javalin;
import io.javalin.websocket.WsContext;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The socket under every endpoint, as a client sees it: frames in order, closed with 4401/4403
 * when the caller's rights go, and a reader that stops reading is dropped with its endpoint's
 * code instead of the server buffering for it.
 */
class JsonSocketServerTest {
    private static final SlowReaderPolicy POLICY =
            new SlowReaderPolicy(8, 4408, "too slow: resubscribe with your last seq");
    private static final String CHUNK = "x".repeat(64 * 1024);
    private static final int FLOOD = 20_000;
    private static final int MAX_MESSAGE = 64 * 1024;

    private final Principal caller = new Principal(
            UserId.random(), new Username("reader"), Role.MEMBER, AuthMethod.BEARER, "token-1", null, Set.of());
    private final List<Consumer<AppEvent>> feeds = new CopyOnWriteArrayList<>();
    private final List<String> protocolsClosed = new CopyOnWriteArrayList<>();
    private JsonSocketServer server;
    private Javalin app;

    @BeforeEach
    void start() {
        // Every socket gets a slot and every sign-in holds: the plumbing is what is tested.
        SocketGate open = new SocketGate() {
            @Override
            public boolean admit(WsContext ctx, Principal principal) {
                return true;
            }

            @Override
            public void release(String socketId) {}

            @Override
            public boolean stillValid(Principal principal) {
                return true;
            }
        };
        server = new JsonSocketServer(
                "/socket",
                open,
                (viewer, listener) -> {
                    feeds.add(listener);
                    return () -> feeds.remove(listener);
                },
                POLICY,
                ctx -> caller,
                socket -> new SocketProtocol() {
                    @Override
                    public void received(String text) {
                        if (text.equals("flood")) {
                            for (int i = 0; i < FLOOD; i++) {
                                socket.send(Map.of("type", "chunk", "data", CHUNK));
                            }
                        } else {
                            socket.send(Map.of("type", "echo", "text", text));
                        }
                    }

                    @Override
                    public void closed() {
                        protocolsClosed.add(socket.principal().username().value());
                    }
                },
                MAX_MESSAGE);
        app = Javalin.create(cfg -> {
                    cfg.jetty.host = "127.0.0.1";
                    cfg.jetty.port = 0;
                    server.register(cfg.routes);
                })
                .start();
    }

    @AfterEach
    void stop() {
        app.stop();
    }

    /** A client that reads only what it asks for; {@code reading} false reads nothing until {@link #readAll}. */
    private static final class Client implements WebSocket.Listener {
        final BlockingQueue<String> frames = new LinkedBlockingQueue<>();
        final CompletableFuture<Integer> closed = new CompletableFuture<>();
        private final StringBuilder partial = new StringBuilder();
        private final boolean reading;
        WebSocket ws;

        Client(boolean reading) {
            this.reading = reading;
        }

        @Override
        public void onOpen(WebSocket webSocket) {
            if (reading) {
                webSocket.request(1);
            }
        }

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                frames.add(partial.length() > 100 ? "chunk" : partial.toString());
                partial.setLength(0);
            }
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            closed.complete(statusCode);
            return null;
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            closed.complete(-1);
        }

        void readAll() {
            ws.request(Long.MAX_VALUE);
        }
    }

    private Client connect(boolean reading) {
        Client client = new Client(reading);
        client.ws = HttpClient.newHttpClient()
                .newWebSocketBuilder()
                .buildAsync(URI.create("ws://127.0.0.1:" + app.port() + "/socket"), client)
                .orTimeout(10, TimeUnit.SECONDS)
                .join();
        return client;
    }

    /** Closing happens on the server's threads after the client saw it: wait for it to be done. */
    private static void awaitTrue(BooleanSupplier condition) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (!condition.getAsBoolean() && System.nanoTime() < deadline) {
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(10));
        }
    }

    private void awaitOpenConnections(int count) {
        awaitTrue(() -> server.openConnections() == count);
        assertThat(server.openConnections()).isEqualTo(count);
    }

    @Test
    void framesArriveAsJsonInTheOrderTheyWereSent() throws Exception {
        Client client = connect(true);
        for (String text : List.of("one", "two", "three")) {
            client.ws.sendText(text, true).join();
        }

        for (String text : List.of("one", "two", "three")) {
            assertThat(client.frames.poll(10, TimeUnit.SECONDS)).startsWith("{").contains("\"text\":\"" + text + "\"");
        }
        assertThat(server.openConnections()).isEqualTo(1);
    }

    @Test
    void aMessageOverThePathsOwnLimitClosesThatSocketWith1009() throws Exception {
        Client client = connect(true);
        String atLimit = "a".repeat(MAX_MESSAGE);
        client.ws.sendText(atLimit, true).join();
        assertThat(client.frames.poll(10, TimeUnit.SECONDS)).as("its echo").isEqualTo("chunk");

        client.ws.sendText(atLimit + "b", true);
        assertThat(client.closed.get(10, TimeUnit.SECONDS)).isEqualTo(1009);
        Client next = connect(true);
        next.ws.sendText("still", true).join();
        assertThat(next.frames.poll(10, TimeUnit.SECONDS)).contains("\"text\":\"still\"");
    }

    @Test
    void aSignOutClosesWith4401AndFewerRightsWith4403() throws Exception {
        Client signedOut = connect(true);
        signedOut.ws.sendText("ready?", true).join();
        signedOut.frames.poll(10, TimeUnit.SECONDS);
        feeds.forEach(
                feed -> feed.accept(new AppEvent.AccessRevoked(caller.userId(), caller.tokenId(), null, null, false)));
        assertThat(signedOut.closed.get(10, TimeUnit.SECONDS)).isEqualTo(4401);

        Client downgraded = connect(true);
        downgraded.ws.sendText("ready?", true).join();
        downgraded.frames.poll(10, TimeUnit.SECONDS);
        feeds.forEach(
                feed -> feed.accept(new AppEvent.AccessRevoked(caller.userId(), caller.tokenId(), null, null, true)));
        assertThat(downgraded.closed.get(10, TimeUnit.SECONDS)).isEqualTo(4403);
        awaitOpenConnections(0);
        awaitTrue(feeds::isEmpty);
        assertThat(feeds).as("no change feed is left listening").isEmpty();
    }

    @Test
    void aReaderThatFallsBehindIsDroppedWithTheEndpointsCodeAndNothingIsKeptForIt() throws Exception {
        Client stalled = connect(false);
        awaitOpenConnections(1);
        stalled.ws.sendText("flood", true).join();

        // The queue bound is reached once the network stops taking frames: the server lets go.
        awaitOpenConnections(0);
        assertThat(protocolsClosed).containsExactly("reader");

        stalled.readAll();
        assertThat(stalled.closed.get(30, TimeUnit.SECONDS)).isEqualTo(4408);
        assertThat(stalled.frames.size())
                .as("frames the network held, not the %s sent", FLOOD)
                .isLessThan(FLOOD);
    }
}
