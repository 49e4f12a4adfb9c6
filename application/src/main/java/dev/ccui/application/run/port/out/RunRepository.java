package dev.ccui.application.run.port.out;

import dev.ccui.domain.run.NodeId;
import dev.ccui.domain.run.Run;
import dev.ccui.domain.run.RunId;
import dev.ccui.domain.run.RunState;
import dev.ccui.domain.session.SessionId;
import dev.ccui.domain.user.UserId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The runs and their states. */
public interface RunRepository {

    /**
     * Stores a new run; {@code false} when the user already has a run with its client message id,
     * or its session already has an active run (on any node: one turn at a time per session).
     */
    boolean insert(Run run);

    Optional<Run> findById(RunId id);

    Optional<Run> findByClientMessageId(UserId userId, String clientMessageId);

    /** The session's newest run; empty when no run was ever started in it through this app. */
    Optional<Run> latestOfSession(SessionId sessionId);

    /** The session's run that is not in a final state, on whichever node. */
    Optional<Run> activeOfSession(SessionId sessionId);

    void updateState(RunId id, RunState state, Instant endedAt);

    /** Runs newest first; of one user or of everyone ({@code null}); only active ones when asked. */
    List<Run> list(UserId userId, boolean activeOnly, int limit);

    /** Runs not in a final state that the node started, oldest first. */
    List<Run> activeOnNode(NodeId node);

    /**
     * Runs not in a final state whose node is not {@code self} and was last heard before
     * {@code heardBefore}, or never (runs recorded without a node count as such), oldest first.
     */
    List<Run> activeOnSilentNodes(NodeId self, Instant heardBefore);

    /**
     * Ends the run in {@code state} unless it has already ended: when several nodes reap the same
     * run, exactly one of them gets {@code true} (and writes its end event).
     */
    boolean endIfActive(RunId id, RunState state, Instant endedAt);

    /** Forgets finished runs that ended before {@code cutoff}. */
    int deleteEndedBefore(Instant cutoff);
}
