package dev.ccui.application.run.port.out;

import dev.ccui.domain.run.Attachment;
import dev.ccui.domain.run.PermissionDecision;
import dev.ccui.domain.run.PermissionMode;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;

/**
 * A live CLI process of one session. Methods may be called from any thread; what they send
 * reaches the CLI in the order of the calls. Calls on a process that has ended throw
 * {@link dev.ccui.domain.error.UnavailableException}, except {@link #interrupt()} and {@link #close()}.
 */
public interface RunningProcess {

    /** Sends a prompt (its files before its text); the CLI queues it when a turn is still running. */
    void sendUserTurn(String text, List<Attachment> attachments);

    /**
     * Asks the CLI to stop the current turn (it ends with a {@code result} and
     * {@code run_ended interrupted}). When it does not within the configured time, the process
     * tree is killed. Does nothing when no turn is running.
     */
    void interrupt();

    /**
     * Answers a {@code permission_request}. The caller owns the pending requests and answers each
     * one once; the process keeps no list of its own (the CLI's {@code control_cancel_request}
     * arrives as a {@code permission_resolved} by {@code cli} with the request id, for the caller
     * to match).
     */
    void answerPermission(String requestId, PermissionDecision decision);

    /** Changes the model for the next requests; completes when the CLI confirmed it. */
    CompletableFuture<Void> setModel(String model);

    /**
     * Changes the effort level ({@code low} … {@code max}) for the next requests; completes when the
     * CLI confirmed it. The CLI keeps it for the rest of the process, as a flag given at start.
     */
    CompletableFuture<Void> setEffort(String effort);

    /** Changes the permission mode; completes when the CLI confirmed it. */
    CompletableFuture<Void> setPermissionMode(PermissionMode mode);

    /** Whether a turn was sent and its result has not come yet. */
    boolean turnActive();

    /**
     * Ends the process: closes its stdin, waits a little for it to exit, then kills what is
     * left of its tree. Returns when the process is gone. Idempotent.
     */
    void close();

    /** The operating system's id of the CLI process; empty when it never started. */
    OptionalLong pid();

    boolean isAlive();
}
