package dev.ccui.application.history.port.out;

/**
 * Makes a thread of background work yield the processor to the server's requests. The index can
 * keep every core busy for seconds after a start; meanwhile a person signing in or opening a
 * session should not wait behind it.
 */
@FunctionalInterface
public interface BackgroundPriority {
    /** Leaves every thread as it is. */
    BackgroundPriority NONE = () -> {};

    /**
     * Lowers the priority of the calling thread; called by a background thread on itself as it
     * starts. Never fails: where the system cannot do it, the thread runs as before.
     */
    void lowerCurrentThread();
}
