package dev.ccui.application.run;

import dev.ccui.domain.run.NodeId;
import java.time.Duration;
import java.util.Objects;

/**
 * @param perUser           active runs one user may have
 * @param global            active runs on this node
 * @param permissionTimeout how long a permission request waits before it is denied
 * @param retention         how long the event log and finished runs are kept
 * @param node              this node, recorded on every run it starts
 * @param nodeSilentAfter   a node not heard from for this long is gone: its active runs are lost
 * @param commandTimeout    how long a node waits for the owner node's reply to an interrupt or a
 *                          decision it forwarded (the caller waits as long)
 */
public record RunSettings(
        int perUser,
        int global,
        Duration permissionTimeout,
        Duration retention,
        NodeId node,
        Duration nodeSilentAfter,
        Duration commandTimeout) {
    /** Long enough for a busy owner, short enough that a person clicking "allow" is not left hanging. */
    public static final Duration DEFAULT_COMMAND_TIMEOUT = Duration.ofSeconds(5);

    /** Heartbeats are sent at least this often, and at least four times within {@link #nodeSilentAfter}. */
    static final Duration MAX_HEARTBEAT = Duration.ofSeconds(30);

    public RunSettings {
        Objects.requireNonNull(permissionTimeout, "permissionTimeout");
        Objects.requireNonNull(retention, "retention");
        Objects.requireNonNull(node, "node");
        Objects.requireNonNull(nodeSilentAfter, "nodeSilentAfter");
        Objects.requireNonNull(commandTimeout, "commandTimeout");
        if (commandTimeout.isNegative() || commandTimeout.isZero()) {
            throw new IllegalArgumentException("commandTimeout must be positive");
        }
        if (perUser < 1 || global < 1 || permissionTimeout.isNegative() || permissionTimeout.isZero()) {
            throw new IllegalArgumentException("run limits and the permission timeout must be positive");
        }
        if (nodeSilentAfter.compareTo(Duration.ofSeconds(2)) < 0) {
            throw new IllegalArgumentException("nodeSilentAfter must be at least 2 seconds");
        }
    }

    public RunSettings(
            int perUser,
            int global,
            Duration permissionTimeout,
            Duration retention,
            NodeId node,
            Duration nodeSilentAfter) {
        this(perUser, global, permissionTimeout, retention, node, nodeSilentAfter, DEFAULT_COMMAND_TIMEOUT);
    }

    /** One node called {@code local}; silent nodes are reaped after two minutes. */
    public static RunSettings defaults() {
        return new RunSettings(
                3, 10, Duration.ofMinutes(5), Duration.ofDays(30), new NodeId("local"), Duration.ofMinutes(2));
    }

    /** How often this node says it is alive and looks for silent ones. */
    public Duration heartbeatEvery() {
        Duration quarter = nodeSilentAfter.dividedBy(4);
        return quarter.compareTo(MAX_HEARTBEAT) < 0 ? quarter : MAX_HEARTBEAT;
    }
}
