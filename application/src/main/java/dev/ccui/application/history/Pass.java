package dev.ccui.application.history;

import dev.ccui.application.history.port.out.TranscriptFile;
import dev.ccui.domain.history.IndexProgress;
import dev.ccui.domain.project.ProjectId;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;

/**
 * Where one pass stands, published at most every half second. Its own class because both the
 * listing and the full reads count into it, and only it knows how each phase is shown.
 */
final class Pass {
    private final Clock clock;
    private final IndexFeed feed;
    final boolean quiet;
    final Instant started;
    final IndexProgress before;
    final long filesTotal;
    final long bytesTotal;
    String phase = IndexProgress.LISTING;
    long listed;
    long toList;
    long filesDone;
    long bytesDone;
    long bytesRead;
    long bad;
    Instant lastReport;

    /** @param quiet for a few watched files: no progress of its own to show, the last pass's figures stay */
    Pass(
            Clock clock,
            IndexFeed feed,
            Instant started,
            IndexProgress before,
            long filesTotal,
            long bytesTotal,
            boolean quiet) {
        this.clock = clock;
        this.feed = feed;
        this.quiet = quiet;
        this.started = started;
        this.before = before;
        this.filesTotal = filesTotal;
        this.bytesTotal = bytesTotal;
        publish();
    }

    void phase(String next) {
        phase = next;
        publish();
    }

    void fileDone(TranscriptFile file, long badLines) {
        filesDone++;
        bytesDone += file.size();
        bad += badLines;
    }

    /** A file whose new part was read (not one found unchanged). */
    void fileRead(TranscriptFile file, long from, long badLines) {
        fileDone(file, badLines);
        bytesRead += file.size() - from;
    }

    /** Progress, and the projects whose sessions changed, when half a second has passed since the last. */
    void report(Set<ProjectId> changed) {
        if (lastReport == null || Duration.between(lastReport, clock.instant()).toMillis() >= 500) {
            publish();
            feed.projectsChanged(changed);
        }
    }

    void publish() {
        lastReport = clock.instant();
        if (quiet) {
            return;
        }
        feed.show(
                IndexProgress.LISTING.equals(phase)
                        ? new IndexProgress(
                                "scanning",
                                listed,
                                toList,
                                0,
                                bytesTotal,
                                before.badLines(),
                                started,
                                before.lastScanFinishedAt(),
                                before.lastChangeLagMs(),
                                phase)
                        : new IndexProgress(
                                "scanning",
                                filesDone,
                                filesTotal,
                                bytesDone,
                                bytesTotal,
                                bad,
                                started,
                                before.lastScanFinishedAt(),
                                before.lastChangeLagMs(),
                                phase));
    }
}
