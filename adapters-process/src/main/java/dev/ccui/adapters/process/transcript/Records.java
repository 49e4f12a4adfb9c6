package dev.ccui.adapters.process.transcript;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.List;

/** Rules about transcript records shared by indexing and display, so both classify a line alike. */
final class Records {
    private static final List<String> REMINDER_PREFIXES = List.of("<system-reminder>", "Caveat:");
    /** Text the CLI writes into user records that the person did not type as a prompt. */
    private static final List<String> NOT_A_PROMPT_PREFIXES = List.of(
            "<system-reminder>",
            "Caveat:",
            "<command-name>",
            "<command-message>",
            "<local-command-stdout>",
            "<local-command-stderr>",
            "[Request interrupted by user");

    private Records() {}

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
                || parent != null
                        && parent.getFileName() != null
                        && parent.getFileName().toString().equals("subagents");
    }

    /** ISO-8601 with {@code Z} or an offset; null for anything else. */
    static Instant instant(String text) {
        if (text == null || text.length() > 64) {
            return null;
        }
        Instant fast = utcInstant(text);
        if (fast != null) {
            return fast;
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

    /**
     * The CLI's own shape, {@code 2026-01-01T10:00:00.123Z} (UTC, 0 to 9 fraction digits), read
     * without the general parser, which cost the indexer a fifth of its time; null for any other
     * shape, which the general parser then reads.
     */
    static Instant utcInstant(String text) {
        int length = text.length();
        if (length < 20
                || text.charAt(length - 1) != 'Z'
                || text.charAt(4) != '-'
                || text.charAt(7) != '-'
                || text.charAt(10) != 'T'
                || text.charAt(13) != ':'
                || text.charAt(16) != ':') {
            return null;
        }
        int year = digits(text, 0, 4);
        int month = digits(text, 5, 2);
        int day = digits(text, 8, 2);
        int hour = digits(text, 11, 2);
        int minute = digits(text, 14, 2);
        int second = digits(text, 17, 2);
        int nanos = 0;
        if (length > 20) {
            int fraction = length - 21;
            if (text.charAt(19) != '.' || fraction < 1 || fraction > 9) {
                return null;
            }
            nanos = digits(text, 20, fraction);
            for (int i = fraction; i < 9; i++) {
                nanos *= 10;
            }
        }
        if (year < 0
                || month < 1
                || month > 12
                || day < 1
                || hour < 0
                || hour > 23
                || minute < 0
                || minute > 59
                || second < 0
                || second > 59
                || nanos < 0
                || day > YearMonth.of(year, month).lengthOfMonth()) {
            return null;
        }
        long days = LocalDate.of(year, month, day).toEpochDay();
        return Instant.ofEpochSecond(days * 86_400 + hour * 3_600L + minute * 60L + second, nanos);
    }

    /** The decimal number of {@code count} ASCII digits at {@code from}; -1 when one is not a digit. */
    private static int digits(String text, int from, int count) {
        int value = 0;
        for (int i = from; i < from + count; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
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
