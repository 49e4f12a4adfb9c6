package dev.ccui.application.alert;

import java.time.Duration;
import java.util.Objects;
import java.util.Set;

/**
 * Thresholds of the alert rules.
 *
 * @param cooldown              one alert per incident (fingerprint) within this window
 * @param loginFailures         failed sign-ins from one IP within {@code loginWindow} that raise an alert
 * @param errorRatePercent      5xx share of the requests of the last minute above which an alert is raised
 * @param errorRateMinRequests  ... but only with at least this many requests in that minute
 * @param diskMinFreePercent    alert when the data dir's file system has less than this share free
 * @param diskMinFreeBytes      ... or less than this many bytes free
 * @param dependencies          health checks whose failure is an incident (default database, redis)
 * @param checkInterval         how often {@code AlertMonitor} checks health and disk
 */
public record AlertSettings(
        Duration cooldown,
        int loginFailures,
        Duration loginWindow,
        double errorRatePercent,
        int errorRateMinRequests,
        double diskMinFreePercent,
        long diskMinFreeBytes,
        Set<String> dependencies,
        Duration checkInterval) {
    public AlertSettings {
        Objects.requireNonNull(cooldown, "cooldown");
        Objects.requireNonNull(loginWindow, "loginWindow");
        Objects.requireNonNull(checkInterval, "checkInterval");
        if (loginFailures < 1 || errorRateMinRequests < 1 || errorRatePercent <= 0 || errorRatePercent > 100) {
            throw new IllegalArgumentException("alert thresholds out of range");
        }
        dependencies = Set.copyOf(dependencies);
    }

    public static AlertSettings defaults() {
        return new AlertSettings(
                Duration.ofMinutes(15),
                10,
                Duration.ofMinutes(5),
                5.0,
                20,
                5.0,
                1024L * 1024 * 1024,
                Set.of("database", "redis"),
                Duration.ofSeconds(60));
    }
}
