package dev.ccui.application.run;

import dev.ccui.domain.run.RunEvent;
import dev.ccui.domain.run.RunId;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The permission requests a session's CLI waits on, with their timeouts, and the tools allowed
 * for the rest of the session. Bookkeeping only: {@link LiveSession} holds the one instance,
 * guards it with its lock and does the answering. A request leaves exactly once (a decision,
 * its timeout, the CLI giving up on it, or its run ending), which is what makes the first
 * decision the only one.
 */
final class PendingPermissions {

    record Pending(RunId runId, RunEvent.PermissionRequest request, DelayedTasks.Scheduled timeout) {}

    private final Map<String, Pending> byRequestId = new LinkedHashMap<>();
    private final Set<String> allowedTools = new HashSet<>();

    void add(Pending pending) {
        byRequestId.put(pending.request().requestId(), pending);
    }

    /** Takes the request out and stops its timeout; empty when it was never asked or already left. */
    Optional<Pending> take(String requestId) {
        Pending pending = byRequestId.remove(requestId);
        if (pending != null) {
            pending.timeout().cancel();
        }
        return Optional.ofNullable(pending);
    }

    /** The request of that run still waiting for an answer, left in place. */
    Optional<Pending> find(String requestId, RunId runId) {
        Pending pending = byRequestId.get(requestId);
        return pending != null && pending.runId().equals(runId) ? Optional.of(pending) : Optional.empty();
    }

    /** As {@link #take(String)}, for a decision on one run: a request id of another run is not this one's to decide. */
    Optional<Pending> take(String requestId, RunId runId) {
        return find(requestId, runId).flatMap(pending -> take(requestId));
    }

    /** The run ended: its requests are void. */
    void dropRun(RunId runId) {
        byRequestId.values().removeIf(pending -> {
            if (pending.runId().equals(runId)) {
                pending.timeout().cancel();
                return true;
            }
            return false;
        });
    }

    /** The process ended: nothing is waiting any more. */
    void dropAll() {
        byRequestId.values().forEach(pending -> pending.timeout().cancel());
        byRequestId.clear();
    }

    boolean isEmpty() {
        return byRequestId.isEmpty();
    }

    void rememberAllowed(String toolName) {
        allowedTools.add(toolName);
    }

    boolean allowedForSession(String toolName) {
        return allowedTools.contains(toolName);
    }
}
