package dev.ccui.adapters.http.permission;

import dev.ccui.domain.error.NotFoundException;
import dev.ccui.domain.permission.PermissionRuleId;
import io.javalin.http.Context;

/**
 * The {@code {ruleId}} of a rule's route. An id that does not parse is answered like one that names
 * no rule the caller may see ({@code 404 RULE_NOT_FOUND}), so a guess learns nothing either way.
 */
final class RuleIdParam {
    static final String PATH = "/{ruleId}";

    private RuleIdParam() {}

    static PermissionRuleId of(Context ctx, String notFound) {
        return PermissionRuleId.parse(ctx.pathParam("ruleId"))
                .orElseThrow(() -> new NotFoundException("RULE_NOT_FOUND", notFound));
    }
}
