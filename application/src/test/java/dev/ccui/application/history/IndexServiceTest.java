package dev.ccui.application.history;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ccui.application.common.ClientInfo;
import dev.ccui.application.history.port.in.MessagesQuery;
import dev.ccui.application.testing.HistoryFixture;
import dev.ccui.domain.events.AppEvent;
import dev.ccui.domain.history.IndexProgress;
import dev.ccui.domain.project.ProjectId;
import dev.ccui.domain.project.ProjectOverview;
import dev.ccui.domain.session.SessionId;
import dev.ccui.domain.session.SessionSummary;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The indexer on in-memory transcripts: what the lists and pages show after a pass. */
class IndexServiceTest {
    private static final SessionId FIRST = new SessionId("s-first");
    private static final SessionId SECOND = new SessionId("s-second");

    private final HistoryFixture f = new HistoryFixture();

    private ProjectOverview onlyProject() {
        List<ProjectOverview> all = f.projects.listProjects(f.admin);
        assertThat(all).hasSize(1);
        return all.getFirst();
    }

    private List<String> texts(SessionId session) {
        return HistoryFixture.texts(f.history
                .messages(f.admin, session, new MessagesQuery(500, null, null, null))
                .items());
    }

    @Test
    void aFirstPassDiscoversTheFolderAsAProjectOfTheFirstAdminWithItsSessions() {
        f.transcripts.write(
                "s-first", "/work/app", "Fix the build", f.messages("fix the build", "done"), f.clock.instant());
        f.transcripts.write("s-second", "/work/app", null, f.messages("add a test"), f.clock.instant());

        f.indexer.scanAll();

        ProjectOverview project = onlyProject();
        assertThat(project.project().path()).isEqualTo("/work/app");
        assertThat(project.project().discovered()).isTrue();
        assertThat(project.project().ownerId()).isEqualTo(f.admin.userId());
        assertThat(project.sessionCount()).isEqualTo(2);
        assertThat(f.projects.listProjects(f.member)).as("not shared yet").isEmpty();
        assertThat(f.history.getSession(f.admin, FIRST).title()).isEqualTo("Fix the build");
        assertThat(f.history.getSession(f.admin, SECOND).title())
                .as("the first prompt when nothing else")
                .isEqualTo("add a test");
        assertThat(f.history.getSession(f.admin, FIRST).messageCount()).isEqualTo(2);
        assertThat(f.indexer.indexProgress().state()).isEqualTo("watching");
        assertThat(f.indexer.indexProgress().filesDone()).isEqualTo(2);
        assertThat(f.published)
                .contains(new AppEvent.ProjectsChanged(Set.of(project.project().id())));
    }

    @Test
    void thePlannersStatisticsAreRefreshedOnlyAfterAPassThatReadSomething() {
        f.transcripts.write("s-first", "/work/app", null, f.messages("one", "two"), f.clock.instant());
        f.indexer.scanAll();
        assertThat(f.stores.sessions.optimized).as("new rows").hasValue(1);

        // Every warm start and periodic rescan finds the files as they were: no ANALYZE for them.
        f.indexer.scanAll();
        f.indexer.scanAll();
        assertThat(f.stores.sessions.optimized).hasValue(1);

        f.transcripts.append("s-first", f.messages("three"), f.clock.instant());
        f.indexer.scanAll();
        assertThat(f.stores.sessions.optimized).hasValue(2);
    }

    @Test
    void aGrownFileIsReadOnFromWhereTheLastPassStopped() {
        f.transcripts.write("s-first", "/work/app", null, f.messages("one", "two"), f.clock.instant());
        f.indexer.scanAll();

        f.transcripts.append("s-first", f.messages("three", "four", "five"), f.clock.instant());
        f.indexer.scanAll();
        f.indexer.scanAll();

        assertThat(texts(FIRST))
                .as("appended, never read twice")
                .containsExactly("one", "two", "three", "four", "five");
        assertThat(f.history.getSession(f.admin, FIRST).messageCount()).isEqualTo(5);
    }

    @Test
    void aReplacedFileIsReadAgainFromTheStartAndKeepsTheRename() {
        f.transcripts.write(
                "s-first", "/work/app", null, f.messages("old one", "old two", "old three"), f.clock.instant());
        f.indexer.scanAll();
        f.history.renameSession(f.admin, FIRST, "Mine", ClientInfo.INTERNAL);

        f.transcripts.write("s-first", "/work/app", null, f.messages("new one"), f.clock.instant());
        f.indexer.scanAll();

        assertThat(texts(FIRST)).containsExactly("new one");
        SessionSummary summary = f.history.getSession(f.admin, FIRST);
        assertThat(summary.messageCount()).isEqualTo(1);
        assertThat(summary.title()).isEqualTo("Mine");
    }

    @Test
    void aVanishedFileTakesItsSessionOutOfTheLists() {
        f.transcripts.write("s-first", "/work/app", null, f.messages("one"), f.clock.instant());
        f.transcripts.write("s-second", "/work/app", null, f.messages("two"), f.clock.instant());
        f.indexer.scanAll();

        f.transcripts.delete("s-first");
        f.indexer.scanAll();

        ProjectId project = onlyProject().project().id();
        assertThat(onlyProject().sessionCount()).isEqualTo(1);
        assertThat(f.history.listSessions(f.admin, project, null, null, false).items())
                .extracting(SessionSummary::id)
                .containsExactly(SECOND);
    }

    @Test
    void oneUnreadableFileNeverStopsTheOthers() {
        f.transcripts.write("s-first", "/work/app", null, f.messages("broken"), f.clock.instant());
        f.transcripts.write("s-second", "/work/app", null, f.messages("fine"), f.clock.instant());
        f.transcripts.makeUnreadable("s-first");

        f.indexer.scanAll();

        assertThat(onlyProject().sessionCount()).as("not listed either").isEqualTo(1);
        assertThat(texts(SECOND)).containsExactly("fine");
        assertThat(f.indexer.indexProgress().phase()).isEqualTo(IndexProgress.IDLE);
    }

    @Test
    void aRegisteredFolderKeepsItsProjectForNewSessions() {
        ProjectId mine = f.project("/work/mine", f.member);
        f.transcripts.write("s-first", "/work/mine", null, f.messages("hello"), f.clock.instant());

        f.indexer.scanAll();

        assertThat(f.projects.listProjects(f.member)).singleElement().satisfies(overview -> {
            assertThat(overview.project().id()).isEqualTo(mine);
            assertThat(overview.sessionCount()).isEqualTo(1);
        });
    }

    @Test
    void everySessionIsListedInItsProjectBeforeAnyIsReadInFullAndNoCountEverGoesDown() {
        for (int i = 0; i < 30; i++) {
            f.transcripts.write(
                    "s-" + i,
                    "/work/p" + (i % 3),
                    null,
                    f.messages("one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"),
                    f.clock.instant());
        }
        Map<String, Long> whenParsingBegan = new HashMap<>();
        List<Long> firstSessionMessages = new ArrayList<>();
        List<Map<String, Long>> seen = new ArrayList<>();
        f.events.subscribe(event -> {
            // Called on the indexer's thread as it publishes: what a reader sees at that moment.
            Map<String, Long> counts = new HashMap<>();
            f.projects.listProjects(f.admin).forEach(p -> counts.put(p.project().path(), p.sessionCount()));
            seen.add(counts);
            if (event instanceof AppEvent.IndexStatus status
                    && IndexProgress.PARSING.equals(status.progress().phase())
                    && whenParsingBegan.isEmpty()) {
                whenParsingBegan.putAll(counts);
                firstSessionMessages.add(
                        f.history.getSession(f.admin, new SessionId("s-0")).messageCount());
            }
        });

        f.indexer.scanAll();

        Map<String, Long> expected = Map.of("/work/p0", 10L, "/work/p1", 10L, "/work/p2", 10L);
        assertThat(whenParsingBegan)
                .as("every session listed before the full reads")
                .isEqualTo(expected);
        assertThat(firstSessionMessages)
                .as("a lower bound until the full read: the messages glanced at")
                .containsExactly(4L);
        assertThat(f.history.getSession(f.admin, new SessionId("s-0")).messageCount())
                .isEqualTo(10);
        for (int i = 1; i < seen.size(); i++) {
            for (var entry : seen.get(i - 1).entrySet()) {
                assertThat(seen.get(i).get(entry.getKey()))
                        .as("count of " + entry.getKey())
                        .isGreaterThanOrEqualTo(entry.getValue());
            }
        }
        assertThat(seen.getLast()).isEqualTo(expected);
        assertThat(texts(new SessionId("s-7"))).hasSize(10);
    }
}
