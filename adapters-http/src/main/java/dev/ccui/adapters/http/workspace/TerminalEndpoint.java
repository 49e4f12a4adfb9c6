package dev.ccui.adapters.http.workspace;

import dev.ccui.adapters.http.ws.WsAuthentication;
import dev.ccui.adapters.http.ws.socket.ClientFrames;
import dev.ccui.adapters.http.ws.socket.JsonSocket;
import dev.ccui.adapters.http.ws.socket.SlowReaderPolicy;
import dev.ccui.adapters.http.ws.socket.SocketEndpoint;
import dev.ccui.adapters.http.ws.socket.SocketProtocol;
import dev.ccui.application.events.port.in.ChangeFeedUseCase;
import dev.ccui.application.maintenance.port.in.MaintenanceUseCase;
import dev.ccui.application.workspace.terminal.port.in.OpenTerminalCommand;
import dev.ccui.application.workspace.terminal.port.in.TerminalAttachment;
import dev.ccui.application.workspace.terminal.port.in.TerminalSink;
import dev.ccui.application.workspace.terminal.port.in.TerminalUseCase;
import dev.ccui.domain.auth.Principal;
import dev.ccui.domain.error.CcuiException;
import dev.ccui.domain.error.InvalidException;
import dev.ccui.domain.project.ProjectId;
import dev.ccui.domain.session.SessionId;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code /ws/terminal?projectId=…}: one terminal per connection. Client frames {@code open {cols,
 * rows, resumeSessionId?}}, {@code attach {terminalId, afterSeq}}, {@code input {data}},
 * {@code resize {cols, rows}}, {@code close}, {@code ping}; server frames {@code opened
 * {terminalId}}, {@code output {seq, data}}, {@code exit {code}}, {@code error {code, message}},
 * {@code pong}. The socket plumbing is the {@link SocketEndpoint}'s: a client too slow to keep
 * up loses its connection with 1008 (and can reattach from its last seq), the terminal stays.
 */
public final class TerminalEndpoint extends SocketEndpoint {
    private static final SlowReaderPolicy SLOW_READER =
            new SlowReaderPolicy(4096, 1008, "too slow: reattach with afterSeq");
    private static final int MAX_INPUT = 64 * 1024;
    /** The longest frame: an input of {@link #MAX_INPUT} characters, each escaped at worst (6), and its JSON. */
    private static final int MAX_FRAME_CHARS = MAX_INPUT * 6 + 1024;

    private final TerminalUseCase terminals;
    private final WsAuthentication authentication;
    private final MaintenanceUseCase maintenance;

    /** {@code changes}: where revocations arrive from every node, closing a revoked caller's terminal socket (4401/4403). */
    public TerminalEndpoint(
            TerminalUseCase terminals,
            WsAuthentication authentication,
            MaintenanceUseCase maintenance,
            ChangeFeedUseCase changes) {
        super("/ws/terminal", authentication, changes, SLOW_READER, MAX_FRAME_CHARS);
        this.terminals = terminals;
        this.authentication = authentication;
        this.maintenance = maintenance;
    }

    @Override
    protected SocketProtocol open(JsonSocket socket) {
        return new Connection(socket);
    }

    @Override
    protected Principal authorize(Context ctx) {
        Principal principal = authentication.authenticate(ctx);
        String projectId = ctx.queryParam("projectId");
        if (projectId == null || projectId.isBlank()) {
            throw new InvalidException("projectId", "projectId is required");
        }
        terminals.checkAllowed(principal, WorkspaceParams.projectId(projectId));
        // A shell can change anything in the project: no new terminals while in maintenance.
        maintenance.requireWritable();
        // A draining node still lets a terminal it holds be re-attached (the id is in the URL, which
        // is also what routes the socket to this node); a new one belongs on another node.
        terminals.requireTakingNew(ctx.queryParam("terminalId"));
        return principal;
    }

    private final class Connection implements SocketProtocol, TerminalSink {
        private final JsonSocket socket;
        private final ProjectId projectId;
        /** What the terminal did while an open or attach is still answering, passed on after its {@code opened}. */
        private List<Runnable> held = new ArrayList<>();

        private volatile TerminalAttachment attachment;
        private volatile boolean closed;

        Connection(JsonSocket socket) {
            this.socket = socket;
            // Checked before the upgrade.
            this.projectId = WorkspaceParams.projectId(socket.queryParam("projectId"));
        }

        @Override
        public void closed() {
            closed = true;
            TerminalAttachment current = attachment;
            attachment = null;
            if (current != null) {
                current.detach();
            }
        }

        @Override
        public void received(String text) {
            Map<?, ?> message = ClientFrames.object(text).orElse(null);
            if (message == null) {
                error("INVALID", ClientFrames.NOT_AN_OBJECT);
                return;
            }
            Object type = message.get("type");
            try {
                switch (type == null ? "" : type.toString()) {
                    case "ping" -> socket.send(frame("type", "pong"));
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
            SessionId session = resume == null
                    ? null
                    : SessionId.parse(resume.toString())
                            .orElseThrow(() -> new InvalidException("resumeSessionId", "not a session id"));
            // The id in the URL (what a balancer routes on) names the terminal unless the frame does.
            Object id = message.get("terminalId") != null ? message.get("terminalId") : socket.queryParam("terminalId");
            OpenTerminalCommand command = new OpenTerminalCommand(
                    integer(message, "cols"), integer(message, "rows"), session, id == null ? null : id.toString());
            answer(terminals.open(socket.principal(), projectId, command, this, socket.client()));
        }

        private void attach(Map<?, ?> message) {
            if (attachment != null) {
                throw new InvalidException("this connection already has a terminal");
            }
            Object id = message.get("terminalId") != null ? message.get("terminalId") : socket.queryParam("terminalId");
            Object after = message.get("afterSeq");
            long afterSeq = after instanceof Number number ? number.longValue() : 0;
            answer(terminals.attach(socket.principal(), projectId, id == null ? null : id.toString(), afterSeq, this));
        }

        /** {@code opened} first, then whatever the terminal produced meanwhile (the replay), in order. */
        private void answer(TerminalAttachment opened) {
            synchronized (this) {
                attachment = opened;
                socket.send(frame("type", "opened", "terminalId", opened.terminalId()));
                List<Runnable> pending = held;
                held = null;
                pending.forEach(Runnable::run);
            }
            if (closed) {
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
            deliver(() -> socket.send(frame("type", "output", "seq", seq, "data", data)));
        }

        @Override
        public synchronized void exited(int code) {
            deliver(() -> socket.send(frame("type", "exit", "code", code)));
            deliver(() -> socket.closeAfterQueued(1000, "terminal ended"));
        }

        @Override
        public void detached(String reason) {
            attachment = null;
            socket.close(4409, reason.length() > 100 ? reason.substring(0, 100) : reason);
        }

        private void deliver(Runnable toSocket) {
            if (held != null) {
                held.add(toSocket);
            } else {
                toSocket.run();
            }
        }

        private void error(String code, String message) {
            socket.send(ClientFrames.error(code, message, null));
        }
    }

    private static int integer(Map<?, ?> message, String field) {
        if (message.get(field) instanceof Number number && number.doubleValue() == number.intValue()) {
            return number.intValue();
        }
        throw new InvalidException(field, field + " must be a whole number");
    }

    private static Map<String, Object> frame(Object... pairs) {
        Map<String, Object> frame = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            frame.put((String) pairs[i], pairs[i + 1]);
        }
        return frame;
    }
}
