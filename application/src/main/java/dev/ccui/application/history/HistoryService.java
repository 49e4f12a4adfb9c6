package dev.ccui.application.history;

import dev.ccui.application.audit.Auditor;
import dev.ccui.application.common.ClientInfo;
import dev.ccui.application.common.Limits;
import dev.ccui.application.common.Page;
import dev.ccui.application.events.port.out.EventBus;
import dev.ccui.application.history.port.in.MessagesPage;
import dev.ccui.application.history.port.in.MessagesQuery;
import dev.ccui.application.history.port.in.SearchResult;
import dev.ccui.application.history.port.in.SessionHistoryUseCase;
import dev.ccui.application.history.port.in.SessionMatches;
import dev.ccui.application.history.port.out.MessageLine;
import dev.ccui.application.history.port.out.SessionIndexQuery;
import dev.ccui.application.history.port.out.SessionMarks;
import dev.ccui.application.history.port.out.TranscriptStore;
import dev.ccui.application.project.ProjectAccess;
import dev.ccui.application.project.port.out.ProjectRepository;
import dev.ccui.domain.audit.AuditAction;
import dev.ccui.domain.auth.Principal;
import dev.ccui.domain.error.InvalidException;
import dev.ccui.domain.error.NotFoundException;
import dev.ccui.domain.events.AppEvent;
import dev.ccui.domain.history.HistoryMessage;
import dev.ccui.domain.history.ImageData;
import dev.ccui.domain.history.IndexProgress;
import dev.ccui.domain.history.SearchHit;
import dev.ccui.domain.project.Project;
import dev.ccui.domain.project.ProjectId;
import dev.ccui.domain.session.SessionId;
import dev.ccui.domain.session.SessionSummary;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Sessions as recorded on disk, answered from the index; message bodies read from the files on demand. */
public final class HistoryService implements SessionHistoryUseCase {
    private static final int EXPORT_PAGE = 200;
    private static final int MATCH_PAGE = 200;
    /** A search within a session reads at most this many messages (the newest), and finds at most this many. */
    private static final int MATCH_MAX_LINES = 20_000;

    private static final int MATCH_MAX = 1_000;
    private static final int SEARCH_MAX_OFFSET = 10_000;

    private final SessionIndexQuery index;
    private final SessionMarks marks;
    private final TranscriptStore transcripts;
    private final ProjectRepository projects;
    private final ProjectAccess access;
    private final EventBus events;
    private final Auditor auditor;
    private final IndexService indexer;

    public HistoryService(
            SessionIndexQuery index,
            SessionMarks marks,
            TranscriptStore transcripts,
            ProjectRepository projects,
            EventBus events,
            Auditor auditor,
            IndexService indexer) {
        this.index = index;
        this.marks = marks;
        this.transcripts = transcripts;
        this.projects = projects;
        this.access = new ProjectAccess(projects);
        this.events = events;
        this.auditor = auditor;
        this.indexer = indexer;
    }

    @Override
    public IndexProgress indexProgress() {
        return indexer.indexProgress();
    }

    @Override
    public Page<SessionSummary> listSessions(
            Principal caller, ProjectId projectId, Integer limit, String cursor, boolean includeHidden) {
        Project project = access.require(caller, projectId);
        return index.listSessions(project.id(), Limits.pageSize(limit, 50, 200), cursor, includeHidden);
    }

    @Override
    public SessionSummary getSession(Principal caller, SessionId sessionId) {
        return visible(caller, sessionId);
    }

    private SessionSummary visible(Principal caller, SessionId sessionId) {
        SessionSummary summary = index.summary(sessionId).orElseThrow(() -> new NotFoundException("no such session"));
        Project project = projects.findById(summary.projectId())
                .filter(p -> !p.removed())
                .orElseThrow(() -> new NotFoundException("no such session"));
        access.require(caller, project);
        return summary;
    }

    @Override
    public MessagesPage messages(Principal caller, SessionId sessionId, MessagesQuery query) {
        SessionSummary summary = visible(caller, sessionId);
        int size = Limits.pageSize(query.limit(), 50, 500);
        if (query.around() != null) {
            return around(summary, query.around(), size);
        }
        if (query.after() != null) {
            List<MessageLine> lines = index.linesFrom(summary.id(), query.after() + 1, size + 1);
            boolean more = lines.size() > size;
            List<MessageLine> page = more ? lines.subList(0, size) : lines;
            return page(page, !page.isEmpty() && page.getFirst().seq() > 0, more);
        }
        List<MessageLine> lines = new ArrayList<>(index.lines(summary.id(), query.before(), size));
        Collections.reverse(lines);
        boolean older = lines.size() == size && lines.getFirst().seq() > 0;
        return page(lines, older, query.before() != null);
    }

    /** The message at {@code seq} with about as many older as newer ones around it (a search hit in context). */
    private MessagesPage around(SessionSummary summary, long seq, int size) {
        int olderWanted = size / 2;
        List<MessageLine> older = new ArrayList<>(index.lines(summary.id(), seq + 1, olderWanted + 2));
        boolean moreOlder = older.size() > olderWanted + 1;
        if (moreOlder) {
            older = older.subList(0, olderWanted + 1);
        }
        Collections.reverse(older);
        int newerWanted = size - older.size();
        List<MessageLine> newer = index.linesFrom(summary.id(), seq + 1, newerWanted + 1);
        boolean moreNewer = newer.size() > newerWanted;
        List<MessageLine> lines = new ArrayList<>(older);
        lines.addAll(moreNewer ? newer.subList(0, newerWanted) : newer);
        return page(lines, moreOlder, moreNewer);
    }

    private MessagesPage page(List<MessageLine> lines, boolean older, boolean newer) {
        List<HistoryMessage> items = transcripts.messagesAt(
                lines.stream().map(MessageLine::ref).toList(),
                lines.stream().map(MessageLine::seq).toList());
        Long nextBefore = older && !lines.isEmpty() ? lines.getFirst().seq() : null;
        Long nextAfter = newer && !lines.isEmpty() ? lines.getLast().seq() : null;
        return new MessagesPage(items, nextBefore, nextAfter);
    }

    @Override
    public SessionMatches matches(Principal caller, SessionId sessionId, String query) {
        SessionSummary summary = visible(caller, sessionId);
        MatchWords words = MatchWords.of(requireQuery(query));
        if (words.isEmpty()) {
            return new SessionMatches(List.of(), false);
        }
        // Newest first, so that a session too long to read whole has its latest matches found.
        List<Long> found = new ArrayList<>();
        Long before = null;
        int read = 0;
        boolean truncated = false;
        while (true) {
            List<MessageLine> lines = index.lines(summary.id(), before, MATCH_PAGE);
            if (lines.isEmpty()) {
                break;
            }
            if (read >= MATCH_MAX_LINES || found.size() >= MATCH_MAX) {
                truncated = true;
                break;
            }
            read += lines.size();
            List<HistoryMessage> messages = transcripts.messagesAt(
                    lines.stream().map(MessageLine::ref).toList(),
                    lines.stream().map(MessageLine::seq).toList());
            for (HistoryMessage message : messages) {
                if (words.matches(message)) {
                    found.add(message.seq());
                }
            }
            before = lines.getLast().seq();
            if (lines.size() < MATCH_PAGE) {
                break;
            }
        }
        Collections.sort(found);
        return new SessionMatches(
                found.size() > MATCH_MAX ? found.subList(found.size() - MATCH_MAX, found.size()) : found, truncated);
    }

    @Override
    public String toolResult(Principal caller, SessionId sessionId, long seq, String toolUseId) {
        SessionSummary summary = visible(caller, sessionId);
        if (toolUseId == null || toolUseId.isBlank() || toolUseId.length() > 200) {
            throw new InvalidException("toolUseId", "toolUseId is required");
        }
        var line = index.line(summary.id(), seq).orElseThrow(() -> new NotFoundException("no such message"));
        return transcripts
                .toolResultText(line.ref(), toolUseId)
                .orElseThrow(() -> new NotFoundException("no such tool result"));
    }

    @Override
    public ImageData image(Principal caller, SessionId sessionId, String imageId) {
        SessionSummary summary = visible(caller, sessionId);
        String[] parts = imageId == null ? new String[0] : imageId.split("-", 2);
        long seq;
        int block;
        try {
            seq = Long.parseLong(parts[0]);
            block = Integer.parseInt(parts[1]);
        } catch (RuntimeException e) {
            throw new NotFoundException("no such image");
        }
        var line = index.line(summary.id(), seq).orElseThrow(() -> new NotFoundException("no such image"));
        return transcripts.image(line.ref(), block).orElseThrow(() -> new NotFoundException("no such image"));
    }

    @Override
    public SessionSummary renameSession(Principal caller, SessionId sessionId, String title, ClientInfo client) {
        SessionSummary summary = visible(caller, sessionId);
        String clean = title == null ? null : title.strip();
        if (clean != null && (clean.length() > 300 || clean.chars().anyMatch(Character::isISOControl))) {
            throw new InvalidException("title", "title must have at most 300 characters and no control characters");
        }
        marks.setAppTitle(summary.id(), clean == null || clean.isEmpty() ? null : clean);
        auditor.record(AuditAction.SESSION_RENAMED, caller, summary.id().value(), client, true, clean);
        events.publish(new AppEvent.ProjectsChanged(Set.of(summary.projectId())));
        return index.summary(summary.id()).orElseThrow();
    }

    @Override
    public void hideSession(Principal caller, SessionId sessionId, boolean hidden, ClientInfo client) {
        SessionSummary summary = visible(caller, sessionId);
        marks.setHidden(summary.id(), hidden);
        auditor.record(
                AuditAction.SESSION_HIDDEN, caller, summary.id().value(), client, true, hidden ? "hidden" : "shown");
        events.publish(new AppEvent.ProjectsChanged(Set.of(summary.projectId())));
    }

    @Override
    public Page<SearchResult> search(
            Principal caller, String query, ProjectId projectId, Integer limit, String cursor) {
        requireQuery(query);
        int size = Limits.pageSize(limit, 20, 100);
        int offset = parseSearchCursor(cursor);
        List<Project> scope;
        if (projectId != null) {
            scope = List.of(access.require(caller, projectId));
        } else {
            scope = projects.visible(caller.isAdmin() ? null : caller.userId());
        }
        if (scope.isEmpty()) {
            return new Page<>(List.of(), null);
        }
        Map<ProjectId, String> names = new HashMap<>();
        scope.forEach(p -> names.put(p.id(), p.name()));
        List<SearchHit> hits = index.search(query, names.keySet(), size + 1, offset);
        boolean more = hits.size() > size;
        List<SearchResult> items = (more ? hits.subList(0, size) : hits)
                .stream()
                        .map(hit -> new SearchResult(hit, names.get(hit.projectId())))
                        .toList();
        return new Page<>(items, more ? Integer.toString(offset + size) : null);
    }

    private static String requireQuery(String query) {
        if (query == null || query.isBlank()) {
            throw new InvalidException("q", "q is required");
        }
        if (query.length() > 500) {
            throw new InvalidException("q", "q must have at most 500 characters");
        }
        return query;
    }

    /** The cursor of a ranked list is how many hits came before: plain, but bounded. */
    private static int parseSearchCursor(String cursor) {
        if (cursor == null || cursor.isBlank()) {
            return 0;
        }
        try {
            int offset = Integer.parseInt(cursor.strip());
            if (offset < 0 || offset > SEARCH_MAX_OFFSET) {
                throw new NumberFormatException();
            }
            return offset;
        } catch (NumberFormatException e) {
            throw new InvalidException(
                    "cursor",
                    "cursor must be the nextCursor of a previous page (at most " + SEARCH_MAX_OFFSET
                            + " hits are paged through)");
        }
    }

    @Override
    public void exportMarkdown(Principal caller, SessionId sessionId, Appendable out) throws IOException {
        SessionSummary summary = visible(caller, sessionId);
        MarkdownExport writer = new MarkdownExport(out);
        writer.header(summary);
        forEachMessage(summary, writer::message);
    }

    @Override
    public void exportMessages(Principal caller, SessionId sessionId, MessageSink sink) throws IOException {
        forEachMessage(visible(caller, sessionId), sink);
    }

    /** Oldest first, a bounded page at a time, so a 200 MB session never sits in memory. */
    private void forEachMessage(SessionSummary summary, MessageSink sink) throws IOException {
        List<MessageLine> newestFirst = new ArrayList<>();
        Long before = null;
        // Positions are small (a few numbers each); collect them, then read bodies page by page.
        while (true) {
            List<MessageLine> page = index.lines(summary.id(), before, 5_000);
            newestFirst.addAll(page);
            if (page.size() < 5_000) {
                break;
            }
            before = page.getLast().seq();
        }
        Collections.reverse(newestFirst);
        for (int from = 0; from < newestFirst.size(); from += EXPORT_PAGE) {
            List<MessageLine> slice = newestFirst.subList(from, Math.min(newestFirst.size(), from + EXPORT_PAGE));
            for (HistoryMessage message : transcripts.messagesAt(
                    slice.stream().map(MessageLine::ref).toList(),
                    slice.stream().map(MessageLine::seq).toList())) {
                sink.accept(message);
            }
        }
    }
}
