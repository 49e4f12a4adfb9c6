package dev.ccui.bootstrap.config;

import dev.ccui.application.alert.AlertSettings;
import java.time.Duration;
import java.util.Locale;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The alert rules' thresholds from {@code CCUI_ALERT_*}, read with the rest of the configuration. */
final class AlertRules {
    private static final Pattern DURATION = Pattern.compile("(\\d+)(ms|s|m|h|d)");

    private AlertRules() {}

    /**
     * The settings from {@code CCUI_ALERT_*} variables (unset ones keep their default):
     * CCUI_ALERT_COOLDOWN (15m), CCUI_ALERT_LOGIN_FAILURES (10/5m), CCUI_ALERT_ERROR_RATE_PERCENT (5),
     * CCUI_ALERT_ERROR_RATE_MIN_REQUESTS (20), CCUI_ALERT_DISK_MIN_FREE_PERCENT (5),
     * CCUI_ALERT_DISK_MIN_FREE_BYTES (1073741824), CCUI_ALERT_CHECK_INTERVAL (60s).
     *
     * @throws IllegalArgumentException naming the variable that is malformed
     */
    static AlertSettings fromVariables(Function<String, String> variables) {
        AlertSettings d = AlertSettings.defaults();
        Duration cooldown = duration(variables, "CCUI_ALERT_COOLDOWN", d.cooldown());
        int loginFailures = d.loginFailures();
        Duration loginWindow = d.loginWindow();
        String login = value(variables, "CCUI_ALERT_LOGIN_FAILURES");
        if (login != null) {
            String[] parts = login.split("/", 2);
            try {
                loginFailures = Integer.parseInt(parts[0].strip());
                loginWindow = parts.length > 1 ? parseDuration(parts[1]) : loginWindow;
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(
                        "CCUI_ALERT_LOGIN_FAILURES must look like 10/5m (failures/window), not '" + login + "'");
            }
            if (loginFailures < 1) {
                throw new IllegalArgumentException("CCUI_ALERT_LOGIN_FAILURES needs at least 1 failure");
            }
        }
        double errorPercent = number(variables, "CCUI_ALERT_ERROR_RATE_PERCENT", d.errorRatePercent(), 0.01, 100);
        int minRequests =
                (int) number(variables, "CCUI_ALERT_ERROR_RATE_MIN_REQUESTS", d.errorRateMinRequests(), 1, 1_000_000);
        double diskPercent = number(variables, "CCUI_ALERT_DISK_MIN_FREE_PERCENT", d.diskMinFreePercent(), 0, 100);
        long diskBytes =
                (long) number(variables, "CCUI_ALERT_DISK_MIN_FREE_BYTES", d.diskMinFreeBytes(), 0, Long.MAX_VALUE);
        Duration interval = duration(variables, "CCUI_ALERT_CHECK_INTERVAL", d.checkInterval());
        return new AlertSettings(
                cooldown,
                loginFailures,
                loginWindow,
                errorPercent,
                minRequests,
                diskPercent,
                diskBytes,
                d.dependencies(),
                interval);
    }

    private static String value(Function<String, String> variables, String name) {
        String v = variables.apply(name);
        return v == null || v.isBlank() ? null : v.strip();
    }

    private static Duration duration(Function<String, String> variables, String name, Duration fallback) {
        String v = value(variables, name);
        if (v == null) {
            return fallback;
        }
        try {
            return parseDuration(v);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(name + " must be a duration like 30s, 15m, 1h, not '" + v + "'");
        }
    }

    private static Duration parseDuration(String text) {
        Matcher m = DURATION.matcher(text.strip().toLowerCase(Locale.ROOT));
        if (!m.matches() || Long.parseLong(m.group(1)) == 0) {
            throw new IllegalArgumentException(text);
        }
        long n = Long.parseLong(m.group(1));
        return switch (m.group(2)) {
            case "ms" -> Duration.ofMillis(n);
            case "s" -> Duration.ofSeconds(n);
            case "m" -> Duration.ofMinutes(n);
            case "h" -> Duration.ofHours(n);
            default -> Duration.ofDays(n);
        };
    }

    private static double number(
            Function<String, String> variables, String name, double fallback, double min, double max) {
        String v = value(variables, name);
        if (v == null) {
            return fallback;
        }
        try {
            double n = Double.parseDouble(v);
            if (n < min || n > max || Double.isNaN(n)) {
                throw new NumberFormatException();
            }
            return n;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(
                    name + " must be a number from " + min + " to " + max + ", not '" + v + "'");
        }
    }
}
