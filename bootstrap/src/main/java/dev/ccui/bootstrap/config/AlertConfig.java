package dev.ccui.bootstrap.config;

import dev.ccui.adapters.http.alert.SmtpSettings;
import dev.ccui.application.alert.AlertSettings;
import java.util.Optional;

/**
 * Where alerts go (the log always; a webhook, mail) and the thresholds of the alert rules.
 *
 * @param previousWebhookSecret {@code CCUI_ALERT_WEBHOOK_SECRET_PREVIOUS}: a second signature header while receivers rotate
 */
public record AlertConfig(AlertSettings rules, Optional<String> webhookUrl, Optional<String> webhookSecret,
                          Optional<String> previousWebhookSecret, Optional<SmtpSettings> smtp) {

    @Override
    public String toString() {
        return "alerts=log" + (webhookUrl.isPresent() ? "+webhook" : "") + (smtp.isPresent() ? "+mail" : "");
    }
}
