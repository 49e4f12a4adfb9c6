package dev.ccui.application.project;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ccui.application.history.port.out.FileState;
import dev.ccui.application.history.port.out.IndexedSession;
import dev.ccui.application.history.port.out.SessionIndexWriter;
import dev.ccui.application.history.port.out.SessionMarks;
import dev.ccui.application.project.port.out.ProjectRepository;
import dev.ccui.application.user.port.out.UserRepository;
import dev.ccui.domain.project.Project;
import dev.ccui.domain.project.ProjectId;
import dev.ccui.domain.project.ProjectOverview;
import dev.ccui.domain.session.SessionId;
import dev.ccui.domain.user.Role;
import dev.ccui.domain.user.User;
import dev.ccui.domain.user.UserId;
import dev.ccui.domain.user.Username;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * One contract for the project repository, run against every database we support and against the
 * in-memory fake: the users it refers to and the sessions its overview counts share its store.
 */
public abstract class ProjectRepositoryContract {
    private static final Instant T0 = Instant.parse("2026-03-01T10:00:00.123Z");

    public record Ports(
            ProjectRepository projects, UserRepository users, SessionIndexWriter sessions, SessionMarks marks) {}

    /** Fresh, empty ports over one store; called once before each test. */
    protected abstract Ports ports();

    private Ports ports;

    @BeforeEach
    void open() {
        ports = ports();
    }

    private ProjectRepository repo() {
        return ports.projects();
    }

    private UserId user(String name) {
        User user = new User(UserId.random(), new Username(name), Role.MEMBER, false, "$2a$12$hash", T0, T0, null);
        ports.users().insert(user);
        return user.id();
    }

    private static Project project(String path, UserId owner) {
        return new Project(
                ProjectId.random(), path, Project.defaultName(path), false, false, false, owner == null, owner, T0, T0);
    }

    private void session(ProjectId project, String id, Instant lastActivity, boolean hidden) {
        ports.sessions()
                .apply(
                        new IndexedSession(
                                new SessionId(id),
                                project,
                                "/cwd",
                                null,
                                null,
                                null,
                                null,
                                "prompt",
                                null,
                                null,
                                lastActivity,
                                lastActivity,
                                0,
                                Set.of(),
                                0,
                                0,
                                Map.of(),
                                false,
                                0),
                        new FileState("/t/" + id + ".jsonl", new SessionId(id), 0, T0, null, 0, null, 0),
                        List.of(),
                        null,
                        false);
        ports.marks().setHidden(new SessionId(id), hidden);
    }

    @Test
    void projectsRoundTripWithEveryField() {
        var repo = repo();
        UserId owner = user("olga");
        Project project = project("/home/olga/app", owner);
        assertThat(repo.insert(project)).isTrue();
        assertThat(repo.findById(project.id())).contains(project);
        assertThat(repo.findByPath("/home/olga/app")).contains(project);
        assertThat(repo.findByPath("/home/olga")).isEmpty();
        assertThat(repo.findById(ProjectId.random())).isEmpty();

        Project changed = project.withName("App", T0.plusSeconds(1))
                .withStarred(true, T0.plusSeconds(1))
                .withArchived(true, T0.plusSeconds(2))
                .withOwner(null, T0.plusSeconds(3));
        repo.update(changed);
        assertThat(repo.findById(project.id())).contains(changed);
    }

    @Test
    void aPathIsRegisteredOnce() {
        var repo = repo();
        Project first = project("/home/p/one", null);
        assertThat(repo.insert(first)).isTrue();
        assertThat(repo.insert(project("/home/p/one", user("paul")))).isFalse();
        assertThat(repo.findByPath("/home/p/one")).contains(first);
    }

    @Test
    void usersSeeTheProjectsTheyOwnOrShareAndAdminsSeeAll() {
        var repo = repo();
        UserId owner = user("owen");
        UserId member = user("mia");
        UserId stranger = user("sam");
        Project owned = project("/w/owned", owner);
        Project shared = project("/w/shared", owner);
        Project discovered = project("/w/discovered", null);
        Project removed = project("/w/removed", owner).withRemoved(true, T0);
        List.of(owned, shared, discovered, removed).forEach(repo::insert);
        repo.addMember(shared.id(), member);
        repo.addMember(shared.id(), member);

        assertThat(repo.overview(owner))
                .extracting(o -> o.project().path())
                .containsExactlyInAnyOrder("/w/owned", "/w/shared");
        assertThat(repo.overview(member)).extracting(o -> o.project().path()).containsExactly("/w/shared");
        assertThat(repo.overview(stranger)).isEmpty();
        assertThat(repo.overview((UserId) null))
                .extracting(o -> o.project().path())
                .containsExactlyInAnyOrder("/w/owned", "/w/shared", "/w/discovered");
        assertThat(repo.overview(removed.id()))
                .as("found by id even when removed")
                .isPresent();
        for (UserId viewer : Arrays.asList(owner, member, stranger, null)) {
            assertThat(repo.visible(viewer))
                    .as("the projects of the overview, without counts, for %s", viewer)
                    .containsExactlyInAnyOrderElementsOf(repo.overview(viewer).stream()
                            .map(ProjectOverview::project)
                            .toList());
        }

        assertThat(repo.all())
                .as("removed rows too, for the folder rules")
                .extracting(Project::path)
                .containsExactly("/w/discovered", "/w/owned", "/w/removed", "/w/shared");
        assertThat(repo.allMembers()).isEqualTo(Map.of(shared.id(), Set.of(member)));
        assertThat(repo.members(shared.id())).containsExactly(member);
        assertThat(repo.isMember(shared.id(), member)).isTrue();
        assertThat(repo.isMember(owned.id(), member)).isFalse();
        repo.removeMember(shared.id(), member);
        assertThat(repo.isMember(shared.id(), member)).isFalse();
        assertThat(repo.overview(member)).isEmpty();
        assertThat(repo.visible(member)).isEmpty();
    }

    @Test
    void deletingAUserOrphansTheirProjectsAndDropsTheirMemberships() {
        var repo = repo();
        var users = ports.users();
        UserId owner = user("ivy");
        UserId member = user("jon");
        Project project = project("/w/ivy", owner);
        repo.insert(project);
        repo.addMember(project.id(), member);
        users.delete(member);
        assertThat(repo.members(project.id())).isEmpty();
        users.delete(owner);
        assertThat(repo.findById(project.id()).orElseThrow().ownerId()).isNull();
    }

    @Test
    void overviewCountsVisibleSessionsAndOrdersStarredThenRecentThenName() {
        var repo = repo();
        Project quiet = project("/w/b-quiet", null);
        Project empty = project("/w/a-empty", null);
        Project busy = project("/w/c-busy", null);
        Project starred = project("/w/z-starred", null).withStarred(true, T0);
        Project alsoEmpty = project("/w/B-empty", null);
        List.of(quiet, empty, busy, starred, alsoEmpty).forEach(repo::insert);
        session(busy.id(), "busy-1", T0.plusSeconds(100), false);
        session(busy.id(), "busy-2", T0.plusSeconds(50), false);
        session(busy.id(), "busy-hidden", T0.plusSeconds(999), true);
        session(quiet.id(), "quiet-1", T0, false);
        session(quiet.id(), "quiet-undated", null, false);

        List<ProjectOverview> overview = repo.overview((UserId) null);
        assertThat(overview)
                .extracting(o -> o.project().name())
                .containsExactly("z-starred", "c-busy", "b-quiet", "a-empty", "B-empty");
        ProjectOverview busyOverview = overview.get(1);
        assertThat(busyOverview.sessionCount()).isEqualTo(2);
        assertThat(busyOverview.lastActivityAt()).isEqualTo(T0.plusSeconds(100));
        assertThat(overview.get(2).sessionCount()).isEqualTo(2);
        assertThat(overview.get(2).lastActivityAt()).isEqualTo(T0);
        assertThat(overview.get(3).sessionCount()).isZero();
        assertThat(overview.get(3).lastActivityAt()).isNull();
        assertThat(repo.overview(busy.id())).contains(busyOverview);
    }
}
