package dev.ccui.application.permission;

import dev.ccui.application.audit.Auditor;
import dev.ccui.application.common.ClientInfo;
import dev.ccui.application.permission.port.in.AddPermissionRuleCommand;
import dev.ccui.application.permission.port.in.PermissionRulesUseCase;
import dev.ccui.application.permission.port.out.PermissionRuleStore;
import dev.ccui.application.project.ProjectAccess;
import dev.ccui.domain.audit.AuditAction;
import dev.ccui.domain.auth.Principal;
import dev.ccui.domain.error.ConflictException;
import dev.ccui.domain.error.NotFoundException;
import dev.ccui.domain.permission.PermissionRule;
import dev.ccui.domain.permission.PermissionRuleId;
import dev.ccui.domain.project.Project;
import dev.ccui.domain.project.ProjectId;
import java.time.Clock;
import java.util.List;

public final class PermissionRulesService implements PermissionRulesUseCase {
    /**
     * Rules of one project, people's included, and of one person account-wide: each becomes a CLI
     * argument of every run there.
     */
    public static final int MAX_RULES = 200;

    private final PermissionRuleStore store;
    private final ProjectAccess access;
    private final Auditor auditor;
    private final Clock clock;

    public PermissionRulesService(PermissionRuleStore store, ProjectAccess access, Auditor auditor, Clock clock) {
        this.store = store;
        this.access = access;
        this.auditor = auditor;
        this.clock = clock;
    }

    @Override
    public List<PermissionRule> list(Principal caller, ProjectId projectId) {
        access.require(caller, projectId);
        return store.ofProject(projectId).stream()
                .filter(rule -> rule.userId() == null || rule.userId().equals(caller.userId()))
                .toList();
    }

    @Override
    public boolean mayChangeProjectRules(Principal caller, ProjectId projectId) {
        Project project = access.require(caller, projectId);
        return caller.isAdmin() || caller.userId().equals(project.ownerId());
    }

    @Override
    public PermissionRule add(
            Principal caller, ProjectId projectId, AddPermissionRuleCommand command, ClientInfo client) {
        if (command.personal()) {
            access.require(caller, projectId);
        } else {
            access.requireOwner(caller, projectId);
        }
        List<PermissionRule> existing = store.ofProject(projectId);
        PermissionRule rule = new PermissionRule(
                PermissionRuleId.random(),
                projectId,
                command.personal() ? caller.userId() : null,
                command.behavior(),
                command.rule(),
                caller.userId(),
                clock.instant());
        if (existing.stream().anyMatch(r -> sameScope(r, rule) && r.rule().equals(rule.rule()))) {
            throw new ConflictException("RULE_EXISTS", "this rule is saved already (as allow or deny)");
        }
        if (existing.size() >= MAX_RULES) {
            throw new ConflictException("TOO_MANY_RULES", "a project has at most " + MAX_RULES + " saved rules");
        }
        store.insert(rule);
        auditor.record(AuditAction.PERMISSION_RULE_ADDED, caller, projectId.toString(), client, true, describe(rule));
        return rule;
    }

    @Override
    public void remove(Principal caller, ProjectId projectId, PermissionRuleId ruleId, ClientInfo client) {
        access.require(caller, projectId);
        PermissionRule rule = store.find(ruleId)
                .filter(found -> projectId.equals(found.projectId()))
                .filter(found -> found.userId() == null || found.userId().equals(caller.userId()))
                .orElseThrow(() -> new NotFoundException("RULE_NOT_FOUND", "no such rule in this project"));
        if (rule.userId() == null) {
            access.requireOwner(caller, projectId);
        }
        if (store.delete(ruleId)) {
            auditor.record(
                    AuditAction.PERMISSION_RULE_REMOVED, caller, projectId.toString(), client, true, describe(rule));
        }
    }

    @Override
    public List<PermissionRule> listOwn(Principal caller) {
        return store.ofUser(caller.userId());
    }

    @Override
    public PermissionRule addOwn(Principal caller, AddPermissionRuleCommand command, ClientInfo client) {
        List<PermissionRule> existing = store.ofUser(caller.userId());
        PermissionRule rule = new PermissionRule(
                PermissionRuleId.random(),
                null,
                caller.userId(),
                command.behavior(),
                command.rule(),
                caller.userId(),
                clock.instant());
        if (existing.stream().anyMatch(r -> r.rule().equals(rule.rule()))) {
            throw new ConflictException("RULE_EXISTS", "this rule is saved already (as allow or deny)");
        }
        if (existing.size() >= MAX_RULES) {
            throw new ConflictException("TOO_MANY_RULES", "an account has at most " + MAX_RULES + " rules of its own");
        }
        store.insert(rule);
        auditor.record(
                AuditAction.PERMISSION_RULE_ADDED, caller, caller.userId().toString(), client, true, describe(rule));
        return rule;
    }

    @Override
    public void removeOwn(Principal caller, PermissionRuleId ruleId, ClientInfo client) {
        // Someone else's rule is as unknown as none: its id tells nobody else that it exists.
        PermissionRule rule = store.find(ruleId)
                .filter(PermissionRule::accountWide)
                .filter(found -> found.userId().equals(caller.userId()))
                .orElseThrow(() -> new NotFoundException("RULE_NOT_FOUND", "no such rule of yours"));
        if (store.delete(ruleId)) {
            auditor.record(
                    AuditAction.PERMISSION_RULE_REMOVED,
                    caller,
                    caller.userId().toString(),
                    client,
                    true,
                    describe(rule));
        }
    }

    private static boolean sameScope(PermissionRule a, PermissionRule b) {
        return a.userId() == null ? b.userId() == null : a.userId().equals(b.userId());
    }

    private static String describe(PermissionRule rule) {
        String scope = rule.accountWide() ? " (account)" : rule.userId() == null ? " (project)" : " (personal)";
        return rule.behavior().apiName() + " " + rule.rule() + scope;
    }
}
