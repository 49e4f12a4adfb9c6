package dev.ccui.application.run;

import dev.ccui.application.run.port.out.NodeHeartbeats;
import dev.ccui.application.run.port.out.RunCommand;
import dev.ccui.application.run.port.out.RunCommandRelay;
import dev.ccui.application.run.port.out.RunCommandReply;
import dev.ccui.domain.error.ConflictException;
import dev.ccui.domain.error.UnavailableException;
import dev.ccui.domain.run.Run;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * The caller's side of a command on a run another node owns: sends it there and raises the
 * owner's answer as if the caller had reached the owner. Without an answer within
 * {@link RunSettings#commandTimeout()} it looks at the owner's heartbeat: a node silent for
 * {@link RunSettings#nodeSilentAfter()} (or never seen) is gone, so the run is ended {@code lost}
 * right here, not at the next reaping, and the caller is told to continue the session to resume
 * it; a node still beating is only unreachable for now (503, retry).
 */
final class RunCommandForwarder {
    private static final Duration RETRY_AFTER = Duration.ofSeconds(2);

    private final RunCommandRelay relay;
    private final NodeHeartbeats nodes;
    private final Clock clock;
    private final RunSettings settings;
    private final Predicate<Run> endLost;

    /** @param endLost ends the run {@code lost} unless it already ended; true when this call ended it */
    RunCommandForwarder(
            RunCommandRelay relay, NodeHeartbeats nodes, Clock clock, RunSettings settings, Predicate<Run> endLost) {
        this.relay = relay;
        this.nodes = nodes;
        this.clock = clock;
        this.settings = settings;
        this.endLost = endLost;
    }

    /** Whether {@code run} is another node's, that a command could reach. */
    boolean elsewhere(Run run) {
        return run.nodeId() != null && !run.nodeId().equals(settings.node());
    }

    RunCommandReply forward(Run run, RunCommand command) {
        if (!relay.connected()) {
            throw new ConflictException(
                    "RUN_NOT_HERE",
                    "the run is active on node " + run.nodeId()
                            + ", which this node cannot reach without a shared event bus (REDIS_URL)");
        }
        Optional<RunCommandReply> reply = relay.send(run.nodeId(), command, settings.commandTimeout());
        if (reply.isPresent()) {
            return reply.get().orThrow();
        }
        Optional<Instant> heard = nodes.lastBeat(run.nodeId());
        Instant silentSince = clock.instant().minus(settings.nodeSilentAfter());
        if (heard.isEmpty() || heard.get().isBefore(silentSince)) {
            endLost.test(run);
            throw new ConflictException(
                    "RUN_LOST",
                    "the run's node " + run.nodeId() + " is gone, so the run is lost; send a message to its"
                            + " session to resume it");
        }
        throw new UnavailableException(
                "NODE_UNREACHABLE",
                "the run's node " + run.nodeId() + " did not answer within "
                        + settings.commandTimeout().toSeconds() + " s; try again",
                RETRY_AFTER);
    }
}
