package dev.ccui.domain.run;

import dev.ccui.domain.project.ProjectId;
import dev.ccui.domain.session.SessionId;
import dev.ccui.domain.user.UserId;
import java.time.Instant;
import java.util.Objects;

/**
 * One run as recorded: who started which prompt in which session, and where it is now.
 *
 * @param clientMessageId the caller's id of the prompt; a second start with the same id by the
 *                        same user returns this run instead of starting another
 * @param endedAt         {@code null} while the run is active
 * @param nodeId          the node whose CLI process it is; {@code null} for runs recorded before
 *                        nodes were told apart
 * @param model           the model the prompt asked for; {@code null}: the session's or the CLI's default
 * @param effort          the CLI's effort level the prompt asked for; {@code null}: its default
 */
public record Run(
        RunId id,
        SessionId sessionId,
        ProjectId projectId,
        UserId userId,
        RunState state,
        String clientMessageId,
        Instant startedAt,
        Instant endedAt,
        NodeId nodeId,
        String model,
        String effort) {
    public Run {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(sessionId, "sessionId");
        Objects.requireNonNull(projectId, "projectId");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(startedAt, "startedAt");
    }

    /** A run without a chosen model or effort. */
    public Run(
            RunId id,
            SessionId sessionId,
            ProjectId projectId,
            UserId userId,
            RunState state,
            String clientMessageId,
            Instant startedAt,
            Instant endedAt,
            NodeId nodeId) {
        this(id, sessionId, projectId, userId, state, clientMessageId, startedAt, endedAt, nodeId, null, null);
    }

    public boolean active() {
        return !state.isFinal();
    }

    public Run withState(RunState newState, Instant at) {
        return new Run(
                id,
                sessionId,
                projectId,
                userId,
                newState,
                clientMessageId,
                startedAt,
                newState.isFinal() ? at : null,
                nodeId,
                model,
                effort);
    }
}
