package dev.ccui.adapters.process.transcript;

import dev.ccui.application.history.port.out.IndexedLine;
import dev.ccui.application.history.port.out.LineRef;
import dev.ccui.application.history.port.out.TranscriptDelta;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Folds the records of one read, in file order, into a {@link TranscriptDelta}. */
final class DeltaBuilder {
    static final int FIRST_PROMPT_CHARS = 200;
    private static final String SYNTHETIC_MODEL = "<synthetic>";

    private final String file;
    private final boolean subagentFile;
    private final int searchTextChars;
    private final Set<String> countedMessageIds = new HashSet<>();
    private final Set<String> models = new LinkedHashSet<>();
    private final Map<Long, Double> costByProcessStart = new HashMap<>();
    private final List<IndexedLine> lines = new ArrayList<>();
    private final StringBuilder searchText = new StringBuilder();
    private String sessionId;
    private String cwd;
    private String gitBranch;
    private Instant firstTimestamp;
    private Instant lastTimestamp;
    private String customTitle;
    private String aiTitle;
    private String summary;
    private String firstPrompt;
    private String lastPrompt;
    private long inputTokens;
    private long outputTokens;
    private String lastMessageId;
    private int badLines;

    DeltaBuilder(String file, boolean subagentFile, String previousMessageId, int searchTextChars) {
        this.file = file;
        this.subagentFile = subagentFile;
        this.searchTextChars = searchTextChars;
        this.lastMessageId = previousMessageId;
        if (previousMessageId != null) {
            countedMessageIds.add(previousMessageId);
        }
    }

    void bad() {
        badLines++;
    }

    /**
     * @param complete false for a record too large to parse whole: its scalar facts count, its
     *                 texts were not read, and it is indexed as hidden (shown as a placeholder)
     */
    void accept(RecordFacts record, long offset, long length, boolean complete) {
        if (sessionId == null && record.sessionId != null) {
            sessionId = record.sessionId;
        }
        cwd = record.cwd != null ? record.cwd : cwd;
        gitBranch = record.gitBranch != null ? record.gitBranch : gitBranch;
        Instant at = Records.instant(record.timestamp);
        // Earliest and latest rather than first and last in file order: the CLI writes some
        // records (attachments) with a timestamp a little before the line they follow.
        if (at != null) {
            firstTimestamp = firstTimestamp == null || at.isBefore(firstTimestamp) ? at : firstTimestamp;
            lastTimestamp = lastTimestamp == null || at.isAfter(lastTimestamp) ? at : lastTimestamp;
        }
        String type = record.type == null ? "" : record.type;
        switch (type) {
            case "custom-title" -> customTitle = record.customTitle != null ? record.customTitle : customTitle;
            case "ai-title" -> aiTitle = record.aiTitle != null ? record.aiTitle : aiTitle;
            case "summary" -> summary = record.summary != null ? record.summary : summary;
            case "last-prompt" -> lastPrompt = record.lastPrompt != null ? record.lastPrompt : lastPrompt;
            case "cost-state" -> {
                if (record.startTime != null && record.totalCostUsd != null) {
                    costByProcessStart.put(record.startTime, record.totalCostUsd);
                }
            }
            case "user" -> user(record, offset, length, complete, at);
            case "assistant" -> assistant(record, offset, length, complete, at);
            default -> {
                // queue-operation, attachment, mode, … and types of later CLI versions: not history
            }
        }
    }

    private void user(RecordFacts record, long offset, long length, boolean complete, Instant at) {
        boolean hidden = !complete || record.meta || isReminderOnly(record);
        addLine("user", offset, length, at, hidden, record.sidechain);
        if (hidden) {
            return;
        }
        String prompt = promptText(record);
        if (prompt == null) {
            return;
        }
        String trimmed = prompt.strip();
        if (!Records.isPromptText(trimmed)) {
            return;
        }
        appendSearchText(trimmed);
        // A subagent's task is written as its first prompt; the session's own comes from the main file.
        if (firstPrompt == null && !record.sidechain && !subagentFile) {
            firstPrompt = Records.cut(trimmed, FIRST_PROMPT_CHARS);
        }
    }

    private void assistant(RecordFacts record, long offset, long length, boolean complete, Instant at) {
        addLine("assistant", offset, length, at, !complete || record.meta, record.sidechain);
        if (record.model != null && !record.model.equals(SYNTHETIC_MODEL)) {
            models.add(record.model);
        }
        // One API message is written as one line per content block, each repeating its usage.
        if (record.hasUsage && (record.messageId == null || countedMessageIds.add(record.messageId))) {
            inputTokens = Records.add(inputTokens, record.inputTokens);
            outputTokens = Records.add(outputTokens, record.outputTokens);
        }
        if (record.messageId != null) {
            lastMessageId = record.messageId;
        }
        for (String text : record.texts) {
            appendSearchText(text);
        }
    }

    /** A user record whose only content is system reminders or caveats. */
    private static boolean isReminderOnly(RecordFacts record) {
        if (record.contentText != null) {
            return Records.isReminder(record.contentText);
        }
        if (record.texts.isEmpty() || record.texts.size() != record.blockTypes.size()) {
            return false;
        }
        for (String text : record.texts) {
            if (!Records.isReminder(text)) {
                return false;
            }
        }
        return true;
    }

    /** The text a person typed: string content, or the text blocks of a record without tool results. */
    private static String promptText(RecordFacts record) {
        if (record.contentText != null) {
            return record.contentText;
        }
        if (record.texts.isEmpty() || record.blockTypes.contains("tool_result")) {
            return null;
        }
        return String.join("\n", record.texts);
    }

    private void addLine(String role, long offset, long length, Instant at, boolean hidden, boolean sidechain) {
        int refLength = (int) Math.min(length, Integer.MAX_VALUE);
        lines.add(new IndexedLine(new LineRef(file, offset, refLength), role, at, hidden, sidechain || subagentFile));
    }

    private void appendSearchText(String text) {
        int room = searchTextChars - searchText.length();
        if (room <= 0 || text.isBlank()) {
            return;
        }
        if (!searchText.isEmpty()) {
            searchText.append('\n');
            room--;
        }
        searchText.append(Records.cut(text, Math.max(room, 0)));
    }

    int badLines() {
        return badLines;
    }

    TranscriptDelta build(long endOffset) {
        return new TranscriptDelta(
                endOffset,
                sessionId,
                cwd,
                gitBranch,
                firstTimestamp,
                lastTimestamp,
                customTitle,
                aiTitle,
                summary,
                firstPrompt,
                lastPrompt,
                models,
                inputTokens,
                outputTokens,
                costByProcessStart,
                lastMessageId,
                lines,
                searchText.toString(),
                badLines);
    }
}
