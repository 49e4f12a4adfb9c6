package dev.ccui.domain.history;

import java.time.Instant;

/**
 * Where the transcript index stands. {@code state}: {@code starting}, {@code scanning} (a full
 * pass over the files) or {@code watching} (caught up, following changes). {@code phase} tells the
 * two steps of a pass apart: {@code listing} (a glance at each new file's head and tail puts every
 * session in its project), then {@code parsing} (tokens, cost, messages and full text, file by
 * file); {@code idle} between passes. Files and bytes count the phase under way.
 */
public record IndexProgress(
        String state,
        long filesDone,
        long filesTotal,
        long bytesDone,
        long bytesTotal,
        long badLines,
        Instant lastScanStartedAt,
        Instant lastScanFinishedAt,
        long lastChangeLagMs,
        String phase) {
    public static final String LISTING = "listing";
    public static final String PARSING = "parsing";
    public static final String IDLE = "idle";

    /** Without a phase (a node of an earlier version): parsing while it scans. */
    public IndexProgress(
            String state,
            long filesDone,
            long filesTotal,
            long bytesDone,
            long bytesTotal,
            long badLines,
            Instant lastScanStartedAt,
            Instant lastScanFinishedAt,
            long lastChangeLagMs) {
        this(
                state,
                filesDone,
                filesTotal,
                bytesDone,
                bytesTotal,
                badLines,
                lastScanStartedAt,
                lastScanFinishedAt,
                lastChangeLagMs,
                "scanning".equals(state) ? PARSING : IDLE);
    }
}
