package dev.ccui.application.run;

import dev.ccui.application.run.port.out.NodeHeartbeats;
import dev.ccui.application.run.port.out.RunEventLog;
import dev.ccui.application.run.port.out.RunRepository;
import dev.ccui.domain.run.Run;
import dev.ccui.domain.run.RunEvent;
import dev.ccui.domain.run.RunState;
import dev.ccui.domain.session.SessionId;
import java.time.Clock;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * This node's duties in the store all nodes share. An active run can only be steered by the
 * node running its process, so a run whose node is gone would stay "running" forever: the
 * janitor ends as {@code lost} this node's runs from before a restart and those of nodes silent
 * for {@link RunSettings#nodeSilentAfter()} (continuing their session resumes it), never a live
 * node's. It also beats for this node and prunes what is past retention.
 */
final class NodeJanitor {
    private static final Logger LOG = LoggerFactory.getLogger(NodeJanitor.class);
    private static final long PRUNE_EVERY_HOURS = 6;

    private final RunRepository runs;
    private final RunEventLog log;
    private final NodeHeartbeats nodes;
    private final RunEventPublisher events;
    private final Clock clock;
    private final RunSettings settings;

    NodeJanitor(
            RunRepository runs,
            RunEventLog log,
            NodeHeartbeats nodes,
            RunEventPublisher events,
            Clock clock,
            RunSettings settings) {
        this.runs = runs;
        this.log = log;
        this.nodes = nodes;
        this.events = events;
        this.clock = clock;
        this.settings = settings;
    }

    /**
     * Once at startup: beats, then ends this node's runs that no live session here holds (the
     * process that ran them died with the previous start) and the runs of silent nodes.
     */
    void recover(Predicate<SessionId> liveHere) {
        nodes.beat(settings.node(), clock.instant());
        for (Run run : runs.activeOnNode(settings.node())) {
            if (!liveHere.test(run.sessionId())) {
                endLost(run, "was active on this node when the app stopped");
            }
        }
        reapSilentNodes();
    }

    /** Beats and reaps every {@link RunSettings#heartbeatEvery()}; prunes now and every six hours. */
    void schedule(ScheduledExecutorService timers) {
        long every = settings.heartbeatEvery().toMillis();
        timers.scheduleWithFixedDelay(this::heartbeat, every, every, TimeUnit.MILLISECONDS);
        timers.scheduleWithFixedDelay(this::purgeExpired, 0, PRUNE_EVERY_HOURS, TimeUnit.HOURS);
    }

    void heartbeat() {
        try {
            nodes.beat(settings.node(), clock.instant());
            reapSilentNodes();
        } catch (RuntimeException e) {
            LOG.warn("could not beat or look for silent nodes: {}", e.getMessage());
        }
    }

    private void reapSilentNodes() {
        for (Run run : runs.activeOnSilentNodes(settings.node(), clock.instant().minus(settings.nodeSilentAfter()))) {
            endLost(
                    run,
                    run.nodeId() == null
                            ? "was recorded without a node and is not running here"
                            : "belongs to node " + run.nodeId() + ", silent for more than "
                                    + settings.nodeSilentAfter());
        }
    }

    /** Only the node that actually ends the run writes its end: several may find it at once. */
    boolean endLost(Run run, String why) {
        if (runs.endIfActive(run.id(), RunState.LOST, clock.instant())) {
            LOG.info("run {} of session {} {}: marked lost", run.id(), run.sessionId(), why);
            events.append(run.sessionId(), run.id(), new RunEvent.RunEnded(RunEvent.EndReason.LOST));
            return true;
        }
        return false;
    }

    void purgeExpired() {
        try {
            var cutoff = clock.instant().minus(settings.retention());
            int events = log.deleteOlderThan(cutoff);
            int ended = runs.deleteEndedBefore(cutoff);
            if (events > 0 || ended > 0) {
                LOG.info(
                        "pruned {} run event(s) and {} finished run(s) older than {}",
                        events,
                        ended,
                        settings.retention());
            }
        } catch (RuntimeException e) {
            LOG.warn("could not prune old run events", e);
        }
    }
}
