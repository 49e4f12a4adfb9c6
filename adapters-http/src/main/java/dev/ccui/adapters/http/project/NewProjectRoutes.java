package dev.ccui.adapters.http.project;

import static dev.ccui.adapters.http.security.Authentication.caller;
import static dev.ccui.adapters.http.security.Authentication.client;

import dev.ccui.adapters.http.RouteGroup;
import dev.ccui.adapters.http.json.Json;
import dev.ccui.adapters.http.security.Access;
import dev.ccui.adapters.http.sse.EventStream;
import dev.ccui.application.project.create.port.in.CloneCommand;
import dev.ccui.application.project.create.port.in.CloneOperation;
import dev.ccui.application.project.create.port.in.NewProjectCommand;
import dev.ccui.application.project.create.port.in.NewProjectUseCase;
import dev.ccui.domain.error.NotFoundException;
import dev.ccui.domain.project.create.CloneId;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.io.IOException;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * New projects: {@code POST /api/projects/new} (an empty folder, optionally {@code git init}) and
 * {@code POST /api/projects/clone}, whose progress is read at {@code GET /api/clones/{cloneId}} (JSON,
 * or SSE with {@code Accept: text/event-stream}: one {@code clone} event per change, the stream ends
 * with the clone) and which {@code POST /api/clones/{cloneId}/cancel} stops.
 */
public final class NewProjectRoutes implements RouteGroup {
    private static final long KEEPALIVE_SECONDS = 15;

    private final NewProjectUseCase newProjects;
    private final AtomicBoolean stopping = new AtomicBoolean();
    private final Set<Thread> streaming = ConcurrentHashMap.newKeySet();

    public NewProjectRoutes(NewProjectUseCase newProjects) {
        this.newProjects = newProjects;
    }

    record NewBody(String parent, String name, Boolean gitInit) {}

    record CloneBody(String url, String parent, String name) {}

    @Override
    public void register(RoutesConfig routes) {
        routes.post(
                "/api/projects/new",
                ctx -> {
                    NewBody body = Json.body(ctx, NewBody.class);
                    var created = newProjects.createProject(
                            caller(ctx),
                            new NewProjectCommand(body.parent(), body.name(), Boolean.TRUE.equals(body.gitInit())),
                            client(ctx));
                    ctx.status(201).json(ProjectView.of(created.project()));
                },
                Access.USER);
        routes.post(
                "/api/projects/clone",
                ctx -> {
                    CloneBody body = Json.body(ctx, CloneBody.class);
                    CloneOperation started = newProjects.startClone(
                            caller(ctx), new CloneCommand(body.url(), body.parent(), body.name()), client(ctx));
                    ctx.status(202).json(CloneView.of(started));
                },
                Access.USER);
        routes.get("/api/clones/{cloneId}", this::read, Access.USER);
        routes.post(
                "/api/clones/{cloneId}/cancel",
                ctx -> ctx.status(202)
                        .json(CloneView.of(newProjects.cancelClone(caller(ctx), cloneId(ctx), client(ctx)))),
                Access.USER);
    }

    @Override
    public void stop() {
        stopping.set(true);
        streaming.forEach(Thread::interrupt);
    }

    private void read(Context ctx) throws Exception {
        CloneId id = cloneId(ctx);
        if (!EventStream.wanted(ctx)) {
            ctx.json(CloneView.of(newProjects.clone(caller(ctx), id)));
            return;
        }
        BlockingQueue<CloneOperation> queue = new LinkedBlockingQueue<>();
        // Fails with 404 before anything is written when the clone is not the caller's.
        try (AutoCloseable ignored = newProjects.follow(caller(ctx), id, queue::add)) {
            EventStream stream = EventStream.open(ctx);
            streaming.add(Thread.currentThread());
            while (!stopping.get()) {
                CloneOperation op = queue.poll(KEEPALIVE_SECONDS, TimeUnit.SECONDS);
                if (op == null) {
                    stream.comment("keep-alive");
                    continue;
                }
                stream.event("clone", CloneView.of(op));
                if (op.state().finished()) {
                    break;
                }
            }
        } catch (InterruptedException e) {
            // stop() woke this request thread up; the flag is not kept on a pooled server thread.
            Thread.interrupted();
        } catch (IOException gone) {
            // The client went away: the clone goes on.
        } finally {
            streaming.remove(Thread.currentThread());
        }
    }

    private static CloneId cloneId(Context ctx) {
        return CloneId.parse(ctx.pathParam("cloneId")).orElseThrow(() -> new NotFoundException("no such clone"));
    }
}
