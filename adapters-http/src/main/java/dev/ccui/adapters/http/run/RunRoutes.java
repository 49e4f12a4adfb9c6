package dev.ccui.adapters.http.run;

import static dev.ccui.adapters.http.security.Authentication.caller;
import static dev.ccui.adapters.http.security.Authentication.client;

import dev.ccui.adapters.http.BodyRule;
import dev.ccui.adapters.http.RouteGroup;
import dev.ccui.adapters.http.json.Json;
import dev.ccui.adapters.http.json.QueryParams;
import dev.ccui.adapters.http.run.RunViews.DecisionBody;
import dev.ccui.adapters.http.run.RunViews.QueueEditBody;
import dev.ccui.adapters.http.run.RunViews.RunView;
import dev.ccui.adapters.http.run.RunViews.StartBody;
import dev.ccui.adapters.http.security.Access;
import dev.ccui.adapters.http.security.ConnectionLimits;
import dev.ccui.adapters.http.sse.EventStream;
import dev.ccui.application.events.port.in.ChangeFeedUseCase;
import dev.ccui.application.run.port.in.EventSubscription;
import dev.ccui.application.run.port.in.MessageQueueUseCase;
import dev.ccui.application.run.port.in.RunUseCase;
import dev.ccui.application.run.port.in.StartedRun;
import dev.ccui.domain.error.InvalidException;
import dev.ccui.domain.error.NotFoundException;
import dev.ccui.domain.events.AppEvent;
import dev.ccui.domain.run.LoggedRunEvent;
import dev.ccui.domain.run.QueuedMessageId;
import dev.ccui.domain.run.RunId;
import dev.ccui.domain.session.SessionId;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * {@code /api/runs/*}, {@code /api/sessions/{id}/events} (JSON, or SSE: replay, then live) and a
 * session's queue of waiting messages, {@code /api/sessions/{id}/queue}.
 */
public final class RunRoutes implements RouteGroup {
    private static final int MAX_PAGE = 1000;
    private static final int SSE_QUEUE = 2000;
    private static final long SSE_KEEPALIVE_SECONDS = 15;

    private final RunUseCase runs;
    private final MessageQueueUseCase queue;
    private final AtomicBoolean stopping = new AtomicBoolean();
    private final Set<Thread> streaming = ConcurrentHashMap.newKeySet();

    private final ChangeFeedUseCase changes;

    private ConnectionLimits limits;

    /** SSE streams count against the live-connection limits of their user and of this node. */
    public void limitedBy(ConnectionLimits connectionLimits) {
        this.limits = connectionLimits;
    }

    /** @param changes where revocations arrive (null: streams end only when the client or server goes) */
    public RunRoutes(RunUseCase runs, MessageQueueUseCase queue, ChangeFeedUseCase changes) {
        this.runs = runs;
        this.queue = queue;
        this.changes = changes;
    }

    /** A prompt with its files may be as large over REST as in a {@code /ws} frame. */
    @Override
    public List<BodyRule> bodyRules() {
        return List.of(BodyRule.json("POST", "/api/runs", SendLimits.MAX_CHARS));
    }

    @Override
    public void register(RoutesConfig routes) {
        routes.post("/api/runs", this::start, Access.USER);
        routes.get(
                "/api/runs",
                ctx -> ctx.json(Map.of(
                        "items",
                        runs.list(caller(ctx), "true".equals(ctx.queryParam("active"))).stream()
                                .map(RunView::of)
                                .toList())),
                Access.USER);
        routes.get("/api/runs/{runId}", ctx -> ctx.json(RunView.of(runs.get(caller(ctx), runId(ctx)))), Access.USER);
        routes.post(
                "/api/runs/{runId}/interrupt",
                ctx -> {
                    RunId id = runId(ctx);
                    runs.interrupt(caller(ctx), id, client(ctx));
                    ctx.status(202).json(RunView.of(runs.get(caller(ctx), id)));
                },
                Access.USER);
        routes.post(
                "/api/runs/{runId}/permissions/{requestId}",
                ctx -> {
                    DecisionBody body = Json.body(ctx, DecisionBody.class);
                    runs.decide(caller(ctx), runId(ctx), ctx.pathParam("requestId"), body.answer(), client(ctx));
                    ctx.status(204);
                },
                Access.USER);
        routes.get("/api/sessions/{sessionId}/events", this::events, Access.USER);
        routes.get(
                "/api/sessions/{sessionId}/queue",
                ctx -> ctx.json(Map.of(
                        "items",
                        queue.queued(caller(ctx), sessionId(ctx)).stream()
                                .map(RunViews::queued)
                                .toList())),
                Access.USER);
        routes.patch(
                "/api/sessions/{sessionId}/queue/{messageId}",
                ctx -> {
                    SessionId session = sessionId(ctx);
                    QueuedMessageId id = messageId(ctx);
                    QueueEditBody body = Json.body(ctx, QueueEditBody.class);
                    ctx.json(RunViews.queued(queue.edit(caller(ctx), session, id, body.edit(), client(ctx))));
                },
                Access.USER);
        routes.delete(
                "/api/sessions/{sessionId}/queue/{messageId}",
                ctx -> {
                    queue.remove(caller(ctx), sessionId(ctx), messageId(ctx), client(ctx));
                    ctx.status(204);
                },
                Access.USER);
        routes.post(
                "/api/sessions/{sessionId}/queue/{messageId}/send-now",
                ctx -> ctx.status(202)
                        .json(RunViews.outcome(
                                queue.sendNow(caller(ctx), sessionId(ctx), messageId(ctx), client(ctx)))),
                Access.USER);
    }

    /** Ends open event streams so that the server can stop. */
    @Override
    public void stop() {
        stopping.set(true);
        streaming.forEach(Thread::interrupt);
    }

    private void start(Context ctx) {
        StartBody body = Json.body(ctx, StartBody.class, SendLimits.MAX_CHARS);
        if (body.queueIfBusy()) {
            ctx.status(202).json(RunViews.outcome(queue.sendOrQueue(caller(ctx), body.command(), client(ctx))));
            return;
        }
        StartedRun started = runs.start(caller(ctx), body.command(), client(ctx));
        ctx.status(202)
                .json(Map.of(
                        "runId",
                        started.runId().toString(),
                        "sessionId",
                        started.sessionId().value()));
    }

    private static RunId runId(Context ctx) {
        return RunId.parse(ctx.pathParam("runId")).orElseThrow(() -> new NotFoundException("no such run"));
    }

    /**
     * An id that is no message's id names nothing, found so after the session's access check: a
     * stranger learns 403 for the session whatever the id, as for the session's other routes.
     */
    private static QueuedMessageId messageId(Context ctx) {
        return QueuedMessageId.parse(ctx.pathParam("messageId")).orElseGet(() -> new QueuedMessageId(new UUID(0, 0)));
    }

    private static SessionId sessionId(Context ctx) {
        return SessionId.parse(ctx.pathParam("sessionId")).orElseThrow(() -> new NotFoundException("no such session"));
    }

    private void events(Context ctx) throws IOException {
        Long afterSeq = QueryParams.whole(ctx, "afterSeq");
        String lastEventId = ctx.header("Last-Event-ID");
        if (lastEventId != null && !lastEventId.isBlank()) {
            try {
                afterSeq = Long.parseLong(lastEventId.trim());
            } catch (NumberFormatException e) {
                throw new InvalidException("Last-Event-ID", "Last-Event-ID must be a seq");
            }
        }
        long after = afterSeq == null ? 0 : afterSeq;
        if (EventStream.wanted(ctx)) {
            stream(ctx, after);
            return;
        }
        Integer limit = QueryParams.integer(ctx, "limit");
        int pageSize = limit == null ? MAX_PAGE : Math.clamp(limit, 1, MAX_PAGE);
        List<LoggedRunEvent> page = runs.events(caller(ctx), sessionId(ctx), after, pageSize);
        ctx.json(Map.of(
                "items",
                page.stream().map(RunViews::logged).toList(),
                "lastSeq",
                page.isEmpty() ? after : page.getLast().seq()));
    }

    /**
     * Server-sent events until the client goes, the server stops or the client falls too far
     * behind (the stream then ends; the client reconnects with Last-Event-ID and catches up).
     */
    private void stream(Context ctx, long afterSeq) throws IOException {
        BlockingQueue<LoggedRunEvent> queue = new ArrayBlockingQueue<>(SSE_QUEUE);
        AtomicBoolean overflow = new AtomicBoolean();
        AtomicBoolean revoked = new AtomicBoolean();
        Thread streamer = Thread.currentThread();
        AutoCloseable slot = limits == null ? () -> {} : limits.acquire(caller(ctx));
        // Logout, a revoked key, a disabled account or a lost project ends the stream at once, on every node.
        AutoCloseable feed = changes == null
                ? () -> {}
                : changes.follow(caller(ctx), change -> {
                    if (change instanceof AppEvent.AccessRevoked) {
                        revoked.set(true);
                        streamer.interrupt();
                    }
                });
        try (EventSubscription subscription = runs.subscribe(caller(ctx), sessionId(ctx), afterSeq, event -> {
            if (!queue.offer(event)) {
                overflow.set(true);
            }
        })) {
            EventStream stream = EventStream.open(ctx);
            stream.comment("lastSeq " + subscription.lastSeq());
            Thread.ofVirtual().start(subscription::replay);
            streaming.add(Thread.currentThread());
            while (!stopping.get() && !overflow.get()) {
                LoggedRunEvent event = queue.poll(SSE_KEEPALIVE_SECONDS, TimeUnit.SECONDS);
                if (event == null) {
                    stream.comment("keep-alive");
                    continue;
                }
                stream.event(event.seq(), "event", RunViews.logged(event));
            }
        } catch (InterruptedException stopping) {
            // stop() or a revocation woke this request thread up; the flag is not kept on a pooled server thread.
            Thread.interrupted();
            if (revoked.get()) {
                try {
                    write(ctx.res().getOutputStream(), "event: revoked\ndata: {}\n\n");
                } catch (IOException gone) {
                    // Already gone: nothing to tell.
                }
            }
        } catch (IOException gone) {
            // The client went away: nothing to answer.
        } finally {
            streaming.remove(Thread.currentThread());
            try {
                slot.close();
                feed.close();
            } catch (Exception ignored) {
                // Only stops listening.
            }
        }
    }

    private static void write(OutputStream out, String text) throws IOException {
        out.write(text.getBytes(StandardCharsets.UTF_8));
        out.flush();
    }
}
