package dev.ccui.adapters.process.transcript;

import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;

/** Rules about transcript records shared by indexing and display, so both classify a line alike. */
final class Records {
    private static final List<String> REMINDER_PREFIXES = List.of("<system-reminder>", "Caveat:");
    /** Text the CLI writes into user records that the person did not type as a prompt. */
    private static final List<String> NOT_A_PROMPT_PREFIXES = List.of("<system-reminder>", "Caveat:",
            "<command-name>", "<command-message>", "<local-command-stdout>", "<local-command-stderr>",
            "[Request interrupted by user");

    private Records() {
    }

    /** System reminders and caveats the CLI injects: kept in the history, not shown as chat text. */
    static boolean isReminder(String text) {
        return startsWithAny(text, REMINDER_PREFIXES);
    }

    static boolean isPromptText(String text) {
        return !text.isBlank() && !startsWithAny(text, NOT_A_PROMPT_PREFIXES);
    }

    private static boolean startsWithAny(String text, List<String> prefixes) {
        String start = text.stripLeading();
        for (String prefix : prefixes) {
            if (start.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }

    /** Subagent conversations: {@code agent-*.jsonl} and anything in a {@code subagents} folder. */
    static boolean isSubagentFile(Path file) {
        Path name = file.getFileName();
        Path parent = file.getParent();
        return name != null && name.toString().startsWith("agent-")
                || parent != null && parent.getFileName() != null && parent.getFileName().toString().equals("subagents");
    }

    /** ISO-8601 with {@code Z} or an offset; null for anything else. */
    static Instant instant(String text) {
        if (text == null || text.length() > 64) {
            return null;
        }
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            try {
                return OffsetDateTime.parse(text).toInstant();
            } catch (DateTimeParseException again) {
                return null;
            }
        }
    }

    /** At most {@code max} chars, never ending inside a surrogate pair. */
    static String cut(String text, int max) {
        if (text.length() <= max) {
            return text;
        }
        int end = max;
        if (end > 0 && Character.isHighSurrogate(text.charAt(end - 1))) {
            end--;
        }
        return text.substring(0, end);
    }

    /** Sums counts written by another program without wrapping round on absurd values. */
    static long add(long a, long b) {
        long sum = a + b;
        return sum < 0 ? Long.MAX_VALUE : sum;
    }
}
