package dev.ccui.domain.run;

/**
 * Where a run is in its life; the last four are final and match {@link RunEvent.EndReason}. A new
 * state that is not final must also join the database's one-active-run-per-session index
 * ({@code runs_one_active_per_session}, migration V17), which names the active states.
 */
public enum RunState {
    /** Accepted; the CLI is starting or has not answered yet. */
    STARTING,
    /** The CLI is working on the prompt. */
    RUNNING,
    /** The CLI waits for a person to allow or deny a tool. */
    AWAITING_PERMISSION,
    /** An interrupt was sent; the CLI has not ended the turn yet. */
    INTERRUPTING,
    COMPLETED,
    INTERRUPTED,
    FAILED,
    /** The app stopped while the run was active; continuing the session resumes it. */
    LOST;

    public boolean isFinal() {
        return this == COMPLETED || this == INTERRUPTED || this == FAILED || this == LOST;
    }

    /** The final state a run ends in for this reason. */
    public static RunState endedBy(RunEvent.EndReason reason) {
        return switch (reason) {
            case COMPLETED -> COMPLETED;
            case INTERRUPTED -> INTERRUPTED;
            case FAILED -> FAILED;
            case LOST -> LOST;
        };
    }
}
