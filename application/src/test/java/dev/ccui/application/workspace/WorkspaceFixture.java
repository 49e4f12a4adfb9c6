package dev.ccui.application.workspace;

import dev.ccui.application.audit.Auditor;
import dev.ccui.application.project.ProjectAccess;
import dev.ccui.application.testing.InMemoryAuditRepository;
import dev.ccui.application.testing.InMemoryProjectRepository;
import dev.ccui.domain.apikey.ApiKeyScope;
import dev.ccui.domain.audit.AuditEntry;
import dev.ccui.domain.auth.AuthMethod;
import dev.ccui.domain.auth.Principal;
import dev.ccui.domain.project.Project;
import dev.ccui.domain.project.ProjectId;
import dev.ccui.domain.user.Capability;
import dev.ccui.domain.user.Role;
import dev.ccui.domain.user.UserId;
import dev.ccui.domain.user.Username;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * A project with the people the workspace rules are about: its owner, a member it is shared with,
 * an admin, and a stranger; plus the audit log the use cases write to.
 */
public final class WorkspaceFixture {
    public final InMemoryProjectRepository projects = new InMemoryProjectRepository();
    public final ProjectAccess access = new ProjectAccess(projects);
    private final InMemoryAuditRepository audit = new InMemoryAuditRepository();
    public final Auditor auditor = new Auditor(audit, Clock.systemUTC());
    public final Principal owner = person("owner", Role.MEMBER, Set.of(Capability.TERMINAL));
    public final Principal member = person("member", Role.MEMBER, Set.of(Capability.TERMINAL));
    public final Principal admin = person("admin", Role.ADMIN, Capability.defaultsFor(Role.ADMIN));
    public final Principal stranger = person("stranger", Role.MEMBER, Set.of(Capability.TERMINAL));
    public final Project project = project("/work/shared-project", owner);

    public WorkspaceFixture() {
        projects.addMember(project.id(), member.userId());
    }

    /** A registered project of {@code owner}'s at {@code path}. */
    public Project project(String path, Principal owner) {
        Instant now = Instant.now();
        Project created = new Project(
                ProjectId.random(),
                path,
                path.substring(path.lastIndexOf('/') + 1),
                false,
                false,
                false,
                false,
                owner.userId(),
                now,
                now);
        projects.insert(created);
        return created;
    }

    /** A caller signed in with a token session; a fresh token id each time. */
    public static Principal person(String name, Role role, Set<Capability> capabilities) {
        return new Principal(
                UserId.random(),
                new Username(name),
                role,
                AuthMethod.BEARER,
                UUID.randomUUID().toString(),
                null,
                Set.of(),
                capabilities);
    }

    /** The same person calling with an API key of these scopes. */
    public static Principal withKey(Principal person, ApiKeyScope... scopes) {
        return new Principal(
                person.userId(),
                person.username(),
                person.role(),
                AuthMethod.API_KEY,
                null,
                null,
                Set.of(scopes),
                person.capabilities());
    }

    public List<AuditEntry> audited() {
        return audit.all();
    }
}
