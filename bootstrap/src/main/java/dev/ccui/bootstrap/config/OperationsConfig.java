package dev.ccui.bootstrap.config;

import dev.ccui.application.maintenance.MaintenanceSettings;
import java.util.Optional;

/**
 * Logs, metrics and maintenance mode.
 *
 * @param metricsToken         {@code METRICS_TOKEN}: opens {@code /metrics} and the health details
 * @param previousMetricsToken {@code METRICS_TOKEN_PREVIOUS}: still accepted while scrapers move to the new one
 */
public record OperationsConfig(String logFormat, String logLevel, Optional<String> metricsToken,
                               Optional<String> previousMetricsToken, MaintenanceSettings maintenance) {

    @Override
    public String toString() {
        return "log=" + logFormat + "/" + logLevel + ", metricsToken=" + (metricsToken.isPresent() ? "set" : "none");
    }
}
