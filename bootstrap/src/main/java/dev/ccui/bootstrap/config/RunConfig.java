package dev.ccui.bootstrap.config;

import dev.ccui.application.run.RunSettings;
import dev.ccui.domain.run.NodeId;
import java.time.Duration;
import java.util.Optional;

/**
 * Claude runs: limits, permission prompts, and the node this process is among several sharing a database.
 *
 * @param nodeId      {@code CCUI_NODE_ID}; unset, one is kept in the data dir
 * @param nodeTimeout    a node silent this long is taken for dead and its runs end as lost
 * @param silenceTimeout {@code CCUI_RUN_SILENCE_TIMEOUT}: a CLI printing nothing in a turn this long (no prompt
 *                       open) is killed, its run failed
 * @param commandTimeout {@code CCUI_NODE_COMMAND_TIMEOUT}: how long an interrupt or a decision forwarded
 *                       to the run's node waits for its answer
 * @param drainTimeout   {@code CCUI_DRAIN_TIMEOUT}: on SIGTERM, how long active runs may go on before the
 *                       node ends them {@code lost} and exits
 */
public record RunConfig(
        int perUser,
        int total,
        Duration permissionTimeout,
        Duration eventRetention,
        Optional<String> nodeId,
        Duration nodeTimeout,
        Duration silenceTimeout,
        Duration commandTimeout,
        Duration drainTimeout) {

    /** The run settings once the node id is known (configured, or read from the data dir). */
    public RunSettings settings(NodeId node) {
        return new RunSettings(perUser, total, permissionTimeout, eventRetention, node, nodeTimeout, commandTimeout);
    }

    static RunConfig read(EnvironmentReader r) {
        var config = new RunConfig(
                r.integer("CCUI_RUNS_PER_USER", 3, 1, 1000),
                r.integer("CCUI_RUNS_MAX", 10, 1, 10_000),
                r.duration("CCUI_PERMISSION_TIMEOUT", Duration.ofMinutes(5)),
                r.duration("CCUI_RUN_EVENT_RETENTION", Duration.ofDays(30)),
                r.optional("CCUI_NODE_ID"),
                r.duration("CCUI_NODE_TIMEOUT", Duration.ofMinutes(2)),
                r.duration("CCUI_RUN_SILENCE_TIMEOUT", Duration.ofMinutes(30)),
                r.duration("CCUI_NODE_COMMAND_TIMEOUT", RunSettings.DEFAULT_COMMAND_TIMEOUT),
                r.duration("CCUI_DRAIN_TIMEOUT", Duration.ofSeconds(30)));
        if (config.permissionTimeout().isZero() || config.permissionTimeout().isNegative()) {
            r.problem("CCUI_PERMISSION_TIMEOUT must be positive, e.g. 5m");
        }
        if (config.silenceTimeout().compareTo(Duration.ofSeconds(1)) < 0) {
            r.problem("CCUI_RUN_SILENCE_TIMEOUT must be at least 1s, e.g. 30m");
        }
        if (config.eventRetention().compareTo(Duration.ofHours(1)) < 0) {
            r.problem("CCUI_RUN_EVENT_RETENTION must be at least 1h");
        }
        if (config.nodeId().isPresent() && !NodeId.valid(config.nodeId().get())) {
            r.problem("CCUI_NODE_ID must be 1 to 64 letters, digits, '.', '_' or '-', starting with a letter or digit");
        }
        if (config.nodeTimeout().compareTo(Duration.ofSeconds(2)) < 0) {
            r.problem("CCUI_NODE_TIMEOUT must be at least 2s (heartbeats come every quarter of it, at most every 30s)");
        }
        if (config.commandTimeout().compareTo(Duration.ofMillis(100)) < 0
                || config.commandTimeout().compareTo(Duration.ofMinutes(1)) > 0) {
            r.problem("CCUI_NODE_COMMAND_TIMEOUT must be between 100ms and 1m, e.g. 5s");
        }
        if (config.drainTimeout().isNegative() || config.drainTimeout().compareTo(Duration.ofHours(1)) > 0) {
            r.problem("CCUI_DRAIN_TIMEOUT must be between 0s and 1h, e.g. 30s");
        }
        return config;
    }

    @Override
    public String toString() {
        return "runs=" + perUser + "/user, " + total + " total (permission timeout " + permissionTimeout
                + ", events kept " + eventRetention + ", drain " + drainTimeout + ")";
    }
}
