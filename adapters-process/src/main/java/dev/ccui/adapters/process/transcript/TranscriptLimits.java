package dev.ccui.adapters.process.transcript;

/**
 * The bounds that keep reading transcripts written by another program cheap whatever they hold.
 *
 * @param maxLineBytes        a longer line is not parsed whole: only its small facts are streamed out
 *                            of it, and the history shows a placeholder instead of it
 * @param maxReadBytes        one {@code read} stops at the first line end past this many bytes; the
 *                            caller reads on from {@code endOffset}
 * @param toolResultChars     tool outputs longer than this are cut in the history (the whole is fetched on demand)
 * @param searchTextChars     at most this much search text per read
 * @param maxFiles            a listing stops after this many transcripts
 * @param maxWalkDepth        how deep below the projects root a listing looks
 *                            ({@code <folder>/<session>/subagents/<file>} is 4)
 */
public record TranscriptLimits(
        int maxLineBytes, long maxReadBytes, int toolResultChars, int searchTextChars, int maxFiles, int maxWalkDepth) {
    public TranscriptLimits {
        if (maxLineBytes < 1024
                || maxReadBytes < 1
                || toolResultChars < 1
                || searchTextChars < 0
                || maxFiles < 1
                || maxWalkDepth < 2) {
            throw new IllegalArgumentException("transcript limits out of range: maxLineBytes=" + maxLineBytes
                    + " maxReadBytes=" + maxReadBytes + " toolResultChars=" + toolResultChars + " searchTextChars="
                    + searchTextChars + " maxFiles=" + maxFiles + " maxWalkDepth=" + maxWalkDepth);
        }
    }

    public static TranscriptLimits defaults() {
        return new TranscriptLimits(8 << 20, 64L << 20, 10_000, 256 << 10, 200_000, 4);
    }
}
