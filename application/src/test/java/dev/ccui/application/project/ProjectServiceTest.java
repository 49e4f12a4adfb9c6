package dev.ccui.application.project;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ccui.application.common.ClientInfo;
import dev.ccui.application.project.port.in.ProjectChanges;
import dev.ccui.application.project.port.in.ProjectUseCase.Registered;
import dev.ccui.application.testing.HistoryFixture;
import dev.ccui.domain.audit.AuditAction;
import dev.ccui.domain.audit.AuditEntry;
import dev.ccui.domain.error.ForbiddenException;
import dev.ccui.domain.error.InvalidException;
import dev.ccui.domain.error.NotFoundException;
import dev.ccui.domain.events.AppEvent;
import dev.ccui.domain.project.ProjectId;
import dev.ccui.domain.project.ProjectOverview;
import dev.ccui.domain.user.UserId;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Projects on in-memory ports: who sees which, registering folders, changes, sharing. */
class ProjectServiceTest {
    private static final ClientInfo CLIENT = new ClientInfo("10.0.0.7", "test");

    private final HistoryFixture f = new HistoryFixture();

    @Test
    void ownersAndMembersSeeTheirProjectsAdminsSeeAllAndStrangersNone() {
        ProjectId own = f.project("/work/own", f.member);
        ProjectId shared = f.project("/work/shared", f.admin, f.member);
        f.project("/work/admins", f.admin);

        assertThat(f.projects.listProjects(f.member))
                .extracting(o -> o.project().id())
                .containsExactlyInAnyOrder(own, shared);
        assertThat(f.projects.listProjects(f.admin)).hasSize(3);
        assertThat(f.projects.listProjects(f.stranger)).isEmpty();
        assertThatThrownBy(() -> f.projects.getProject(f.stranger, own)).isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> f.projects.getProject(f.member, ProjectId.random()))
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    void theListingIsTheSameUnchangeableListUntilAProjectChanges() {
        ProjectId project = f.project("/work/team", f.admin);
        var first = f.projects.listProjects(f.admin);

        assertThat(f.projects.listProjects(f.admin)).isSameAs(first);
        assertThatThrownBy(() -> first.remove(0)).isInstanceOf(UnsupportedOperationException.class);

        f.projects.updateProject(f.admin, project, new ProjectChanges("Renamed", null, null), CLIENT);

        var after = f.projects.listProjects(f.admin);
        assertThat(after).isNotSameAs(first);
        assertThat(after).extracting(o -> o.project().name()).containsExactly("Renamed");
    }

    @Test
    void registeringAFolderMakesAProjectOnceOwnedByTheCaller() {
        f.folders.add("/work/fresh");
        Registered created = f.projects.registerProject(f.member, "/work/fresh", "Fresh", CLIENT);
        assertThat(created.created()).isTrue();
        assertThat(created.project().project().name()).isEqualTo("Fresh");
        assertThat(created.project().project().ownerId()).isEqualTo(f.member.userId());

        Registered again = f.projects.registerProject(f.member, "/work/fresh", null, CLIENT);
        assertThat(again.created()).isFalse();
        assertThat(again.project().project().id())
                .isEqualTo(created.project().project().id());
        assertThat(f.projects.listProjects(f.member)).hasSize(1);
        assertThat(f.stores.audit.all()).extracting(AuditEntry::action).contains(AuditAction.PROJECT_REGISTERED);
        assertThat(f.published)
                .contains(new AppEvent.ProjectsChanged(
                        Set.of(created.project().project().id())));
    }

    @Test
    void aRemovedProjectRegisteredAgainComesBackWithItsSessions() {
        f.folders.add("/work/seen");
        f.transcripts.write("s-seen", "/work/seen", null, f.messages("hello"), f.clock.instant());
        f.indexer.scanAll();
        ProjectId discovered =
                f.projects.listProjects(f.admin).getFirst().project().id();
        f.projects.removeProject(f.admin, discovered, CLIENT);

        Registered registered = f.projects.registerProject(f.admin, "/work/seen", null, CLIENT);

        assertThat(registered.project().sessionCount()).isEqualTo(1);
        assertThat(registered.project().project().id()).isEqualTo(discovered);
        assertThat(registered.created()).isFalse();
    }

    @Test
    void foldersThatDoNotExistOrAreNotAbsoluteAreRefusedWithoutSayingWhy() {
        assertThatThrownBy(() -> f.projects.registerProject(f.member, "relative/path", null, CLIENT))
                .isInstanceOfSatisfying(
                        InvalidException.class, e -> assertThat(e.field()).contains("path"));
        assertThatThrownBy(() -> f.projects.registerProject(f.member, " ", null, CLIENT))
                .isInstanceOf(InvalidException.class);
        assertThatThrownBy(() -> f.projects.registerProject(f.member, "/work/absent", null, CLIENT))
                .isInstanceOfSatisfying(
                        ForbiddenException.class, e -> assertThat(e.code()).isEqualTo("PROJECT_PATH_REFUSED"));
        f.folders.add("/data/secrets");
        assertThatThrownBy(() -> f.projects.registerProject(f.member, "/data/secrets", null, CLIENT))
                .isInstanceOfSatisfying(
                        ForbiddenException.class, e -> assertThat(e.code()).isEqualTo("PROJECT_PATH_REFUSED"));
        assertThat(f.projects.listProjects(f.admin)).isEmpty();
    }

    @Test
    void membersMayStarButOnlyOwnersRenameOrRemove() {
        ProjectId project = f.project("/work/team", f.admin, f.member);

        ProjectOverview starred =
                f.projects.updateProject(f.member, project, new ProjectChanges(null, true, null), CLIENT);
        assertThat(starred.project().starred()).isTrue();
        assertThatThrownBy(() ->
                        f.projects.updateProject(f.member, project, new ProjectChanges("Mine now", null, null), CLIENT))
                .isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> f.projects.removeProject(f.member, project, CLIENT))
                .isInstanceOf(ForbiddenException.class);

        assertThat(f.projects
                        .updateProject(f.admin, project, new ProjectChanges("Team", null, null), CLIENT)
                        .project()
                        .name())
                .isEqualTo("Team");
        f.projects.removeProject(f.admin, project, CLIENT);
        assertThat(f.projects.listProjects(f.member)).isEmpty();
        assertThatThrownBy(() -> f.projects.getProject(f.admin, project)).isInstanceOf(NotFoundException.class);
    }

    @Test
    void sharingGivesAccessAndUnsharingTakesItAwayAtOnce() {
        ProjectId project = f.project("/work/solo", f.admin);

        f.projects.addMember(f.admin, project, f.stranger.userId(), CLIENT);
        assertThat(f.projects.listMembers(f.admin, project))
                .containsExactly(f.stranger.userId().toString());
        assertThat(f.projects.getProject(f.stranger, project).project().id()).isEqualTo(project);
        assertThatThrownBy(() -> f.projects.addMember(f.admin, project, UserId.random(), CLIENT))
                .isInstanceOfSatisfying(
                        InvalidException.class, e -> assertThat(e.field()).contains("userId"));
        assertThatThrownBy(() -> f.projects.addMember(f.stranger, project, f.member.userId(), CLIENT))
                .as("members do not share on")
                .isInstanceOf(ForbiddenException.class);

        f.projects.removeMember(f.admin, project, f.stranger.userId(), CLIENT);
        assertThatThrownBy(() -> f.projects.getProject(f.stranger, project)).isInstanceOf(ForbiddenException.class);
        assertThat(f.published)
                .anySatisfy(event -> assertThat(event)
                        .isInstanceOfSatisfying(
                                AppEvent.AccessRevoked.class,
                                revoked -> assertThat(revoked.userId()).isEqualTo(f.stranger.userId())));
    }
}
