package dev.ccui.application.history;

import java.time.Duration;

/**
 * @param rescanEvery  full pass over the files as a safety net for missed watch events
 * @param readChunk    bytes read from one file per step, so a huge file never holds up the others
 *                     and the index answers from what it has so far
 */
public record IndexSettings(Duration rescanEvery, long readChunk) {
    public static IndexSettings defaults() {
        return new IndexSettings(Duration.ofMinutes(5), 32L * 1024 * 1024);
    }
}
