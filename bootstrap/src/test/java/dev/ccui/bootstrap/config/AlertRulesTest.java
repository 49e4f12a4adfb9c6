package dev.ccui.bootstrap.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ccui.application.alert.AlertSettings;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AlertRulesTest {

    @Test
    void unsetVariablesKeepTheDefaults() {
        assertThat(AlertRules.fromVariables(Map.<String, String>of()::get)).isEqualTo(AlertSettings.defaults());
    }

    @Test
    void everyVariableIsRead() {
        var settings = AlertRules.fromVariables(Map.of(
                "CCUI_ALERT_COOLDOWN",
                "30m",
                "CCUI_ALERT_LOGIN_FAILURES",
                "20/10m",
                "CCUI_ALERT_ERROR_RATE_PERCENT",
                "2.5",
                "CCUI_ALERT_ERROR_RATE_MIN_REQUESTS",
                "50",
                "CCUI_ALERT_DISK_MIN_FREE_PERCENT",
                "10",
                "CCUI_ALERT_DISK_MIN_FREE_BYTES",
                "2147483648",
                "CCUI_ALERT_CHECK_INTERVAL",
                "30s")::get);
        assertThat(settings.cooldown()).isEqualTo(Duration.ofMinutes(30));
        assertThat(settings.loginFailures()).isEqualTo(20);
        assertThat(settings.loginWindow()).isEqualTo(Duration.ofMinutes(10));
        assertThat(settings.errorRatePercent()).isEqualTo(2.5);
        assertThat(settings.errorRateMinRequests()).isEqualTo(50);
        assertThat(settings.diskMinFreePercent()).isEqualTo(10);
        assertThat(settings.diskMinFreeBytes()).isEqualTo(2L << 30);
        assertThat(settings.checkInterval()).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void malformedValuesNameTheirVariable() {
        assertThatThrownBy(() -> AlertRules.fromVariables(Map.of("CCUI_ALERT_COOLDOWN", "soon")::get))
                .hasMessageStartingWith("CCUI_ALERT_COOLDOWN must be a duration");
        assertThatThrownBy(() -> AlertRules.fromVariables(Map.of("CCUI_ALERT_LOGIN_FAILURES", "ten")::get))
                .hasMessageStartingWith("CCUI_ALERT_LOGIN_FAILURES must look like 10/5m");
        assertThatThrownBy(() -> AlertRules.fromVariables(Map.of("CCUI_ALERT_ERROR_RATE_PERCENT", "150")::get))
                .hasMessageStartingWith("CCUI_ALERT_ERROR_RATE_PERCENT must be a number");
    }
}
