package dev.ccui.application.run.port.out;

import dev.ccui.domain.run.NodeId;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Function;

/**
 * Request and reply between nodes for {@link RunCommand}s: how a node reaches the one that owns
 * a run. Delivery may lose a message, so {@link #send} may deliver a command more than once
 * (resending it with the same id until a reply comes); the owner's handler makes that harmless.
 */
public interface RunCommandRelay {

    /** A node alone (no shared bus): nothing can reach another node. */
    RunCommandRelay NONE = new RunCommandRelay() {
        @Override
        public boolean connected() {
            return false;
        }

        @Override
        public Optional<RunCommandReply> send(NodeId owner, RunCommand command, Duration timeout) {
            return Optional.empty();
        }

        @Override
        public AutoCloseable serve(NodeId self, Function<RunCommand, RunCommandReply> handler) {
            return () -> {};
        }
    };

    /** Whether commands can travel between nodes at all (a bus is configured). */
    boolean connected();

    /**
     * Sends the command to {@code owner} and waits up to {@code timeout} for its reply; empty when
     * none came (the owner is gone or unreachable). Blocks the calling thread.
     */
    Optional<RunCommandReply> send(NodeId owner, RunCommand command, Duration timeout);

    /**
     * Applies the commands sent to {@code self} with {@code handler} (off the bus's own thread)
     * and sends back what it returns, until the handle is closed.
     */
    AutoCloseable serve(NodeId self, Function<RunCommand, RunCommandReply> handler);
}
