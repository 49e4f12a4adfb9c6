package dev.ccui.adapters.process.claude;

import dev.ccui.domain.error.InvalidException;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Our control requests ({@code set_model}, {@code set_permission_mode}) waiting for the CLI's
 * reply. Each completes exactly once: confirmed, refused, timed out, or failed when the process
 * is gone, so no caller waits on a CLI that will never answer.
 */
final class PendingControls {
    private final Map<String, CompletableFuture<Void>> open = new HashMap<>();

    /** Registers {@code requestId} before its line is written, so that no reply can come first. */
    CompletableFuture<Void> open(String requestId, Duration timeout) {
        CompletableFuture<Void> answered = new CompletableFuture<>();
        synchronized (this) {
            open.put(requestId, answered);
        }
        return answered.orTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS).whenComplete((ignored, failure) -> {
            synchronized (this) {
                open.remove(requestId);
            }
        });
    }

    /** The CLI's reply; one to a request nobody waits for any more is dropped. */
    void answered(StreamJsonParser.ControlReply reply) {
        CompletableFuture<Void> waiting;
        synchronized (this) {
            waiting = open.remove(reply.requestId());
        }
        if (waiting == null) {
            return;
        }
        if (reply.success()) {
            waiting.complete(null);
        } else {
            waiting.completeExceptionally(new InvalidException(
                    "the CLI refused the change: " + (reply.error() == null ? "no reason given" : reply.error())));
        }
    }

    /** Fails every request still waiting (the process ended). */
    void failAll(RuntimeException why) {
        List<CompletableFuture<Void>> unanswered;
        synchronized (this) {
            unanswered = List.copyOf(open.values());
            open.clear();
        }
        unanswered.forEach(control -> control.completeExceptionally(why));
    }
}
