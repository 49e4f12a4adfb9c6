package dev.ccui.application.permission.port.in;

import dev.ccui.domain.error.InvalidException;
import dev.ccui.domain.permission.PermissionRule;
import dev.ccui.domain.permission.ToolRule;

/**
 * A rule to save.
 *
 * @param personal only for the caller's own runs in the project (any member may save these); otherwise
 *                 for everyone's runs there (the owner or an admin)
 */
public record AddPermissionRuleCommand(PermissionRule.Behavior behavior, String rule, boolean personal) {
    public AddPermissionRuleCommand {
        if (behavior == null) {
            throw new InvalidException("behavior", "behavior is allow or deny");
        }
        rule = ToolRule.check("rule", rule == null ? null : rule.strip());
    }

    public static PermissionRule.Behavior behavior(String text) {
        if ("allow".equals(text)) {
            return PermissionRule.Behavior.ALLOW;
        }
        if ("deny".equals(text)) {
            return PermissionRule.Behavior.DENY;
        }
        throw new InvalidException("behavior", "behavior is allow or deny");
    }
}
