package dev.ccui.application.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ccui.application.common.Page;
import dev.ccui.application.history.port.out.FileState;
import dev.ccui.application.history.port.out.IndexStats;
import dev.ccui.application.history.port.out.IndexedLine;
import dev.ccui.application.history.port.out.IndexedSession;
import dev.ccui.application.history.port.out.LineRef;
import dev.ccui.application.history.port.out.MessageLine;
import dev.ccui.application.history.port.out.SessionIndexQuery;
import dev.ccui.application.history.port.out.SessionIndexWriter;
import dev.ccui.application.history.port.out.SessionMarks;
import dev.ccui.application.project.port.out.FolderSessions;
import dev.ccui.application.project.port.out.ProjectRepository;
import dev.ccui.domain.error.InvalidException;
import dev.ccui.domain.history.SearchHit;
import dev.ccui.domain.project.Project;
import dev.ccui.domain.project.ProjectId;
import dev.ccui.domain.session.SessionId;
import dev.ccui.domain.session.SessionSummary;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * One contract for the session index (its writer, queries and marks over one store), run against
 * every database we support and against the in-memory fake the use-case tests use.
 */
public abstract class SessionIndexContract {
    private static final Instant T0 = Instant.parse("2026-03-01T10:00:00.123Z");

    /** The index's ports over one store, and the projects its sessions belong to. */
    public record Ports(
            SessionIndexWriter writer,
            SessionIndexQuery query,
            SessionMarks marks,
            FolderSessions folders,
            ProjectRepository projects) {}

    /** Fresh, empty ports; called once before each test. */
    protected abstract Ports ports();

    private SessionIndexWriter writer;
    private SessionIndexQuery query;
    private SessionMarks marks;
    private FolderSessions folders;
    private ProjectRepository projects;
    private ProjectId alpha;
    private ProjectId beta;

    @BeforeEach
    void projects() {
        Ports ports = ports();
        writer = ports.writer();
        query = ports.query();
        marks = ports.marks();
        folders = ports.folders();
        projects = ports.projects();
        alpha = project("/work/alpha");
        beta = project("/work/beta");
    }

    private ProjectId project(String path) {
        Project project = new Project(
                ProjectId.random(), path, Project.defaultName(path), false, false, false, true, null, T0, T0);
        projects.insert(project);
        return project.id();
    }

    /** A session as the indexer would hand it over, changed through the setters below. */
    private static final class S {
        String id;
        ProjectId project;
        String cwd = "/work/alpha";
        String appTitle;
        String customTitle;
        String aiTitle;
        String summary;
        String firstPrompt = "first prompt";
        String lastPrompt = "last prompt";
        Instant first = T0;
        Instant last = T0;
        long messages;
        Set<String> models = Set.of("claude-sonnet-4-5");
        Map<Long, Double> costs = Map.of();
        boolean hidden;
        long nextSeq;

        S(String id, ProjectId project) {
            this.id = id;
            this.project = project;
        }

        IndexedSession build() {
            return new IndexedSession(
                    new SessionId(id),
                    project,
                    cwd,
                    appTitle,
                    customTitle,
                    aiTitle,
                    summary,
                    firstPrompt,
                    lastPrompt,
                    "main",
                    first,
                    last,
                    messages,
                    models,
                    100,
                    200,
                    costs,
                    hidden,
                    nextSeq);
        }
    }

    private static FileState file(String path, String session, long offset) {
        return new FileState(
                path, new SessionId(session), offset, T0, "inode-" + path.hashCode(), offset, "msg_" + offset, 0);
    }

    private static List<IndexedLine> lines(String file, long fromOffset, int count) {
        List<IndexedLine> lines = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            lines.add(new IndexedLine(
                    new LineRef(file, fromOffset + i * 100L, 99),
                    i % 2 == 0 ? "user" : "assistant",
                    T0.plusSeconds(i),
                    false,
                    false));
        }
        return lines;
    }

    /** Applies a whole new session of {@code count} lines in one file. */
    private IndexedSession applyNew(S s, String file, int count, String text) {
        s.nextSeq = count;
        s.messages = count;
        IndexedSession session = s.build();
        writer.apply(session, file(file, s.id, count * 100L), lines(file, 0, count), text, false);
        return session;
    }

    @Test
    void applyStoresEveryFactAndReadsItBack() {
        S s = new S("s-1", alpha);
        s.customTitle = "Custom";
        s.aiTitle = "AI title";
        s.models = Set.of("claude-sonnet-4-5", "claude-haiku-4-5");
        s.costs = Map.of(1_700_000_000_000L, 0.1 + 0.2, 1_700_000_100_000L, 1.0 / 3);
        s.first = T0.minusSeconds(60);
        IndexedSession session = applyNew(s, "/t/s-1.jsonl", 3, "hello world");

        assertThat(writer.find(session.id())).contains(session);
        assertThat(writer.fileState("/t/s-1.jsonl")).contains(file("/t/s-1.jsonl", "s-1", 300));
        assertThat(writer.allFileStates()).containsExactly(file("/t/s-1.jsonl", "s-1", 300));
        assertThat(writer.fileState("/t/other.jsonl")).isEmpty();

        SessionSummary summary = query.summary(session.id()).orElseThrow();
        assertThat(summary.title()).isEqualTo("Custom");
        assertThat(summary.models()).containsExactly("claude-haiku-4-5", "claude-sonnet-4-5");
        assertThat(summary.costUsd()).isEqualTo(0.1 + 0.2 + 1.0 / 3);
        assertThat(summary.messageCount()).isEqualTo(3);
        assertThat(summary.inputTokens()).isEqualTo(100);
        assertThat(summary.outputTokens()).isEqualTo(200);
        assertThat(summary.firstActivityAt()).isEqualTo(T0.minusSeconds(60));
        assertThat(summary.gitBranch()).isEqualTo("main");
        assertThat(summary.lastPrompt()).isEqualTo("last prompt");
        assertThat(query.summary(new SessionId("nope"))).isEmpty();

        assertThat(query.lines(session.id(), null, 10))
                .containsExactly(
                        new MessageLine(2, new LineRef("/t/s-1.jsonl", 200, 99)),
                        new MessageLine(1, new LineRef("/t/s-1.jsonl", 100, 99)),
                        new MessageLine(0, new LineRef("/t/s-1.jsonl", 0, 99)));
        assertThat(query.line(session.id(), 1)).contains(new MessageLine(1, new LineRef("/t/s-1.jsonl", 100, 99)));
        assertThat(query.line(session.id(), 3)).isEmpty();
        assertThat(query.stats()).isEqualTo(new IndexStats(1, 1, 300));
    }

    @Test
    void titleFallsBackFromAppTitleToFirstPrompt() {
        S s = new S("s-title", alpha);
        s.summary = "  ";
        s.firstPrompt = "fix the build";
        applyNew(s, "/t/title.jsonl", 1, null);
        SessionId id = new SessionId("s-title");
        assertThat(query.summary(id).orElseThrow().title()).isEqualTo("fix the build");
        marks.setAppTitle(id, "Renamed here");
        assertThat(query.summary(id).orElseThrow().title()).isEqualTo("Renamed here");
        marks.setAppTitle(id, null);
        assertThat(query.summary(id).orElseThrow().title()).isEqualTo("fix the build");
    }

    @Test
    void aLaterReadAppendsLinesAndKeepsTheRenameAndHiding() {
        S s = new S("s-merge", alpha);
        applyNew(s, "/t/merge.jsonl", 2, "first chunk about giraffes");
        SessionId id = new SessionId("s-merge");
        marks.setAppTitle(id, "Mine");
        marks.setHidden(id, true);

        s.nextSeq = 5;
        s.messages = 5;
        s.last = T0.plusSeconds(300);
        s.appTitle = null;
        s.hidden = false;
        writer.apply(
                s.build(),
                file("/t/merge.jsonl", "s-merge", 500),
                lines("/t/merge.jsonl", 200, 3),
                "second chunk about zebras",
                false);

        assertThat(query.lines(id, null, 10)).extracting(MessageLine::seq).containsExactly(4L, 3L, 2L, 1L, 0L);
        assertThat(query.linesFrom(id, 2, 2))
                .as("newer than a position, oldest first")
                .extracting(MessageLine::seq)
                .containsExactly(2L, 3L);
        assertThat(query.linesFrom(id, 4, 10)).extracting(MessageLine::seq).containsExactly(4L);
        assertThat(query.linesFrom(id, 5, 10)).isEmpty();
        assertThat(query.line(id, 2).orElseThrow().ref().offset()).isEqualTo(200);
        SessionSummary summary = query.summary(id).orElseThrow();
        assertThat(summary.title()).isEqualTo("Mine");
        assertThat(summary.hidden()).isTrue();
        assertThat(summary.lastActivityAt()).isEqualTo(T0.plusSeconds(300));
        assertThat(writer.fileState("/t/merge.jsonl").orElseThrow().offset()).isEqualTo(500);
        assertThat(query.search("giraffes", List.of(alpha), 10)).isEmpty();

        marks.setHidden(id, false);
        assertThat(query.search("giraffes", List.of(alpha), 10)).hasSize(1);
        assertThat(query.search("zebras", List.of(alpha), 10)).hasSize(1);
        assertThat(query.search("giraffes zebras", List.of(alpha), 10))
                .as("words of different chunks are not one match")
                .isEmpty();
    }

    @Test
    void resetDropsOnlyThatFilesEarlierLinesAndText() {
        S s = new S("s-reset", alpha);
        SessionId id = new SessionId("s-reset");
        s.nextSeq = 3;
        writer.apply(s.build(), file("/t/main.jsonl", "s-reset", 300), lines("/t/main.jsonl", 0, 3), "apricot", false);
        s.nextSeq = 5;
        writer.apply(
                s.build(),
                file("/t/agent-1.jsonl", "s-reset", 200),
                lines("/t/agent-1.jsonl", 0, 2),
                "blueberry",
                false);

        s.nextSeq = 7;
        writer.apply(s.build(), file("/t/main.jsonl", "s-reset", 200), lines("/t/main.jsonl", 0, 2), "cherry", true);

        assertThat(query.lines(id, null, 10))
                .extracting(line -> line.seq() + "@" + line.ref().file())
                .containsExactly("6@/t/main.jsonl", "5@/t/main.jsonl", "4@/t/agent-1.jsonl", "3@/t/agent-1.jsonl");
        assertThat(query.search("apricot", List.of(alpha), 10)).isEmpty();
        assertThat(query.search("blueberry", List.of(alpha), 10)).hasSize(1);
        assertThat(query.search("cherry", List.of(alpha), 10)).hasSize(1);
        assertThat(writer.fileState("/t/main.jsonl").orElseThrow().offset()).isEqualTo(200);
    }

    @Test
    void removingAFileKeepsItsSessionWhileAnotherFileHasLines() {
        S s = new S("s-rm", alpha);
        SessionId id = new SessionId("s-rm");
        s.nextSeq = 3;
        s.messages = 3;
        List<IndexedLine> main = new ArrayList<>(lines("/t/rm.jsonl", 0, 3));
        main.set(1, new IndexedLine(main.get(1).ref(), "user", T0, true, false));
        writer.apply(s.build(), file("/t/rm.jsonl", "s-rm", 300), main, "mango", false);
        s.nextSeq = 7;
        s.messages = 6;
        writer.apply(
                s.build(),
                file("/t/rm/subagents/a.jsonl", "s-rm", 400),
                lines("/t/rm/subagents/a.jsonl", 0, 4),
                "papaya",
                false);
        assertThat(query.stats()).isEqualTo(new IndexStats(2, 1, 700));

        writer.removeFile("/t/rm/subagents/a.jsonl");
        assertThat(writer.fileState("/t/rm/subagents/a.jsonl")).isEmpty();
        assertThat(query.lines(id, null, 10)).extracting(MessageLine::seq).containsExactly(2L, 1L, 0L);
        assertThat(query.summary(id).orElseThrow().messageCount())
                .as("lines left")
                .isEqualTo(3);
        assertThat(query.search("papaya", List.of(alpha), 10)).isEmpty();
        assertThat(query.search("mango", List.of(alpha), 10)).hasSize(1);
        assertThat(writer.find(id).orElseThrow().nextSeq())
                .as("positions are never reused")
                .isEqualTo(7);

        writer.removeFile("/t/rm.jsonl");
        assertThat(writer.find(id)).isEmpty();
        assertThat(query.lines(id, null, 10)).isEmpty();
        assertThat(query.search("mango", List.of(alpha), 10)).isEmpty();
        assertThat(query.stats()).isEqualTo(new IndexStats(0, 0, 0));
        writer.removeFile("/t/never-seen.jsonl");
    }

    @Test
    void sessionsArePagedByKeysetWithoutGapsOrDuplicates() {
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            S s = new S(String.format("late-%02d", i), alpha);
            s.last = T0.plusSeconds(10 - i);
            applyNew(s, "/t/" + s.id + ".jsonl", 1, null);
            expected.add(s.id);
        }
        List<String> tied = new ArrayList<>();
        for (int i = 0; i < 55; i++) {
            S s = new S(String.format("tie-%02d", i), alpha);
            applyNew(s, "/t/" + s.id + ".jsonl", 1, null);
            tied.add(s.id);
        }
        tied.sort((a, b) -> b.compareTo(a));
        expected.addAll(tied);
        for (String undated : List.of("undated-b", "undated-a")) {
            S s = new S(undated, alpha);
            s.last = null;
            s.first = null;
            applyNew(s, "/t/" + undated + ".jsonl", 1, null);
            expected.add(undated);
        }
        S hidden = new S("tie-hidden", alpha);
        applyNew(hidden, "/t/hidden.jsonl", 1, null);
        marks.setHidden(new SessionId("tie-hidden"), true);
        applyNew(new S("other-project", beta), "/t/other.jsonl", 1, null);

        List<String> seen = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            Page<SessionSummary> page = query.listSessions(alpha, 7, cursor, false);
            assertThat(page.items()).hasSizeLessThanOrEqualTo(7);
            page.items().forEach(item -> seen.add(item.id().value()));
            cursor = page.nextCursor();
            pages++;
        } while (cursor != null && pages < 100);
        assertThat(seen).containsExactlyElementsOf(expected);
        assertThat(new HashSet<>(seen)).hasSize(60);
        assertThat(pages).isEqualTo(9);

        Page<SessionSummary> all = query.listSessions(alpha, 100, null, true);
        assertThat(all.items())
                .hasSize(61)
                .extracting(item -> item.id().value())
                .contains("tie-hidden");
        assertThat(all.nextCursor()).isNull();
        Page<SessionSummary> exact = query.listSessions(alpha, 60, null, false);
        assertThat(exact.items()).hasSize(60);
        assertThat(exact.nextCursor()).as("no empty last page").isNull();
    }

    @Test
    void aCursorThatIsNotOneOfOursIsInvalid() {
        applyNew(new S("s-c", alpha), "/t/c.jsonl", 1, null);
        for (String bad : List.of("%%%", encode("no-colon"), encode("12:bad id!"), encode("x:s-c"), encode("12:"))) {
            assertThatThrownBy(() -> query.listSessions(alpha, 10, bad, false))
                    .isInstanceOfSatisfying(
                            InvalidException.class, e -> assertThat(e.field()).contains("cursor"));
        }
        assertThat(query.listSessions(alpha, 10, encode(":zzz"), false).items()).isEmpty();
    }

    private static String encode(String text) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void linesArePagedBackwardsFromTheNewest() {
        applyNew(new S("s-lines", alpha), "/t/lines.jsonl", 25, null);
        SessionId id = new SessionId("s-lines");
        List<Long> seqs = new ArrayList<>();
        Long before = null;
        for (int page = 0; page < 5; page++) {
            List<MessageLine> lines = query.lines(id, before, 10);
            if (lines.isEmpty()) {
                break;
            }
            lines.forEach(line -> seqs.add(line.seq()));
            before = lines.get(lines.size() - 1).seq();
        }
        assertThat(seqs).hasSize(25).isSortedAccordingTo((a, b) -> Long.compare(b, a));
        assertThat(seqs.get(0)).isEqualTo(24);
        assertThat(seqs.get(24)).isZero();
        assertThat(query.lines(id, 15L, 3)).extracting(MessageLine::seq).containsExactly(14L, 13L, 12L);
        assertThat(query.lines(id, 0L, 3)).isEmpty();
    }

    @Test
    void searchFindsWordsOnlyInTheGivenProjectsAndNotInHiddenSessions() {
        applyNew(new S("a-1", alpha), "/t/a-1.jsonl", 1, "We deploy the Service on Friday");
        applyNew(new S("a-2", alpha), "/t/a-2.jsonl", 1, "nothing to see here");
        applyNew(new S("b-1", beta), "/t/b-1.jsonl", 1, "deploy again on monday");
        applyNew(new S("a-hidden", alpha), "/t/a-hidden.jsonl", 1, "deploy in secret");
        marks.setHidden(new SessionId("a-hidden"), true);

        assertThat(query.search("DEPLOY", List.of(alpha), 10))
                .extracting(hit -> hit.sessionId().value())
                .containsExactly("a-1");
        assertThat(query.search("deploy", List.of(alpha, beta), 10))
                .extracting(hit -> hit.sessionId().value())
                .containsExactlyInAnyOrder("a-1", "b-1");
        assertThat(query.search("deploy friday", List.of(alpha, beta), 10))
                .extracting(hit -> hit.sessionId().value())
                .containsExactly("a-1");
        assertThat(query.search("deploy", List.of(), 10)).isEmpty();
        assertThat(query.search("absent", List.of(alpha, beta), 10)).isEmpty();

        SearchHit hit = query.search("friday", List.of(alpha), 10).get(0);
        assertThat(hit.projectId()).isEqualTo(alpha);
        assertThat(hit.title()).isEqualTo("first prompt");
        assertThat(hit.lastActivityAt()).isEqualTo(T0);
        assertThat(hit.snippet()).contains("<mark>Friday</mark>");
    }

    @Test
    void searchRanksTheBetterMatchFirstWithOneHitPerSession() {
        applyNew(
                new S("weak", alpha),
                "/t/weak.jsonl",
                1,
                "a long text about many things where kafka is mentioned once among lots of other words and topics");
        S strong = new S("strong", alpha);
        applyNew(strong, "/t/strong.jsonl", 1, "kafka kafka consumer lag in kafka");
        strong.nextSeq = 2;
        writer.apply(
                strong.build(),
                file("/t/strong.jsonl", "strong", 200),
                lines("/t/strong.jsonl", 100, 1),
                "more about kafka later",
                false);

        List<SearchHit> hits = query.search("kafka", List.of(alpha), 10);
        assertThat(hits).extracting(hit -> hit.sessionId().value()).containsExactly("strong", "weak");
        assertThat(hits.get(0).rank()).isGreaterThan(hits.get(1).rank());
        assertThat(query.search("kafka", List.of(alpha), 1))
                .extracting(hit -> hit.sessionId().value())
                .containsExactly("strong");
        assertThat(query.search("kafka", List.of(alpha), 1, 1))
                .as("the next page")
                .extracting(hit -> hit.sessionId().value())
                .containsExactly("weak");
        assertThat(query.search("kafka", List.of(alpha), 10, 2))
                .as("past the end")
                .isEmpty();
    }

    @Test
    void snippetsMarkMatchesAndNeverCarryTheTextsMarkup() {
        applyNew(
                new S("html", alpha),
                "/t/html.jsonl",
                1,
                "Look: <script>alert('x')</script> & then <b>canary</b> release \"now\" <mark>fake</mark>");
        SearchHit hit = query.search("canary", List.of(alpha), 10).get(0);
        assertThat(hit.snippet())
                .contains("<mark>canary</mark>")
                .contains("&lt;b&gt;")
                .doesNotContain("<script")
                .doesNotContain("<b>");
        assertThat(hit.snippet().replace("<mark>", "").replace("</mark>", ""))
                .doesNotContain("<")
                .doesNotContain(">");
        assertThat(query.search("script", List.of(alpha), 10))
                .as("words inside tags are text too")
                .hasSize(1);
        assertThat(query.search("fake", List.of(alpha), 10).get(0).snippet())
                .contains("&lt;mark&gt;<mark>fake</mark>&lt;/mark&gt;");
    }

    @Test
    void searchFindsWordsInsidePathsAndCode() {
        applyNew(
                new S("code", alpha),
                "/t/code.jsonl",
                1,
                "edited src/main/java/FooService.java, see https://example.com/docs?q=1 and snake_case_name");
        for (String words : List.of("FooService", "fooservice java", "example", "docs", "snake", "case")) {
            assertThat(query.search(words, List.of(alpha), 10)).as(words).hasSize(1);
        }
    }

    @Test
    void queriesAreWordsNeverSyntax() {
        applyNew(new S("syntax", alpha), "/t/syntax.jsonl", 1, "alpha beta gamma OR NOT near body");
        for (String words : List.of(
                "\"",
                "*",
                "(",
                "NEAR(alpha",
                "body:alpha",
                "alpha OR",
                "-beta",
                "' OR 1=1 --",
                "alpha AND",
                "^gamma",
                "alpha*",
                "{body}: alpha",
                "a\u0000b",
                "<script>")) {
            assertThat(query.search(words, List.of(alpha), 10)).as(words).isNotNull();
        }
        assertThat(query.search("alpha*", List.of(alpha), 10)).hasSize(1);
        assertThat(query.search("body:alpha", List.of(alpha), 10)).hasSize(1);
        assertThat(query.search("", List.of(alpha), 10)).isEmpty();
        assertThat(query.search("   ", List.of(alpha), 10)).isEmpty();
        assertThat(query.search("?!.,;:()[]{}\"'*-+", List.of(alpha), 10)).isEmpty();
        assertThat(query.search(null, List.of(alpha), 10)).isEmpty();
    }

    @Test
    void textWithNulAndHugeTextIsStored() {
        String huge = "needle " + "filler ".repeat(20_000) + "haystack\u0000end";
        applyNew(new S("huge", alpha), "/t/huge.jsonl", 1, huge);
        assertThat(query.search("needle", List.of(alpha), 10)).hasSize(1);
        assertThat(query.search("haystack", List.of(alpha), 10)).hasSize(1);
        assertThat(query.search("end", List.of(alpha), 10)).hasSize(1);
    }

    @Test
    void registeringAProjectMovesTheSessionsOfItsFolder() {
        S one = new S("cwd-1", alpha);
        one.cwd = "/work/gamma";
        applyNew(one, "/t/cwd-1.jsonl", 1, null);
        S two = new S("cwd-2", alpha);
        two.cwd = "/work/gamma";
        applyNew(two, "/t/cwd-2.jsonl", 1, null);
        applyNew(new S("cwd-3", alpha), "/t/cwd-3.jsonl", 1, null);

        ProjectId gamma = project("/work/gamma");
        assertThat(folders.assignProject("/work/gamma", gamma)).isEqualTo(2);
        assertThat(query.listSessions(gamma, 10, null, false).items())
                .extracting(item -> item.id().value())
                .containsExactlyInAnyOrder("cwd-1", "cwd-2");
        assertThat(query.listSessions(alpha, 10, null, false).items())
                .extracting(item -> item.id().value())
                .containsExactly("cwd-3");
    }

    @Test
    void applyAllStoresReadsOfManyFilesInOrderAsSingleAppliesWould() {
        S one = new S("s-1", alpha);
        one.nextSeq = 2;
        one.messages = 2;
        S two = new S("s-2", beta);
        two.cwd = "/work/beta";
        two.nextSeq = 3;
        two.messages = 3;
        IndexedSession first = one.build();
        one.nextSeq = 5;
        one.messages = 5;
        one.customTitle = "Grown";
        IndexedSession grown = one.build();

        writer.applyAll(List.of(
                new SessionIndexWriter.Applied(
                        first, file("/t/s-1.jsonl", "s-1", 200), lines("/t/s-1.jsonl", 0, 2), "alpha words", true),
                new SessionIndexWriter.Applied(
                        two.build(),
                        file("/t/s-2.jsonl", "s-2", 300),
                        lines("/t/s-2.jsonl", 0, 3),
                        "beta words",
                        false),
                new SessionIndexWriter.Applied(
                        grown, file("/t/s-1.jsonl", "s-1", 500), lines("/t/s-1.jsonl", 200, 3), "more alpha", false)));

        assertThat(writer.find(new SessionId("s-1"))).contains(grown);
        assertThat(writer.fileState("/t/s-1.jsonl")).contains(file("/t/s-1.jsonl", "s-1", 500));
        assertThat(query.lines(new SessionId("s-1"), null, 10))
                .extracting(MessageLine::seq)
                .containsExactly(4L, 3L, 2L, 1L, 0L);
        assertThat(query.lines(new SessionId("s-2"), null, 10)).hasSize(3);
        assertThat(query.search("beta", List.of(beta), 10))
                .extracting(SearchHit::sessionId)
                .containsExactly(new SessionId("s-2"));
        assertThat(query.search("more", List.of(alpha), 10))
                .extracting(SearchHit::sessionId)
                .containsExactly(new SessionId("s-1"));
    }

    @Test
    void aListedSessionShowsInItsProjectAndNeverUndoesAFullRead() {
        S read = new S("s-read", alpha);
        IndexedSession full = applyNew(read, "/t/s-read.jsonl", 4, "read fully");
        S glancedAgain = new S("s-read", alpha);
        glancedAgain.customTitle = "From a glance";
        S fresh = new S("s-new", alpha);
        fresh.messages = 1;

        writer.addListed(List.of(
                new SessionIndexWriter.Applied(
                        glancedAgain.build(), file("/t/s-read.jsonl", "s-read", 0), List.of(), "", false),
                new SessionIndexWriter.Applied(
                        fresh.build(), file("/t/s-new.jsonl", "s-new", 0), List.of(), "", false)));

        assertThat(writer.find(full.id())).contains(full);
        assertThat(writer.fileState("/t/s-read.jsonl")).contains(file("/t/s-read.jsonl", "s-read", 400));
        assertThat(writer.fileState("/t/s-new.jsonl")).contains(file("/t/s-new.jsonl", "s-new", 0));
        assertThat(query.listSessions(alpha, 10, null, false).items())
                .extracting(SessionSummary::id)
                .containsExactlyInAnyOrder(new SessionId("s-read"), new SessionId("s-new"));
        assertThat(query.summary(new SessionId("s-new")).orElseThrow().messageCount())
                .isEqualTo(1);
    }
}
