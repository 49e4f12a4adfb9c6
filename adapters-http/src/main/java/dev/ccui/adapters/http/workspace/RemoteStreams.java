package dev.ccui.adapters.http.workspace;

import dev.ccui.adapters.http.error.ErrorResponses;
import dev.ccui.adapters.http.sse.EventStream;
import dev.ccui.application.common.Cancellation;
import dev.ccui.application.workspace.git.port.in.RemoteOperation;
import dev.ccui.domain.workspace.git.GitProgress;
import io.javalin.http.Context;
import java.io.IOException;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;

/**
 * Fetch, pull and push as server-sent events: {@code progress} frames with git's progress, then one
 * {@code done} frame with what the plain call answers, or one {@code error} frame with its error.
 * git runs on its own thread while the request thread writes; a client that goes away (a write
 * fails), or the server stopping, cancels git, and the request ends only once git has (so a
 * cancelled pull has been undone by then).
 */
final class RemoteStreams {
    /** Often enough that a client gone while git waits on a silent remote is noticed within seconds. */
    private static final long KEEPALIVE_MILLIS = 1000;
    /** git gets a grace to remove its lock files before it is killed; this is more than that. */
    private static final Duration WAIT_FOR_GIT = Duration.ofSeconds(30);

    private final AtomicBoolean stopping = new AtomicBoolean();
    private final Set<Thread> streaming = ConcurrentHashMap.newKeySet();

    private record Done(Object data) {}

    private record Failed(Exception error) {}

    /** Runs {@code operation} (its caller and arguments already checked) as a stream; {@code done}: its answer's JSON. */
    <T> void stream(Context ctx, RemoteOperation<T> operation, Function<T, Object> done) throws IOException {
        EventStream stream = EventStream.open(ctx);
        BlockingQueue<Object> frames = new LinkedBlockingQueue<>();
        Cancellation cancellation = new Cancellation();
        AtomicBoolean ended = new AtomicBoolean();
        Thread git = Thread.ofVirtual().name("git-remote-stream").start(() -> {
            Object outcome;
            try {
                outcome = new Done(done.apply(operation.run(frames::add, cancellation)));
            } catch (RuntimeException e) {
                outcome = new Failed(e);
            }
            ended.set(true);
            frames.add(outcome);
        });
        streaming.add(Thread.currentThread());
        try {
            GitProgress last = null;
            while (!stopping.get()) {
                Object frame = frames.poll(KEEPALIVE_MILLIS, TimeUnit.MILLISECONDS);
                switch (frame) {
                    case null -> stream.comment("keep-alive");
                    case GitProgress progress -> {
                        // git redraws a line with only its speed changed: one frame per change of the count.
                        if (!progress.equals(last)) {
                            stream.event("progress", progress);
                            last = progress;
                        }
                    }
                    case Done answer -> {
                        stream.event("done", answer.data());
                        return;
                    }
                    case Failed failed -> {
                        stream.event(
                                "error",
                                ErrorResponses.answer(failed.error(), ctx).body());
                        return;
                    }
                    default -> throw new IllegalStateException("not a frame: " + frame);
                }
            }
        } catch (InterruptedException e) {
            // stop() woke this request thread up; the flag is not kept on a pooled server thread.
            Thread.interrupted();
        } catch (IOException gone) {
            // The client went away: git is cancelled below.
        } finally {
            streaming.remove(Thread.currentThread());
            if (!ended.get()) {
                cancellation.cancel();
            }
            awaitEnd(git);
        }
    }

    /** Before the server stops: every stream's git is cancelled. */
    void stop() {
        stopping.set(true);
        streaming.forEach(Thread::interrupt);
    }

    private static void awaitEnd(Thread git) {
        try {
            git.join(WAIT_FOR_GIT);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
