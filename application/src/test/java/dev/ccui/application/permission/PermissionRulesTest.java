package dev.ccui.application.permission;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ccui.application.audit.Auditor;
import dev.ccui.application.common.ClientInfo;
import dev.ccui.application.permission.port.in.AddPermissionRuleCommand;
import dev.ccui.application.project.ProjectAccess;
import dev.ccui.application.run.RunService;
import dev.ccui.application.run.RunSettings;
import dev.ccui.application.run.port.in.StartRunCommand;
import dev.ccui.application.run.port.in.StartedRun;
import dev.ccui.application.run.port.out.RunCommandRelay;
import dev.ccui.application.testing.FakeClaudeRunner;
import dev.ccui.application.testing.FakeClaudeRunner.FakeProcess;
import dev.ccui.application.testing.InMemoryAuditRepository;
import dev.ccui.application.testing.InMemoryPermissionRules;
import dev.ccui.application.testing.InMemoryProjectRepository;
import dev.ccui.application.testing.InMemoryQueuedMessages;
import dev.ccui.application.testing.InMemoryRunStore;
import dev.ccui.application.testing.InMemoryUserRepository;
import dev.ccui.application.testing.MutableClock;
import dev.ccui.application.testing.SyncEventBus;
import dev.ccui.domain.audit.AuditAction;
import dev.ccui.domain.auth.AuthMethod;
import dev.ccui.domain.auth.Principal;
import dev.ccui.domain.error.ConflictException;
import dev.ccui.domain.error.ForbiddenException;
import dev.ccui.domain.error.InvalidException;
import dev.ccui.domain.error.NotFoundException;
import dev.ccui.domain.permission.PermissionRule;
import dev.ccui.domain.permission.PermissionRule.Behavior;
import dev.ccui.domain.permission.RuleMatch;
import dev.ccui.domain.project.Project;
import dev.ccui.domain.project.ProjectId;
import dev.ccui.domain.run.LoggedRunEvent;
import dev.ccui.domain.run.RunEvent;
import dev.ccui.domain.user.Role;
import dev.ccui.domain.user.UserId;
import dev.ccui.domain.user.Username;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Issue 15: saved allow/deny rules, who may change them, and the runs they reach. */
class PermissionRulesTest {
    private static final Instant T0 = Instant.parse("2026-05-01T12:00:00Z");
    private static final ClientInfo CLIENT = new ClientInfo("10.0.0.1", "test");

    private final MutableClock clock = new MutableClock(T0);
    private final InMemoryProjectRepository projects = new InMemoryProjectRepository();
    private final InMemoryAuditRepository audit = new InMemoryAuditRepository();
    private final InMemoryPermissionRules store = new InMemoryPermissionRules();
    private final FakeClaudeRunner runner = new FakeClaudeRunner();
    private final InMemoryRunStore runs = new InMemoryRunStore();
    private final Principal olga = principal("olga", Role.MEMBER);
    private final Principal mia = principal("mia", Role.MEMBER);
    private final Principal stranger = principal("sam", Role.MEMBER);
    private final Principal admin = principal("root", Role.ADMIN);
    private final Project project = project(olga.userId());
    private final ProjectAccess access = new ProjectAccess(projects);
    private final PermissionRulesService rules =
            new PermissionRulesService(store, access, new Auditor(audit, clock), clock);
    private final RunService service = new RunService(
            runner,
            runs,
            runs,
            runs,
            projects,
            id -> Optional.empty(),
            new SyncEventBus(),
            new Auditor(audit, clock),
            clock,
            RunSettings.defaults(),
            access,
            new InMemoryQueuedMessages(),
            runs,
            new InMemoryUserRepository(),
            RunCommandRelay.NONE,
            store);

    PermissionRulesTest() {
        projects.addMember(project.id(), mia.userId());
    }

    @AfterEach
    void close() {
        service.close();
    }

    private static Principal principal(String name, Role role) {
        return new Principal(UserId.random(), new Username(name), role, AuthMethod.BEARER, null, null, Set.of());
    }

    private Project project(UserId owner) {
        Project created = new Project(ProjectId.random(), "/w/app", "app", false, false, false, false, owner, T0, T0);
        projects.insert(created);
        return created;
    }

    private PermissionRule add(Principal who, Behavior behavior, String rule, boolean personal) {
        clock.advance(java.time.Duration.ofSeconds(1));
        return rules.add(who, project.id(), new AddPermissionRuleCommand(behavior, rule, personal), CLIENT);
    }

    private StartedRun run(Principal who, dev.ccui.domain.session.SessionId session, String id) {
        return service.start(
                who,
                new StartRunCommand(project.id(), session, "go", List.of(), null, null, List.of("Read"), id),
                CLIENT);
    }

    @Test
    void theOwnerAndAdminsChangeTheProjectsRulesMembersReadThemAndKeepTheirOwn() {
        PermissionRule tests = add(olga, Behavior.ALLOW, "Bash(npm test:*)", false);
        PermissionRule rm = add(admin, Behavior.DENY, "Bash(rm:*)", false);
        assertThatThrownBy(() -> add(mia, Behavior.ALLOW, "Bash", false))
                .as("a member cannot widen what everyone's runs may do")
                .isInstanceOf(ForbiddenException.class);
        PermissionRule miasEdits = add(mia, Behavior.ALLOW, "Edit(src/**)", true);

        assertThat(rules.list(mia, project.id())).containsExactly(tests, rm, miasEdits);
        assertThat(rules.mayChangeProjectRules(mia, project.id())).isFalse();
        assertThat(rules.mayChangeProjectRules(olga, project.id())).isTrue();
        assertThat(rules.mayChangeProjectRules(admin, project.id())).isTrue();
        assertThat(rules.list(olga, project.id()))
                .as("a person's rules are theirs: the owner does not see them")
                .containsExactly(tests, rm);
        assertThatThrownBy(() -> rules.list(stranger, project.id())).isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> rules.remove(mia, project.id(), tests.id(), CLIENT))
                .isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> rules.remove(olga, project.id(), miasEdits.id(), CLIENT))
                .as("nobody else's personal rule is found")
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> add(olga, Behavior.DENY, "Bash(npm test:*)", false))
                .isInstanceOfSatisfying(
                        ConflictException.class, e -> assertThat(e.code()).isEqualTo("RULE_EXISTS"));

        rules.remove(mia, project.id(), miasEdits.id(), CLIENT);
        rules.remove(olga, project.id(), rm.id(), CLIENT);
        assertThat(rules.list(mia, project.id())).containsExactly(tests);
        assertThat(audit.all())
                .filteredOn(e -> e.action() == AuditAction.PERMISSION_RULE_ADDED
                        || e.action() == AuditAction.PERMISSION_RULE_REMOVED)
                .extracting(e -> e.actorUsername() + ": " + e.detail())
                .containsExactly(
                        "olga: allow Bash(npm test:*) (project)",
                        "root: deny Bash(rm:*) (project)",
                        "mia: allow Edit(src/**) (personal)",
                        "mia: allow Edit(src/**) (personal)",
                        "olga: deny Bash(rm:*) (project)");
    }

    @Test
    void rulesThatCouldPassForFlagsOrCarryLineBreaksAreRefused() {
        for (String bad : List.of(
                "--dangerously-skip-permissions",
                "Bash(ls)\n--permission-mode=bypassPermissions",
                "Bash(echo (x))",
                "Bash(" + "x".repeat(201) + ")",
                "",
                " ",
                "9Tool",
                "Bash(a\u0000b)")) {
            assertThatThrownBy(() -> add(olga, Behavior.ALLOW, bad, false))
                    .as(bad)
                    .isInstanceOfSatisfying(
                            InvalidException.class, e -> assertThat(e.field()).contains("rule"));
        }
        assertThat(add(olga, Behavior.ALLOW, "  mcp__github__create_issue ", false)
                        .rule())
                .isEqualTo("mcp__github__create_issue");
        assertThat(store.ofProject(project.id())).hasSize(1);
    }

    @Test
    void everyRunOfTheProjectStartsWithItsRulesAndARunningCliMakesWayWhenTheyChange() {
        add(olga, Behavior.ALLOW, "Bash(npm test:*)", false);
        add(olga, Behavior.DENY, "Bash(rm:*)", false);
        add(mia, Behavior.ALLOW, "Edit(src/**)", true);

        StartedRun first = run(olga, null, "m1");
        FakeProcess cli = runner.last();
        assertThat(cli.spec.allowedTools()).containsExactly("Read", "Bash(npm test:*)");
        assertThat(cli.spec.disallowedTools()).containsExactly("Bash(rm:*)");
        cli.completeTurn("done");

        run(olga, first.sessionId(), "m2");
        assertThat(runner.started())
                .as("unchanged rules: the same CLI takes the turn")
                .hasSize(1);
        cli.completeTurn("done");

        add(olga, Behavior.DENY, "WebFetch", false);
        run(olga, first.sessionId(), "m3");
        assertThat(runner.started())
                .as("changed rules: a new CLI resumes the session")
                .hasSize(2);
        FakeProcess next = runner.last();
        assertThat(next.spec.resume()).isTrue();
        assertThat(next.spec.disallowedTools()).containsExactly("Bash(rm:*)", "WebFetch");
        assertThat(cli.isAlive()).isFalse();
        next.completeTurn("done");

        run(mia, first.sessionId(), "m4");
        assertThat(runner.last().spec.allowedTools())
                .as("a member's own rules come with their runs only")
                .containsExactly("Read", "Bash(npm test:*)", "Edit(src/**)");
    }

    @Test
    void accountWideRulesAreTheirPersonsOnlyAndComeWithTheirRunsInEveryProject() {
        add(olga, Behavior.ALLOW, "Bash(npm test:*)", false);
        PermissionRule miasDeny =
                rules.addOwn(mia, new AddPermissionRuleCommand(Behavior.DENY, "WebFetch", false), CLIENT);
        clock.advance(java.time.Duration.ofSeconds(1));
        PermissionRule miasAllow =
                rules.addOwn(mia, new AddPermissionRuleCommand(Behavior.ALLOW, " Edit(docs/*.md) ", false), CLIENT);
        assertThat(miasAllow.rule()).isEqualTo("Edit(docs/*.md)");
        assertThat(miasAllow.accountWide()).isTrue();
        assertThat(rules.listOwn(mia)).containsExactly(miasDeny, miasAllow);
        assertThat(rules.listOwn(olga)).isEmpty();
        assertThat(rules.list(mia, project.id()))
                .as("not among the project's rules")
                .doesNotContain(miasDeny, miasAllow);
        assertThatThrownBy(() ->
                        rules.addOwn(mia, new AddPermissionRuleCommand(Behavior.ALLOW, "WebFetch", false), CLIENT))
                .isInstanceOfSatisfying(
                        ConflictException.class, e -> assertThat(e.code()).isEqualTo("RULE_EXISTS"));
        assertThatThrownBy(() -> rules.removeOwn(olga, miasDeny.id(), CLIENT))
                .as("another person's rule is not found")
                .isInstanceOfSatisfying(
                        NotFoundException.class, e -> assertThat(e.code()).isEqualTo("RULE_NOT_FOUND"));
        assertThatThrownBy(() -> rules.remove(mia, project.id(), miasDeny.id(), CLIENT))
                .as("nor is it a project's")
                .isInstanceOf(NotFoundException.class);

        run(mia, null, "m1");
        assertThat(runner.last().spec.allowedTools()).containsExactly("Read", "Bash(npm test:*)", "Edit(docs/*.md)");
        assertThat(runner.last().spec.disallowedTools()).containsExactly("WebFetch");
        runner.last().completeTurn("done");
        run(olga, null, "o1");
        assertThat(runner.last().spec.disallowedTools())
                .as("mia's rules are hers")
                .isEmpty();
        runner.last().completeTurn("done");

        rules.removeOwn(mia, miasDeny.id(), CLIENT);
        assertThat(rules.listOwn(mia)).containsExactly(miasAllow);
        assertThat(audit.all())
                .filteredOn(e -> e.action() == AuditAction.PERMISSION_RULE_ADDED
                        || e.action() == AuditAction.PERMISSION_RULE_REMOVED)
                .filteredOn(e -> e.actorUsername().equals("mia"))
                .extracting(e -> e.action().code() + " " + e.target() + ": " + e.detail())
                .containsExactly(
                        "permission.rule_added " + mia.userId() + ": deny WebFetch (account)",
                        "permission.rule_added " + mia.userId() + ": allow Edit(docs/*.md) (account)",
                        "permission.rule_removed " + mia.userId() + ": deny WebFetch (account)");
    }

    @Test
    void aChangedAccountRuleGivesTheSessionAFreshCliAtItsNextMessage() {
        StartedRun first = run(mia, null, "m1");
        FakeProcess cli = runner.last();
        cli.completeTurn("done");
        rules.addOwn(mia, new AddPermissionRuleCommand(Behavior.DENY, "Bash(rm:*)", false), CLIENT);

        run(mia, first.sessionId(), "m2");

        assertThat(runner.started()).hasSize(2);
        assertThat(runner.last().spec.resume()).isTrue();
        assertThat(runner.last().spec.disallowedTools()).containsExactly("Bash(rm:*)");
        assertThat(cli.isAlive()).isFalse();
    }

    @Test
    void eachToolCallSaysWhichSavedRuleDecidesIt() {
        add(olga, Behavior.ALLOW, "Edit(src/**)", false);
        add(olga, Behavior.DENY, "Edit(src/secrets/**)", false);
        rules.addOwn(olga, new AddPermissionRuleCommand(Behavior.ALLOW, "Bash(npm test:*)", false), CLIENT);
        StartedRun started = run(olga, null, "m1");
        FakeProcess cli = runner.last();

        cli.emit(new RunEvent.ToolUse("m", "t1", "Write", Map.of("file_path", "/w/app/src/a.txt"), null));
        cli.emit(new RunEvent.ToolUse("m", "t2", "Edit", Map.of("file_path", "src/secrets/key"), null));
        cli.emit(new RunEvent.ToolUse("m", "t3", "Bash", Map.of("command", "npm test -- -u"), null));
        cli.emit(new RunEvent.ToolUse("m", "t4", "Edit", Map.of("file_path", "/w/app/README.md"), null));

        assertThat(runs.all(started.sessionId()).stream()
                        .map(LoggedRunEvent::event)
                        .filter(RunEvent.ToolUse.class::isInstance)
                        .map(e -> ((RunEvent.ToolUse) e).savedRule()))
                .containsExactly(
                        new RuleMatch("allow", "Edit(src/**)"),
                        new RuleMatch("deny", "Edit(src/secrets/**)"),
                        new RuleMatch("allow", "Bash(npm test:*)"),
                        null);
    }
}
