package dev.ccui.application.history;

import java.util.List;
import java.util.Locale;

/**
 * What every {@code claude} process the app starts is told about its own transcript clean-up
 * ({@code cleanupPeriodDays}). The CLI deletes every transcript whose file is older than that
 * (30 days unless set) a few seconds after it starts, at most once a day; settings given with
 * {@code --settings} win over the user's own settings files, so this is where the app keeps history.
 *
 * @param days the period passed to the CLI, or {@code null} to leave the CLI's own setting alone
 */
public record CliCleanupPeriod(Integer days) {
    /** About a hundred years: the CLI refuses 0 and negative values, so "never" is a very long period. */
    public static final int KEEP_DAYS = 36_500;

    public CliCleanupPeriod {
        if (days != null && (days < 1 || days > KEEP_DAYS)) {
            throw new IllegalArgumentException("the clean-up period must be 1 to " + KEEP_DAYS + " days");
        }
    }

    public static CliCleanupPeriod keep() {
        return new CliCleanupPeriod(KEEP_DAYS);
    }

    /** Leaves the CLI's setting (the user's settings files, else its 30-day default) in charge. */
    public static CliCleanupPeriod cliDefault() {
        return new CliCleanupPeriod(null);
    }

    /** {@code keep}, {@code cli} or a whole number of days from 1 to 36500. */
    public static CliCleanupPeriod parse(String text) {
        String value = text.strip().toLowerCase(Locale.ROOT);
        return switch (value) {
            case "keep" -> keep();
            case "cli" -> cliDefault();
            default -> {
                int days;
                try {
                    days = Integer.parseInt(value.endsWith("d") ? value.substring(0, value.length() - 1) : value);
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("not keep, cli or a number of days");
                }
                yield new CliCleanupPeriod(days);
            }
        };
    }

    /** The arguments that go before the CLI's others ({@code --settings <json>}), none for {@code cli}. */
    public List<String> arguments() {
        return days == null ? List.of() : List.of("--settings", "{\"cleanupPeriodDays\":" + days + "}");
    }

    @Override
    public String toString() {
        return days == null ? "cli" : days == KEEP_DAYS ? "keep" : days + "d";
    }
}
