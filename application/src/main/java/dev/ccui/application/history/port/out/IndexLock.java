package dev.ccui.application.history.port.out;

/**
 * Keeps the indexers of several nodes that read the same transcript folder (shared storage) from
 * running a pass at the same time. Each pass starts from the file states in the shared index, so
 * passes one after the other never index a line twice; two at once would both read the same new
 * lines.
 */
public interface IndexLock {

    /** A node alone on its database (SQLite): its own passes never overlap anyway. */
    IndexLock NONE = (folder, pass) -> pass.run();

    /** A pass of the indexer; it may be interrupted. */
    interface Pass {
        void run() throws InterruptedException;
    }

    /** Runs {@code pass} once no other node runs one on {@code folder}, waiting for it. */
    void during(String folder, Pass pass) throws InterruptedException;
}
