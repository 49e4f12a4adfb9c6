package dev.ccui.domain.permission;

import dev.ccui.domain.project.ProjectId;
import dev.ccui.domain.user.UserId;
import java.time.Instant;
import java.util.Objects;

/**
 * A saved allow or deny rule: a project's own (for everyone's runs there, {@code userId} null), one
 * person's in a project (only for their runs there), or one person's account-wide ({@code projectId}
 * null: for their runs in every project).
 *
 * @param rule the CLI's syntax ({@link ToolRule})
 */
public record PermissionRule(
        PermissionRuleId id,
        ProjectId projectId,
        UserId userId,
        Behavior behavior,
        String rule,
        UserId createdBy,
        Instant createdAt) {

    public enum Behavior {
        ALLOW,
        DENY;

        public String apiName() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    public PermissionRule {
        Objects.requireNonNull(id, "id");
        if (projectId == null && userId == null) {
            throw new IllegalArgumentException("a rule belongs to a project, a person, or both");
        }
        Objects.requireNonNull(behavior, "behavior");
        ToolRule.check("rule", rule);
        Objects.requireNonNull(createdAt, "createdAt");
    }

    /** One person's rule for all their projects. */
    public boolean accountWide() {
        return projectId == null;
    }

    /** Whether it applies to the runs of {@code user}. */
    public boolean appliesTo(UserId user) {
        return userId == null || userId.equals(user);
    }
}
