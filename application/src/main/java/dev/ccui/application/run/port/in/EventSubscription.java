package dev.ccui.application.run.port.in;

import dev.ccui.domain.run.RunId;
import java.util.Optional;

/**
 * A subscriber's view of a session's events. Live events are already collected when this is
 * returned; {@link #replay()} then delivers the stored ones after the requested seq and every
 * live one after them, each once and in order.
 */
public interface EventSubscription extends AutoCloseable {

    /** The session's last seq when the subscription began. */
    long lastSeq();

    Optional<RunId> activeRunId();

    /**
     * The seq of the active run's first event (0 when there is no active run or its events are
     * gone): a page opened mid-run subscribes from just before it to show the whole turn so far.
     */
    long activeRunFirstSeq();

    /** Delivers the missed events, then switches to live delivery. Call once. */
    void replay();

    @Override
    void close();
}
