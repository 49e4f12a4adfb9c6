package dev.ccui.bootstrap.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ccui.adapters.process.alert.SmtpSettings;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The CCUI_ALERT_SMTP_* variables as the app reads them at start. */
class AlertMailConfigTest {
    private static final Path HOME = Path.of("/home/someone");

    @Test
    void noHostMeansNoAlertMails() {
        assertThat(AppConfig.fromEnvironment(Map.of(), HOME).alerts().smtp()).isEmpty();
    }

    @Test
    void aCompleteSetTurnsAlertMailsOnWithoutShowingThePassword() {
        AppConfig config = AppConfig.fromEnvironment(
                Map.of(
                        "CCUI_ALERT_SMTP_HOST",
                        "smtp.example.com",
                        "CCUI_ALERT_SMTP_USER",
                        "ccui",
                        "CCUI_ALERT_SMTP_PASSWORD",
                        "mail-pass-123",
                        "CCUI_ALERT_SMTP_FROM",
                        "ccui@example.com",
                        "CCUI_ALERT_SMTP_TO",
                        "ops@example.com",
                        "CCUI_ALERT_SMTP_MAX_PER_HOUR",
                        "5"),
                HOME);
        SmtpSettings smtp = config.alerts().smtp().orElseThrow();
        assertThat(smtp.security()).isEqualTo(SmtpSettings.Security.STARTTLS);
        assertThat(smtp.port()).isEqualTo(587);
        assertThat(smtp.maxPerHour()).isEqualTo(5);
        assertThat(smtp.toString()).doesNotContain("mail-pass-123");
        assertThat(config.toString()).doesNotContain("mail-pass-123");
    }

    @Test
    void aHostWithoutRecipientsStopsTheStartWithAClearLine() {
        assertThatThrownBy(() -> AppConfig.fromEnvironment(
                        Map.of("CCUI_ALERT_SMTP_HOST", "smtp.example.com", "CCUI_ALERT_SMTP_FROM", "ccui@example.com"),
                        HOME))
                .isInstanceOfSatisfying(
                        ConfigException.class,
                        e -> assertThat(e.problems())
                                .anySatisfy(line -> assertThat(line).contains("CCUI_ALERT_SMTP_TO is required")));
    }
}
