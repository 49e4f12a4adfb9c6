package dev.ccui.bootstrap.config;

import dev.ccui.application.maintenance.MaintenanceSettings;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Logs, metrics and maintenance mode.
 *
 * @param metricsToken         {@code METRICS_TOKEN}: opens {@code /metrics} and the health details
 * @param previousMetricsToken {@code METRICS_TOKEN_PREVIOUS}: still accepted while scrapers move to the new one
 */
public record OperationsConfig(
        String logFormat,
        String logLevel,
        Optional<String> metricsToken,
        Optional<String> previousMetricsToken,
        MaintenanceSettings maintenance) {

    static OperationsConfig read(EnvironmentReader r) {
        String logFormat = r.text("LOG_FORMAT", "text").toLowerCase(Locale.ROOT);
        if (!logFormat.equals("text") && !logFormat.equals("json")) {
            r.problem("LOG_FORMAT must be 'text' or 'json'");
        }
        String logLevel = r.text("LOG_LEVEL", "INFO").toUpperCase(Locale.ROOT);
        if (!Set.of("TRACE", "DEBUG", "INFO", "WARN", "ERROR").contains(logLevel)) {
            r.problem("LOG_LEVEL must be one of TRACE, DEBUG, INFO, WARN, ERROR");
        }
        var defaults = MaintenanceSettings.defaults();
        Duration retryAfter = r.duration("CCUI_MAINTENANCE_RETRY_AFTER", defaults.retryAfter());
        if (retryAfter.toSeconds() < 1) {
            r.problem("CCUI_MAINTENANCE_RETRY_AFTER must be at least 1s, e.g. 2m");
            retryAfter = defaults.retryAfter();
        }
        return new OperationsConfig(
                logFormat,
                logLevel,
                r.optional("METRICS_TOKEN"),
                r.optional("METRICS_TOKEN_PREVIOUS"),
                new MaintenanceSettings(retryAfter, defaults.cacheFor()));
    }

    @Override
    public String toString() {
        return "log=" + logFormat + "/" + logLevel + ", metricsToken=" + (metricsToken.isPresent() ? "set" : "none");
    }
}
