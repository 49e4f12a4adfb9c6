package dev.ccui.application.permission;

import dev.ccui.application.permission.port.out.PermissionRuleStore;
import dev.ccui.application.testing.InMemoryPermissionRules;
import dev.ccui.domain.project.ProjectId;
import dev.ccui.domain.user.UserId;

/** The in-memory rules the use-case tests use, held to the databases' contract. */
class InMemoryPermissionRulesTest extends PermissionRuleStoreContract {
    @Override
    protected PermissionRuleStore store() {
        return new InMemoryPermissionRules();
    }

    @Override
    protected ProjectId newProject() {
        return ProjectId.random();
    }

    @Override
    protected UserId newUser() {
        return UserId.random();
    }
}
