package dev.ccui.application.workspace.git.port.out;

import dev.ccui.application.common.Cancellation;
import dev.ccui.domain.workspace.git.GitProgress;
import java.util.function.Consumer;

/**
 * How a caller follows a fetch, pull or push. {@link #quiet()}: it waits for the answer (git runs
 * quietly, within the short remote limit). {@link #streamed}: git reports its progress as it goes,
 * within the long limit a person watching can afford, and {@code cancellation} stops it.
 *
 * @param progress null when quiet
 */
public record RemoteWatch(Consumer<GitProgress> progress, Cancellation cancellation) {
    public RemoteWatch {
        if (cancellation == null) {
            throw new IllegalArgumentException("a cancellation is required");
        }
    }

    public static RemoteWatch quiet() {
        return new RemoteWatch(null, new Cancellation());
    }

    public static RemoteWatch streamed(Consumer<GitProgress> progress, Cancellation cancellation) {
        if (progress == null) {
            throw new IllegalArgumentException("a progress listener is required");
        }
        return new RemoteWatch(progress, cancellation);
    }

    public boolean isStreamed() {
        return progress != null;
    }
}
