package dev.ccui.bootstrap.config;

import dev.ccui.application.run.RunSettings;
import dev.ccui.domain.run.NodeId;
import java.time.Duration;
import java.util.Optional;

/**
 * Claude runs: limits, permission prompts, and the node this process is among several sharing a database.
 *
 * @param nodeId      {@code CCUI_NODE_ID}; unset, one is kept in the data dir
 * @param nodeTimeout a node silent this long is taken for dead and its runs end as lost
 */
public record RunConfig(int perUser, int total, Duration permissionTimeout, Duration eventRetention,
                        Optional<String> nodeId, Duration nodeTimeout) {

    /** The run settings once the node id is known (configured, or read from the data dir). */
    public RunSettings settings(NodeId node) {
        return new RunSettings(perUser, total, permissionTimeout, eventRetention, node, nodeTimeout);
    }

    @Override
    public String toString() {
        return "runs=" + perUser + "/user, " + total + " total (permission timeout " + permissionTimeout + ", events kept "
                + eventRetention + ")";
    }
}
