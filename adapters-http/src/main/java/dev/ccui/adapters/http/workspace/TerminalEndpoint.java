package dev.ccui.adapters.http.workspace;

import dev.ccui.adapters.http.RouteGroup;
import dev.ccui.adapters.http.json.Json;
import dev.ccui.adapters.http.security.Authentication;
import dev.ccui.adapters.http.ws.WsAuthentication;
import dev.ccui.application.maintenance.port.in.MaintenanceUseCase;
import dev.ccui.application.workspace.terminal.port.in.OpenTerminalCommand;
import dev.ccui.application.workspace.terminal.port.in.TerminalAttachment;
import dev.ccui.application.workspace.terminal.port.in.TerminalSink;
import dev.ccui.application.workspace.terminal.port.in.TerminalUseCase;
import dev.ccui.application.common.ClientInfo;
import dev.ccui.domain.auth.Principal;
import dev.ccui.domain.error.CcuiException;
import dev.ccui.domain.error.InvalidException;
import dev.ccui.domain.session.SessionId;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.websocket.WsContext;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.websocket.api.Callback;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code /ws/terminal?projectId=…}: one terminal per connection. Client frames {@code open {cols,
 * rows, resumeSessionId?}}, {@code attach {terminalId, afterSeq}}, {@code input {data}},
 * {@code resize {cols, rows}}, {@code close}, {@code ping}; server frames {@code opened
 * {terminalId}}, {@code output {seq, data}}, {@code exit {code}}, {@code error {code, message}},
 * {@code pong}. Every connection has a bounded outbound queue drained by its own sender: a client
 * too slow to keep up loses its connection (and can reattach from its last seq), the server never
 * buffers without bound.
 */
public final class TerminalEndpoint implements RouteGroup {
    private static final Logger LOG = LoggerFactory.getLogger(TerminalEndpoint.class);
    private static final String PRINCIPAL = "ccui.terminal.principal";
    private static final String CLIENT = "ccui.terminal.client";
    private static final int QUEUE_FRAMES = 4096;
    private static final int MAX_INPUT = 64 * 1024;

    private final TerminalUseCase terminals;
    private final WsAuthentication authentication;
    private final MaintenanceUseCase maintenance;
    private final Map<String, Connection> connections = new ConcurrentHashMap<>();

    private dev.ccui.application.events.port.in.ChangeFeedUseCase changes;
    private final Map<String, AutoCloseable> revocationFeeds = new ConcurrentHashMap<>();

    /** Where revocations arrive from every node: a revoked session's or key's terminal socket is closed (4401/4403). */
    public TerminalEndpoint closingOnRevocation(dev.ccui.application.events.port.in.ChangeFeedUseCase feed) {
        this.changes = feed;
        return this;
    }

    public TerminalEndpoint(TerminalUseCase terminals, WsAuthentication authentication, MaintenanceUseCase maintenance) {
        this.terminals = terminals;
        this.authentication = authentication;
        this.maintenance = maintenance;
    }

    @Override
    public void register(RoutesConfig routes) {
        routes.wsBeforeUpgrade("/ws/terminal", this::beforeUpgrade);
        routes.ws("/ws/terminal", ws -> {
            ws.onConnect(this::connected);
            ws.onMessage(ctx -> {
                Connection connection = connections.get(ctx.sessionId());
                if (connection != null) {
                    connection.received(ctx.message());
                }
            });
            ws.onClose(ctx -> {
                authentication.release(ctx.sessionId());
                closed(ctx.sessionId());
            });
            ws.onError(ctx -> {
                authentication.release(ctx.sessionId());
                closed(ctx.sessionId());
            });
        });
    }

    private void beforeUpgrade(Context ctx) {
        Principal principal = authentication.authenticate(ctx);
        String projectId = ctx.queryParam("projectId");
        if (projectId == null || projectId.isBlank()) {
            throw new InvalidException("projectId", "projectId is required");
        }
        terminals.checkAllowed(principal, projectId);
        // A shell can change anything in the project: no new terminals while in maintenance.
        maintenance.requireWritable();
        ctx.attribute(PRINCIPAL, principal);
        ctx.attribute(CLIENT, Authentication.client(ctx));
    }

    private void connected(WsContext ctx) {
        Principal principal = ctx.attribute(PRINCIPAL);
        if (principal == null) {
            ctx.closeSession(4401, "unauthenticated");
            return;
        }
        if (!authentication.admit(ctx, principal)) {
            return;
        }
        ctx.enableAutomaticPings(25, TimeUnit.SECONDS);
        Connection connection = new Connection(ctx, principal, ctx.attribute(CLIENT), ctx.queryParam("projectId"));
        connections.put(ctx.sessionId(), connection);
        if (changes != null) {
            revocationFeeds.put(ctx.sessionId(), changes.follow(principal, event -> {
                if (event instanceof dev.ccui.application.events.AppEvent.AccessRevoked revoked) {
                    ctx.closeSession(revoked.downgrade() ? 4403 : 4401,
                            revoked.downgrade() ? "access changed: reconnect" : "signed out or access revoked");
                }
            }));
        }
        if (!authentication.stillValid(principal)) {
            ctx.closeSession(4401, "signed out or access revoked");
            return;
        }
        connection.start();
    }

    private void closed(String sessionId) {
        AutoCloseable feed = revocationFeeds.remove(sessionId);
        if (feed != null) {
            try {
                feed.close();
            } catch (Exception ignored) {
                // Only stops listening.
            }
        }
        Connection connection = connections.remove(sessionId);
        if (connection != null) {
            connection.stop();
        }
    }

    /** Open connections, for metrics and tests. */
    @Override
    public int openSockets() {
        return connections.size();
    }

    private final class Connection implements TerminalSink {
        private static final String CLOSE = "\0close";
        private final WsContext ctx;
        private final Principal principal;
        private final ClientInfo client;
        private final String projectId;
        private final BlockingQueue<String> outbound = new LinkedBlockingQueue<>(QUEUE_FRAMES);
        /** Frames produced while an open or attach is still answering, sent after its {@code opened}. */
        private List<String> held = new ArrayList<>();
        private volatile TerminalAttachment attachment;
        private volatile boolean stopped;
        private Thread sender;

        Connection(WsContext ctx, Principal principal, ClientInfo client, String projectId) {
            this.ctx = ctx;
            this.principal = principal;
            this.client = client;
            this.projectId = projectId;
        }

        void start() {
            sender = Thread.ofVirtual().name("ccui-terminal-ws").start(this::drain);
        }

        private void drain() {
            try {
                while (!stopped) {
                    String frame = outbound.take();
                    if (frame == CLOSE) {
                        ctx.closeSession(1000, "terminal ended");
                        return;
                    }
                    CompletableFuture<Void> sent = new CompletableFuture<>();
                    ctx.session.sendText(frame, Callback.from(() -> sent.complete(null), sent::completeExceptionally));
                    sent.get(30, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (Exception e) {
                LOG.debug("terminal socket {} cannot be written to: {}", ctx.sessionId(), e.toString());
                closeQuietly(1011, "write failed");
            }
        }

        void stop() {
            stopped = true;
            TerminalAttachment current = attachment;
            if (current != null) {
                current.detach();
            }
            if (sender != null) {
                sender.interrupt();
            }
        }

        void received(String text) {
            Map<?, ?> message;
            try {
                message = Json.MAPPER.readValue(text, Map.class);
            } catch (Exception e) {
                error("INVALID", "frames must be JSON objects with a type");
                return;
            }
            Object type = message.get("type");
            try {
                switch (type == null ? "" : type.toString()) {
                    case "ping" -> enqueue(frame("type", "pong"));
                    case "open" -> open(message);
                    case "attach" -> attach(message);
                    case "input" -> input(message);
                    case "resize" -> {
                        TerminalAttachment current = require();
                        current.resize(integer(message, "cols"), integer(message, "rows"));
                    }
                    case "close" -> require().kill();
                    default -> error("UNSUPPORTED", "unknown message type: " + (type == null ? "none" : type));
                }
            } catch (CcuiException e) {
                error(e.code(), e.getMessage());
            }
        }

        private void open(Map<?, ?> message) {
            if (attachment != null) {
                throw new InvalidException("this connection already has a terminal");
            }
            Object resume = message.get("resumeSessionId");
            SessionId session = resume == null ? null : SessionId.parse(resume.toString())
                    .orElseThrow(() -> new InvalidException("resumeSessionId", "not a session id"));
            OpenTerminalCommand command = new OpenTerminalCommand(integer(message, "cols"), integer(message, "rows"), session);
            answer(terminals.open(principal, projectId, command, this, client));
        }

        private void attach(Map<?, ?> message) {
            if (attachment != null) {
                throw new InvalidException("this connection already has a terminal");
            }
            Object id = message.get("terminalId");
            Object after = message.get("afterSeq");
            long afterSeq = after instanceof Number number ? number.longValue() : 0;
            answer(terminals.attach(principal, projectId, id == null ? null : id.toString(), afterSeq, this));
        }

        /** {@code opened} first, then whatever the terminal produced meanwhile (the replay), in order. */
        private void answer(TerminalAttachment opened) {
            synchronized (this) {
                attachment = opened;
                enqueue(frame("type", "opened", "terminalId", opened.terminalId()));
                List<String> pending = held;
                held = null;
                pending.forEach(this::enqueue);
            }
            if (stopped) {
                opened.detach();
            }
        }

        private void input(Map<?, ?> message) {
            Object data = message.get("data");
            if (!(data instanceof String text) || text.length() > MAX_INPUT) {
                throw new InvalidException("data", "data must be text of at most " + MAX_INPUT + " characters");
            }
            require().input(text);
        }

        private TerminalAttachment require() {
            TerminalAttachment current = attachment;
            if (current == null) {
                throw new InvalidException("open or attach a terminal first");
            }
            return current;
        }

        @Override
        public synchronized void output(long seq, String data) {
            deliver(frame("type", "output", "seq", seq, "data", data));
        }

        @Override
        public synchronized void exited(int code) {
            deliver(frame("type", "exit", "code", code));
            deliver(CLOSE);
        }

        @Override
        public void detached(String reason) {
            attachment = null;
            closeQuietly(4409, reason.length() > 100 ? reason.substring(0, 100) : reason);
        }

        private void deliver(String frame) {
            if (held != null) {
                held.add(frame);
            } else {
                enqueue(frame);
            }
        }

        private void enqueue(String frame) {
            if (!outbound.offer(frame)) {
                LOG.info("terminal socket {} is too slow: closing it (the terminal stays, reattach from the last seq)",
                        ctx.sessionId());
                TerminalAttachment current = attachment;
                attachment = null;
                if (current != null) {
                    Thread.ofVirtual().start(current::detach);
                }
                outbound.clear();
                closeQuietly(1008, "too slow: reattach with afterSeq");
            }
        }

        private void error(String code, String message) {
            enqueue(frame("type", "error", "code", code, "message", message));
        }

        private void closeQuietly(int status, String reason) {
            try {
                ctx.closeSession(status, reason);
            } catch (RuntimeException e) {
                LOG.debug("closing a terminal socket failed", e);
            }
        }
    }

    private static int integer(Map<?, ?> message, String field) {
        if (message.get(field) instanceof Number number && number.doubleValue() == number.intValue()) {
            return number.intValue();
        }
        throw new InvalidException(field, field + " must be a whole number");
    }

    private static String frame(Object... pairs) {
        Map<String, Object> frame = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            frame.put((String) pairs[i], pairs[i + 1]);
        }
        try {
            return Json.MAPPER.writeValueAsString(frame);
        } catch (Exception e) {
            throw new IllegalStateException("a terminal frame is always serialisable", e);
        }
    }
}
