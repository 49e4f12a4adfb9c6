package dev.ccui.bootstrap.config;

import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Durations as people write them in environment variables: {@code 7d}, {@code 12h}, {@code 15m}, {@code 30s}, ISO-8601. */
final class Durations {
    private static final Pattern SHORT = Pattern.compile("(\\d{1,9})\\s*(ms|s|m|h|d)?");

    private Durations() {}

    static Duration parse(String text) {
        String value = text.strip();
        if (value.startsWith("P") || value.startsWith("p")) {
            return Duration.parse(value.toUpperCase(Locale.ROOT));
        }
        Matcher m = SHORT.matcher(value);
        if (!m.matches()) {
            throw new IllegalArgumentException("not a duration");
        }
        long amount = Long.parseLong(m.group(1));
        String unit = m.group(2) == null ? "s" : m.group(2);
        return switch (unit) {
            case "ms" -> Duration.ofMillis(amount);
            case "s" -> Duration.ofSeconds(amount);
            case "m" -> Duration.ofMinutes(amount);
            case "h" -> Duration.ofHours(amount);
            default -> Duration.ofDays(amount);
        };
    }
}
