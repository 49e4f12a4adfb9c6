package dev.ccui.application.workspace.git.port.in;

import dev.ccui.application.common.Cancellation;
import dev.ccui.domain.workspace.git.GitProgress;
import java.util.function.Consumer;

/**
 * A fetch, pull or push whose caller and arguments were already checked, run when its caller is
 * ready to follow it: a streaming answer opens only once no refusal can come any more.
 */
@FunctionalInterface
public interface RemoteOperation<T> {
    /**
     * Streamed: git's progress to {@code progress} as it comes, within the long limit, stopped by
     * {@code cancellation} ({@code REMOTE_CANCELLED}); with a null {@code progress}, quiet.
     */
    T run(Consumer<GitProgress> progress, Cancellation cancellation);

    /** Quiet: the answer once git is done, within the short remote limit. */
    default T run() {
        return run(null, new Cancellation());
    }
}
