package dev.ccui.application.history;

import dev.ccui.application.events.port.out.EventBus;
import dev.ccui.domain.events.AppEvent;
import dev.ccui.domain.history.IndexProgress;
import dev.ccui.domain.project.ProjectId;
import java.util.Set;

/**
 * What the indexer tells the rest of the app: its progress and the projects whose sessions
 * changed. One holder, because the passes, the listing and the full reads all report through it
 * while readers ask for the progress from other threads.
 */
final class IndexFeed {
    private final EventBus events;
    private volatile IndexProgress progress =
            new IndexProgress("starting", 0, 0, 0, 0, 0, null, null, 0, IndexProgress.IDLE);

    IndexFeed(EventBus events) {
        this.events = events;
    }

    IndexProgress progress() {
        return progress;
    }

    /** Sets the progress and tells subscribers. */
    void show(IndexProgress next) {
        progress = next;
        events.publish(new AppEvent.IndexStatus(next));
    }

    /**
     * How long the last watched change took to show in the index: set without an event of its own,
     * a figure for whoever asks that the next status also carries.
     */
    void lastChangeLag(long lagMs) {
        IndexProgress p = progress;
        progress = new IndexProgress(
                p.state(),
                p.filesDone(),
                p.filesTotal(),
                p.bytesDone(),
                p.bytesTotal(),
                p.badLines(),
                p.lastScanStartedAt(),
                p.lastScanFinishedAt(),
                lagMs,
                p.phase());
    }

    /** Tells subscribers which projects changed, then empties the set for the next report. */
    void projectsChanged(Set<ProjectId> changed) {
        if (!changed.isEmpty()) {
            events.publish(new AppEvent.ProjectsChanged(Set.copyOf(changed)));
            changed.clear();
        }
    }
}
