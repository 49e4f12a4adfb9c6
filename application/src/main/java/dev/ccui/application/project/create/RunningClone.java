package dev.ccui.application.project.create;

import dev.ccui.application.common.Cancellation;
import dev.ccui.application.project.create.port.in.CloneOperation;
import dev.ccui.domain.project.ProjectId;
import dev.ccui.domain.project.create.CloneId;
import dev.ccui.domain.project.create.CloneState;
import dev.ccui.domain.user.UserId;
import dev.ccui.domain.workspace.git.GitProgress;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/** One clone's changing state and who listens to it; every change is one new {@link CloneOperation} snapshot. */
final class RunningClone {
    final CloneId id;
    final UserId userId;
    final Path target;
    final Cancellation cancellation = new Cancellation();
    private final List<Consumer<CloneOperation>> listeners = new CopyOnWriteArrayList<>();
    private CloneOperation current;

    RunningClone(CloneId id, UserId userId, String url, Path target, Instant startedAt) {
        this.id = id;
        this.userId = userId;
        this.target = target;
        this.current = new CloneOperation(
                id, userId, url, target.toString(), CloneState.RUNNING, null, null, null, null, startedAt, null);
    }

    synchronized CloneOperation snapshot() {
        return current;
    }

    void progress(GitProgress progress) {
        CloneOperation next;
        synchronized (this) {
            if (current.state().finished()) {
                return;
            }
            if (progress.equals(current.progress())) {
                return;
            }
            current = copy(current.state(), progress, null, null, null, null);
            next = current;
        }
        tell(next);
    }

    void finish(CloneState state, ProjectId projectId, String errorCode, String errorMessage, Instant at) {
        CloneOperation next;
        synchronized (this) {
            if (current.state().finished()) {
                return;
            }
            current = copy(state, current.progress(), projectId, errorCode, errorMessage, at);
            next = current;
        }
        tell(next);
        listeners.clear();
    }

    /** The snapshot now, then every change; a listener added after the end gets the final state only. */
    Runnable listen(Consumer<CloneOperation> listener) {
        // Under the lock, so no change can reach the listener before the snapshot does (it may get a
        // snapshot twice, never an older one after a newer); listeners only queue what they get.
        synchronized (this) {
            if (!current.state().finished()) {
                listeners.add(listener);
            }
            listener.accept(current);
        }
        return () -> listeners.remove(listener);
    }

    private CloneOperation copy(
            CloneState state,
            GitProgress progress,
            ProjectId projectId,
            String errorCode,
            String errorMessage,
            Instant endedAt) {
        return new CloneOperation(
                id,
                userId,
                current.url(),
                current.path(),
                state,
                progress,
                projectId,
                errorCode,
                errorMessage,
                current.startedAt(),
                endedAt);
    }

    private void tell(CloneOperation operation) {
        for (Consumer<CloneOperation> listener : listeners) {
            try {
                listener.accept(operation);
            } catch (RuntimeException ignored) {
                // One listener's failure (a closed stream) is its own business.
            }
        }
    }
}
