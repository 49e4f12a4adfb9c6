package dev.ccui.application.permission.port.out;

import dev.ccui.domain.permission.PermissionRule;
import dev.ccui.domain.permission.PermissionRuleId;
import dev.ccui.domain.project.ProjectId;
import dev.ccui.domain.user.UserId;
import java.util.List;
import java.util.Optional;

/** The saved permission rules, per project and per person (account-wide). */
public interface PermissionRuleStore {
    /** Every rule of the project (its own and each person's), oldest first. */
    List<PermissionRule> ofProject(ProjectId projectId);

    /** The person's account-wide rules, oldest first. */
    List<PermissionRule> ofUser(UserId userId);

    /** A rule of any kind. */
    Optional<PermissionRule> find(PermissionRuleId id);

    void insert(PermissionRule rule);

    /** False when it was already gone. */
    boolean delete(PermissionRuleId id);
}
