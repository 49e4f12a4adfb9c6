package dev.ccui.application.testing;

import dev.ccui.application.permission.port.out.PermissionRuleStore;
import dev.ccui.domain.permission.PermissionRule;
import dev.ccui.domain.permission.PermissionRuleId;
import dev.ccui.domain.project.ProjectId;
import dev.ccui.domain.user.UserId;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The saved permission rules in memory, with the database adapter's semantics. */
public final class InMemoryPermissionRules implements PermissionRuleStore {
    private final Map<PermissionRuleId, PermissionRule> rules = new LinkedHashMap<>();

    @Override
    public synchronized List<PermissionRule> ofProject(ProjectId projectId) {
        return rules.values().stream()
                .filter(r -> projectId.equals(r.projectId()))
                .sorted(Comparator.comparing(PermissionRule::createdAt).thenComparing(r -> r.id().toString()))
                .toList();
    }

    @Override
    public synchronized List<PermissionRule> ofUser(UserId userId) {
        return rules.values().stream()
                .filter(r -> r.accountWide() && r.userId().equals(userId))
                .sorted(Comparator.comparing(PermissionRule::createdAt).thenComparing(r -> r.id().toString()))
                .toList();
    }

    @Override
    public synchronized Optional<PermissionRule> find(PermissionRuleId id) {
        return Optional.ofNullable(rules.get(id));
    }

    @Override
    public synchronized void insert(PermissionRule rule) {
        rules.put(rule.id(), rule);
    }

    @Override
    public synchronized boolean delete(PermissionRuleId id) {
        return rules.remove(id) != null;
    }
}
