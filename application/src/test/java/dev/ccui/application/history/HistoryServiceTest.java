package dev.ccui.application.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ccui.application.common.ClientInfo;
import dev.ccui.application.common.Page;
import dev.ccui.application.history.port.in.MessagesPage;
import dev.ccui.application.history.port.in.MessagesQuery;
import dev.ccui.application.history.port.in.SearchResult;
import dev.ccui.application.testing.HistoryFixture;
import dev.ccui.domain.audit.AuditAction;
import dev.ccui.domain.audit.AuditEntry;
import dev.ccui.domain.error.ForbiddenException;
import dev.ccui.domain.error.InvalidException;
import dev.ccui.domain.error.NotFoundException;
import dev.ccui.domain.events.AppEvent;
import dev.ccui.domain.project.ProjectId;
import dev.ccui.domain.session.SessionId;
import dev.ccui.domain.session.SessionSummary;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Reading recorded sessions on in-memory ports: who may see what, pages, renames, search, export. */
class HistoryServiceTest {
    private static final ClientInfo CLIENT = new ClientInfo("10.0.0.9", "test");
    private static final SessionId LONG = new SessionId("s-long");
    private static final SessionId OTHER = new SessionId("s-other");

    private final HistoryFixture f = new HistoryFixture();
    private ProjectId shared;
    private ProjectId secret;

    @BeforeEach
    void twoProjectsWithSessions() {
        shared = f.project("/work/shared", f.admin, f.member);
        secret = f.project("/work/secret", f.admin);
        f.transcripts.write(
                "s-long",
                "/work/shared",
                null,
                f.messages("m0", "m1", "m2", "m3", "m4", "m5", "m6", "m7", "deploy the kafka consumer", "m9"),
                f.clock.instant());
        f.transcripts.write(
                "s-other", "/work/secret", "Secret plans", f.messages("kafka in secret"), f.clock.instant());
        f.indexer.scanAll();
    }

    @Test
    void aMemberSeesTheSharedProjectsSessionsAndNoOneElsesWhileAStrangerIsRefused() {
        assertThat(f.history.listSessions(f.member, shared, null, null, false).items())
                .extracting(SessionSummary::id)
                .containsExactly(LONG);
        assertThat(f.history.getSession(f.member, LONG).messageCount()).isEqualTo(10);
        assertThatThrownBy(() -> f.history.getSession(f.member, OTHER)).isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> f.history.listSessions(f.stranger, shared, null, null, false))
                .isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> f.history.getSession(f.member, new SessionId("s-nobody")))
                .isInstanceOf(NotFoundException.class)
                .hasMessage("no such session");
        assertThatThrownBy(() -> f.history.listSessions(f.member, ProjectId.random(), null, null, false))
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    void messagesComeNewestFirstInPagesThatLeadFurtherBackAndAroundAHit() {
        MessagesPage newest = f.history.messages(f.member, LONG, new MessagesQuery(4, null, null, null));
        assertThat(HistoryFixture.texts(newest.items())).containsExactly("m6", "m7", "deploy the kafka consumer", "m9");
        assertThat(newest.nextBefore()).isEqualTo(6);
        assertThat(newest.nextAfter()).isNull();

        MessagesPage older = f.history.messages(f.member, LONG, new MessagesQuery(4, newest.nextBefore(), null, null));
        assertThat(HistoryFixture.texts(older.items())).containsExactly("m2", "m3", "m4", "m5");

        MessagesPage around = f.history.messages(f.member, LONG, new MessagesQuery(3, null, null, 8L));
        assertThat(HistoryFixture.texts(around.items())).containsExactly("m7", "deploy the kafka consumer", "m9");
        assertThat(f.history.matches(f.member, LONG, "KAFKA").seqs()).containsExactly(8L);
    }

    @Test
    void aRenameIsWhatEveryoneSeesAuditedAndAnnounced() {
        SessionSummary renamed = f.history.renameSession(f.member, LONG, "  Consumer work ", CLIENT);

        assertThat(renamed.title()).isEqualTo("Consumer work");
        assertThat(f.history.getSession(f.admin, LONG).title()).isEqualTo("Consumer work");
        assertThat(f.stores.audit.all()).extracting(AuditEntry::action).contains(AuditAction.SESSION_RENAMED);
        assertThat(f.published).contains(new AppEvent.ProjectsChanged(Set.of(shared)));
        assertThatThrownBy(() -> f.history.renameSession(f.member, LONG, "x".repeat(301), CLIENT))
                .isInstanceOfSatisfying(
                        InvalidException.class, e -> assertThat(e.field()).contains("title"));
        assertThat(f.history.renameSession(f.member, LONG, "", CLIENT).title())
                .as("cleared: the transcript's title again")
                .isEqualTo("m0");
    }

    @Test
    void aHiddenSessionLeavesTheListAndSearchUntilShownAgain() {
        f.history.hideSession(f.member, LONG, true, CLIENT);

        assertThat(f.history.listSessions(f.member, shared, null, null, false).items())
                .isEmpty();
        assertThat(f.history.listSessions(f.member, shared, null, null, true).items())
                .extracting(SessionSummary::id)
                .containsExactly(LONG);
        assertThat(f.history.search(f.member, "kafka", null, null, null).items())
                .isEmpty();

        f.history.hideSession(f.member, LONG, false, CLIENT);
        assertThat(f.history.listSessions(f.member, shared, null, null, false).items())
                .hasSize(1);
    }

    @Test
    void searchLooksOnlyInTheCallersProjectsAndNamesThem() {
        Page<SearchResult> mine = f.history.search(f.member, "kafka", null, null, null);
        assertThat(mine.items()).extracting(result -> result.hit().sessionId()).containsExactly(LONG);
        assertThat(mine.items().getFirst().projectName()).isEqualTo("shared");

        assertThat(f.history.search(f.admin, "kafka", null, null, null).items())
                .extracting(r -> r.hit().sessionId())
                .containsExactlyInAnyOrder(LONG, OTHER);
        assertThat(f.history.search(f.admin, "kafka", secret, null, null).items())
                .extracting(r -> r.hit().title())
                .containsExactly("Secret plans");
        assertThat(f.history.search(f.stranger, "kafka", null, null, null).items())
                .isEmpty();
        assertThatThrownBy(() -> f.history.search(f.member, "kafka", secret, null, null))
                .isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> f.history.search(f.member, " ", null, null, null))
                .isInstanceOfSatisfying(
                        InvalidException.class, e -> assertThat(e.field()).contains("q"));
        assertThatThrownBy(() -> f.history.search(f.member, "kafka", null, null, "not a number"))
                .isInstanceOfSatisfying(
                        InvalidException.class, e -> assertThat(e.field()).contains("cursor"));
    }

    @Test
    void anExportHoldsEveryMessageOldestFirst() throws Exception {
        StringBuilder markdown = new StringBuilder();
        f.history.exportMarkdown(f.member, LONG, markdown);
        assertThat(markdown.toString()).contains("m0").contains("deploy the kafka consumer");
        assertThat(markdown.indexOf("m0")).isLessThan(markdown.indexOf("m9"));

        List<String> exported = new ArrayList<>();
        f.history.exportMessages(f.member, LONG, message -> exported.add(message.uuid()));
        assertThat(exported).hasSize(10);
        assertThatThrownBy(() -> f.history.exportMarkdown(f.stranger, LONG, new StringBuilder()))
                .isInstanceOf(ForbiddenException.class);
    }
}
