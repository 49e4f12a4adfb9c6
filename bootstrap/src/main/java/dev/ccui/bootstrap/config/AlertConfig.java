package dev.ccui.bootstrap.config;

import dev.ccui.adapters.process.alert.SmtpSettings;
import dev.ccui.application.alert.AlertSettings;
import java.util.Optional;

/**
 * Where alerts go (the log always; a webhook, mail) and the thresholds of the alert rules.
 *
 * @param previousWebhookSecret {@code CCUI_ALERT_WEBHOOK_SECRET_PREVIOUS}: a second signature header while receivers rotate
 */
public record AlertConfig(
        AlertSettings rules,
        Optional<String> webhookUrl,
        Optional<String> webhookSecret,
        Optional<String> previousWebhookSecret,
        Optional<SmtpSettings> smtp) {

    static AlertConfig read(EnvironmentReader r) {
        AlertSettings rules = AlertSettings.defaults();
        try {
            rules = AlertRules.fromVariables(r.variables()::get);
        } catch (IllegalArgumentException e) {
            r.problem(e.getMessage());
        }
        Optional<String> webhook = r.optional("CCUI_ALERT_WEBHOOK_URL");
        if (webhook.isPresent() && !webhook.get().matches("https?://\\S+")) {
            r.problem("CCUI_ALERT_WEBHOOK_URL must be an http(s) URL");
        }
        Optional<SmtpSettings> smtp = Optional.empty();
        try {
            smtp = SmtpSettings.fromVariables(r.variables()::get);
        } catch (IllegalArgumentException e) {
            r.problem(e.getMessage());
        }
        return new AlertConfig(
                rules,
                webhook,
                r.optional("CCUI_ALERT_WEBHOOK_SECRET"),
                r.optional("CCUI_ALERT_WEBHOOK_SECRET_PREVIOUS"),
                smtp);
    }

    @Override
    public String toString() {
        return "alerts=log" + (webhookUrl.isPresent() ? "+webhook" : "") + (smtp.isPresent() ? "+mail" : "");
    }
}
