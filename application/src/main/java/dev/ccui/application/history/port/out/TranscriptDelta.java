package dev.ccui.application.history.port.out;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What reading a transcript from an offset found: facts of the complete lines read (a partial
 * last line is left for the next read), ready to merge into the index.
 *
 * @param endOffset          byte offset just after the last complete line consumed
 * @param sessionId          the first {@code sessionId} seen (null when no record had one)
 * @param cwd                the last {@code cwd} seen: the project's real path
 * @param firstPrompt        the first real user prompt (not meta, not a reminder, not a command wrapper)
 * @param inputTokens        summed once per API message id (lines of one message share usage)
 * @param costByProcessStart the CLI's cumulative {@code cost-state} per process start time (the last
 *                           one of each start wins, their sum is the session's cost)
 * @param lastMessageId      the last assistant message id seen, passed to the next read for de-duplication
 * @param searchText         user and assistant text for full-text search, bounded in size
 * @param badLines           lines that were not JSON objects (skipped)
 */
public record TranscriptDelta(
        long endOffset,
        String sessionId,
        String cwd,
        String gitBranch,
        Instant firstTimestamp,
        Instant lastTimestamp,
        String customTitle,
        String aiTitle,
        String summary,
        String firstPrompt,
        String lastPrompt,
        Set<String> models,
        long inputTokens,
        long outputTokens,
        Map<Long, Double> costByProcessStart,
        String lastMessageId,
        List<IndexedLine> lines,
        String searchText,
        int badLines) {
    public TranscriptDelta {
        models = Set.copyOf(models);
        costByProcessStart = Map.copyOf(costByProcessStart);
        lines = List.copyOf(lines);
    }
}
