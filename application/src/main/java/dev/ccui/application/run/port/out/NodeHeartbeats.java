package dev.ccui.application.run.port.out;

import dev.ccui.domain.run.NodeId;
import java.time.Instant;
import java.util.Optional;

/**
 * Each node says it is alive, in the store every node shares; a node not heard from for a while
 * is gone, and its active runs are lost (see {@link RunRepository#activeOnSilentNodes}).
 */
public interface NodeHeartbeats {

    /**
     * Records that the node is alive at {@code at}. There is no sign-off: a node stopping ends its
     * runs itself, and one that stops without doing so is found by its silence.
     */
    void beat(NodeId node, Instant at);

    /** When the node last beat; empty when it never did (or its row was pruned). */
    Optional<Instant> lastBeat(NodeId node);
}
