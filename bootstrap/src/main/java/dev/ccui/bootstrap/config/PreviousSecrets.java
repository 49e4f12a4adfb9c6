package dev.ccui.bootstrap.config;

import java.util.List;
import java.util.Optional;

/**
 * The secrets being rotated out: still accepted (JWT signatures, the metrics token) or still
 * signed with (alert webhooks) beside the current ones, so a rotation signs nobody out and breaks
 * no scraper or receiver. Drop them once their tokens expired, or after revoking every session.
 *
 * @param jwt           {@code JWT_SECRET_PREVIOUS}: comma-separated, each verifies the tokens it signed
 * @param metricsToken  {@code METRICS_TOKEN_PREVIOUS}: still opens {@code /metrics} and health details
 * @param webhookSecret {@code CCUI_ALERT_WEBHOOK_SECRET_PREVIOUS}: a second signature header on alerts
 */
public record PreviousSecrets(List<String> jwt, Optional<String> metricsToken, Optional<String> webhookSecret) {
    public PreviousSecrets {
        jwt = List.copyOf(jwt);
    }

    public static PreviousSecrets none() {
        return new PreviousSecrets(List.of(), Optional.empty(), Optional.empty());
    }

    @Override
    public String toString() {
        return "PreviousSecrets[jwt=" + jwt.size() + ", metricsToken=" + (metricsToken.isPresent() ? "set" : "none")
                + ", webhookSecret=" + (webhookSecret.isPresent() ? "set" : "none") + "]";
    }
}
