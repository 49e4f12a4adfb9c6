package dev.ccui.application.permission;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ccui.application.permission.port.out.PermissionRuleStore;
import dev.ccui.domain.permission.PermissionRule;
import dev.ccui.domain.permission.PermissionRule.Behavior;
import dev.ccui.domain.permission.PermissionRuleId;
import dev.ccui.domain.permission.ToolRules;
import dev.ccui.domain.project.ProjectId;
import dev.ccui.domain.user.UserId;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every store of saved permission rules keeps: run against the in-memory fake, SQLite and PostgreSQL. */
public abstract class PermissionRuleStoreContract {
    private static final Instant T0 = Instant.parse("2026-03-01T10:00:00.123Z");

    /** A fresh, empty store; called once before each test. */
    protected abstract PermissionRuleStore store();

    /** A project the store may hold rules of (the databases check it exists). */
    protected abstract ProjectId newProject();

    /** A person the store may hold account-wide rules of (the databases check they exist). */
    protected abstract UserId newUser();

    private PermissionRuleStore store;

    @BeforeEach
    void open() {
        store = store();
    }

    private static PermissionRule rule(ProjectId project, UserId user, Behavior behavior, String rule, int second) {
        return new PermissionRule(
                PermissionRuleId.random(), project, user, behavior, rule, UserId.random(), T0.plusSeconds(second));
    }

    @Test
    void rulesAreKeptPerProjectInTheOrderTheyWereSavedAndRemovedOnce() {
        ProjectId project = newProject();
        ProjectId other = newProject();
        UserId mia = UserId.random();
        PermissionRule tests = rule(project, null, Behavior.ALLOW, "Bash(npm test:*)", 1);
        PermissionRule rm = rule(project, null, Behavior.DENY, "Bash(rm -rf:*)", 2);
        PermissionRule miasEdits = rule(project, mia, Behavior.ALLOW, "Edit(src/**)", 3);
        PermissionRule read = rule(other, null, Behavior.ALLOW, "Read", 0);
        store.insert(miasEdits);
        store.insert(tests);
        store.insert(read);
        store.insert(rm);

        assertThat(store.ofProject(project)).containsExactly(tests, rm, miasEdits);
        assertThat(store.ofProject(other)).containsExactly(read);
        assertThat(store.find(miasEdits.id())).contains(miasEdits);
        assertThat(ToolRules.of(store.ofProject(project), mia))
                .isEqualTo(new ToolRules(List.of("Bash(npm test:*)", "Edit(src/**)"), List.of("Bash(rm -rf:*)")));
        assertThat(ToolRules.of(store.ofProject(project), UserId.random()))
                .as("a person's rule is theirs only")
                .isEqualTo(new ToolRules(List.of("Bash(npm test:*)"), List.of("Bash(rm -rf:*)")));

        assertThat(store.delete(rm.id())).isTrue();
        assertThat(store.delete(rm.id())).isFalse();
        assertThat(store.find(rm.id())).isEmpty();
        assertThat(store.ofProject(project)).containsExactly(tests, miasEdits);
    }

    @Test
    void accountWideRulesAreEachPersonsApartFromEveryProjectsAndRemovedOnce() {
        ProjectId project = newProject();
        UserId mia = newUser();
        UserId sam = newUser();
        PermissionRule projects = rule(project, null, Behavior.ALLOW, "Read", 0);
        PermissionRule miasRm = new PermissionRule(
                PermissionRuleId.random(), null, mia, Behavior.DENY, "Bash(rm:*)", mia, T0.plusSeconds(2));
        PermissionRule miasEdits = new PermissionRule(
                PermissionRuleId.random(), null, mia, Behavior.ALLOW, "Edit(src/**)", mia, T0.plusSeconds(1));
        PermissionRule samsFetch = new PermissionRule(
                PermissionRuleId.random(), null, sam, Behavior.DENY, "WebFetch", sam, T0.plusSeconds(3));
        store.insert(projects);
        store.insert(miasRm);
        store.insert(miasEdits);
        store.insert(samsFetch);

        assertThat(store.ofUser(mia)).containsExactly(miasEdits, miasRm);
        assertThat(store.ofUser(sam)).containsExactly(samsFetch);
        assertThat(store.ofProject(project)).as("not a project's rules").containsExactly(projects);
        assertThat(store.find(miasRm.id())).contains(miasRm);
        assertThat(store.find(miasRm.id()).orElseThrow().accountWide()).isTrue();
        assertThat(ToolRules.of(
                        java.util.stream.Stream.concat(store.ofProject(project).stream(), store.ofUser(mia).stream())
                                .toList(),
                        mia))
                .isEqualTo(new ToolRules(List.of("Read", "Edit(src/**)"), List.of("Bash(rm:*)")));

        assertThat(store.delete(miasRm.id())).isTrue();
        assertThat(store.delete(miasRm.id())).isFalse();
        assertThat(store.find(miasRm.id())).isEmpty();
        assertThat(store.ofUser(mia)).containsExactly(miasEdits);
        assertThat(store.ofUser(sam)).containsExactly(samsFetch);
    }
}
