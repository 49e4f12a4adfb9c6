package dev.ccui.domain.history;

import java.time.Instant;

/**
 * Where the transcript index stands. {@code state}: {@code starting}, {@code scanning} (a full
 * pass over the files) or {@code watching} (caught up, following changes).
 */
public record IndexProgress(String state, long filesDone, long filesTotal, long bytesDone, long bytesTotal,
                            long badLines, Instant lastScanStartedAt, Instant lastScanFinishedAt, long lastChangeLagMs) {
}
