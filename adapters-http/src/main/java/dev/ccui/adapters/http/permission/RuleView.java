package dev.ccui.adapters.http.permission;

import dev.ccui.domain.permission.PermissionRule;
import java.time.Instant;

/** A saved permission rule as both rule routes show it, whichever list it belongs to. */
record RuleView(String id, String behavior, String rule, String scope, String createdBy, Instant createdAt) {
    static RuleView of(PermissionRule rule) {
        return new RuleView(
                rule.id().toString(),
                rule.behavior().apiName(),
                rule.rule(),
                rule.accountWide() ? "account" : rule.userId() == null ? "project" : "personal",
                rule.createdBy() == null ? null : rule.createdBy().toString(),
                rule.createdAt());
    }
}
