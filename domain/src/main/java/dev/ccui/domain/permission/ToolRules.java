package dev.ccui.domain.permission;

import dev.ccui.domain.user.UserId;
import java.util.List;

/**
 * The saved rules a run starts with: what the CLI allows without asking ({@code --allowedTools})
 * and what it refuses without asking ({@code --disallowedTools}; a deny wins over an allow).
 */
public record ToolRules(List<String> allow, List<String> deny) {
    public static final ToolRules NONE = new ToolRules(List.of(), List.of());

    public ToolRules {
        allow = List.copyOf(allow);
        deny = List.copyOf(deny);
    }

    /**
     * The rules that apply to {@code user}'s runs, each once, in the order given (a project's, then
     * the person's account-wide ones); the CLI lets a deny win over any allow.
     */
    public static ToolRules of(List<PermissionRule> rules, UserId user) {
        List<PermissionRule> applying =
                rules.stream().filter(r -> r.appliesTo(user)).toList();
        return new ToolRules(
                applying.stream()
                        .filter(r -> r.behavior() == PermissionRule.Behavior.ALLOW)
                        .map(PermissionRule::rule)
                        .distinct()
                        .toList(),
                applying.stream()
                        .filter(r -> r.behavior() == PermissionRule.Behavior.DENY)
                        .map(PermissionRule::rule)
                        .distinct()
                        .toList());
    }
}
