package dev.ccui.adapters.persistence.permission;

import dev.ccui.adapters.persistence.OpenDatabase;
import dev.ccui.adapters.persistence.TestDatabases;
import dev.ccui.adapters.persistence.project.JdbiProjectRepository;
import dev.ccui.adapters.persistence.user.JdbiUserRepository;
import dev.ccui.application.permission.PermissionRuleStoreContract;
import dev.ccui.application.permission.port.out.PermissionRuleStore;
import dev.ccui.domain.project.Project;
import dev.ccui.domain.project.ProjectId;
import dev.ccui.domain.user.Role;
import dev.ccui.domain.user.User;
import dev.ccui.domain.user.UserId;
import dev.ccui.domain.user.Username;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The saved-rules contract on a database; subclasses say which. */
abstract class JdbiPermissionRulesContract extends PermissionRuleStoreContract {
    @RegisterExtension
    final OpenDatabase db = new OpenDatabase(this::open);

    protected abstract TestDatabases.Opened open(Path folder);

    @Override
    protected PermissionRuleStore store() {
        return new JdbiPermissionRules(db.database().jdbi());
    }

    @Override
    protected ProjectId newProject() {
        ProjectId id = ProjectId.random();
        Instant now = Instant.parse("2026-03-01T10:00:00Z");
        new JdbiProjectRepository(db.database().jdbi())
                .insert(new Project(id, "/work/" + id, "p", false, false, false, true, null, now, now));
        return id;
    }

    @Override
    protected UserId newUser() {
        UserId id = UserId.random();
        Instant now = Instant.parse("2026-03-01T10:00:00Z");
        new JdbiUserRepository(db.database().jdbi())
                .insert(new User(
                        id,
                        new Username("u" + id.toString().substring(0, 8)),
                        Role.MEMBER,
                        false,
                        "$2a$12$x",
                        now,
                        now,
                        null));
        return id;
    }
}
