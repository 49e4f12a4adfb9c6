package dev.ccui.domain.permission;

import dev.ccui.domain.project.ProjectId;
import dev.ccui.domain.user.UserId;
import java.time.Instant;
import java.util.Objects;

/**
 * A saved allow or deny rule of a project, applied to every run there: the project's own (for
 * everyone's runs, {@code userId} null) or one person's (only for their runs in that project).
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
        Objects.requireNonNull(projectId, "projectId");
        Objects.requireNonNull(behavior, "behavior");
        ToolRule.check("rule", rule);
        Objects.requireNonNull(createdAt, "createdAt");
    }

    /** Whether it applies to the runs of {@code user}. */
    public boolean appliesTo(UserId user) {
        return userId == null || userId.equals(user);
    }
}
