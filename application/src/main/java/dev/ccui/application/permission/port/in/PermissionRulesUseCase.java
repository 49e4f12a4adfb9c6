package dev.ccui.application.permission.port.in;

import dev.ccui.application.common.ClientInfo;
import dev.ccui.domain.auth.Principal;
import dev.ccui.domain.permission.PermissionRule;
import dev.ccui.domain.permission.PermissionRuleId;
import dev.ccui.domain.project.ProjectId;
import java.util.List;

/**
 * Saved allow and deny rules of a project, applied to every run there. Whoever may use the project
 * reads the project's rules and their own; the owner and admins change the project's, each member
 * their own. Each person also keeps account-wide rules, applied to every run they start anywhere.
 */
public interface PermissionRulesUseCase {
    /** The project's rules and the caller's own rules there, oldest first. */
    List<PermissionRule> list(Principal caller, ProjectId projectId);

    /** Whether the caller may change the project's own rules (its owner, an admin). */
    boolean mayChangeProjectRules(Principal caller, ProjectId projectId);

    PermissionRule add(Principal caller, ProjectId projectId, AddPermissionRuleCommand command, ClientInfo client);

    void remove(Principal caller, ProjectId projectId, PermissionRuleId ruleId, ClientInfo client);

    /** The caller's account-wide rules (for their runs in every project), oldest first. */
    List<PermissionRule> listOwn(Principal caller);

    /** Saves an account-wide rule of the caller's; the command's scope does not apply. */
    PermissionRule addOwn(Principal caller, AddPermissionRuleCommand command, ClientInfo client);

    /** Another person's rule, or none, is not found. */
    void removeOwn(Principal caller, PermissionRuleId ruleId, ClientInfo client);
}
