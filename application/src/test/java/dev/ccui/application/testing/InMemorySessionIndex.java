package dev.ccui.application.testing;

import dev.ccui.application.common.Page;
import dev.ccui.application.history.port.out.FileState;
import dev.ccui.application.history.port.out.IndexStats;
import dev.ccui.application.history.port.out.IndexedLine;
import dev.ccui.application.history.port.out.IndexedSession;
import dev.ccui.application.history.port.out.MessageLine;
import dev.ccui.application.history.port.out.SessionIndexQuery;
import dev.ccui.application.history.port.out.SessionIndexWriter;
import dev.ccui.application.history.port.out.SessionMarks;
import dev.ccui.application.project.port.out.FolderSessions;
import dev.ccui.domain.error.InvalidException;
import dev.ccui.domain.history.SearchHit;
import dev.ccui.domain.project.ProjectId;
import dev.ccui.domain.session.SessionId;
import dev.ccui.domain.session.SessionSummary;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The transcript index in memory: the writer, the queries, the marks and the folder moves over one state, held to
 * the same contract as the database index. Search matches whole words of one stored text (each
 * {@link #apply} adds one), ranked by how dense the words are in it.
 */
public final class InMemorySessionIndex implements SessionIndexWriter, SessionIndexQuery, SessionMarks, FolderSessions {
    private record Text(SessionId session, String file, String body) {}

    private final Map<SessionId, IndexedSession> sessions = new HashMap<>();
    private final Map<SessionId, Instant> archivedAt = new HashMap<>();
    private final TreeMap<String, FileState> files = new TreeMap<>();
    private final Map<SessionId, TreeMap<Long, MessageLine>> lines = new HashMap<>();
    private final List<Text> texts = new ArrayList<>();

    @Override
    public synchronized Optional<FileState> fileState(String path) {
        return Optional.ofNullable(files.get(path));
    }

    @Override
    public synchronized List<FileState> allFileStates() {
        return List.copyOf(files.values());
    }

    @Override
    public synchronized Optional<IndexedSession> find(SessionId id) {
        return Optional.ofNullable(sessions.get(id));
    }

    @Override
    public synchronized void apply(
            IndexedSession session, FileState file, List<IndexedLine> newLines, String searchText, boolean reset) {
        if (file.sessionId() != null && !file.sessionId().equals(session.id())) {
            throw new IllegalArgumentException("file " + file.path() + " belongs to session " + file.sessionId());
        }
        long seq = session.nextSeq() - newLines.size();
        if (seq < 0) {
            throw new IllegalArgumentException("nextSeq " + session.nextSeq() + " is less than the new lines");
        }
        IndexedSession stored = sessions.get(session.id());
        sessions.put(session.id(), stored == null ? session : withMarks(session, stored.appTitle(), stored.hidden()));
        archivedAt.remove(session.id());
        TreeMap<Long, MessageLine> own = lines.computeIfAbsent(session.id(), id -> new TreeMap<>());
        if (reset) {
            lines.values()
                    .forEach(each ->
                            each.values().removeIf(line -> line.ref().file().equals(file.path())));
            texts.removeIf(text -> text.file().equals(file.path()));
        }
        for (IndexedLine line : newLines) {
            own.put(seq, new MessageLine(seq, line.ref()));
            seq++;
        }
        if (searchText != null && !searchText.isBlank()) {
            texts.add(new Text(session.id(), file.path(), searchText));
        }
        files.put(
                file.path(),
                new FileState(
                        file.path(),
                        session.id(),
                        file.size(),
                        file.modifiedAt(),
                        file.fileKey(),
                        file.offset(),
                        file.lastMessageId(),
                        file.badLines()));
    }

    @Override
    public synchronized void removeFile(String path) {
        Set<SessionId> touched = new HashSet<>();
        Optional.ofNullable(files.remove(path)).map(FileState::sessionId).ifPresent(touched::add);
        lines.forEach((session, own) -> {
            if (own.values().removeIf(line -> line.ref().file().equals(path))) {
                touched.add(session);
            }
        });
        texts.removeIf(text -> text.file().equals(path));
        for (SessionId session : touched) {
            int left = lines.getOrDefault(session, new TreeMap<>()).size();
            boolean hasFile = files.values().stream().anyMatch(file -> session.equals(file.sessionId()));
            if (left > 0 || hasFile) {
                IndexedSession s = sessions.get(session);
                sessions.put(
                        session,
                        new IndexedSession(
                                s.id(),
                                s.projectId(),
                                s.cwd(),
                                s.appTitle(),
                                s.customTitle(),
                                s.aiTitle(),
                                s.summary(),
                                s.firstPrompt(),
                                s.lastPrompt(),
                                s.gitBranch(),
                                s.firstActivityAt(),
                                s.lastActivityAt(),
                                left,
                                s.models(),
                                s.inputTokens(),
                                s.outputTokens(),
                                s.costByProcessStart(),
                                s.hidden(),
                                s.nextSeq()));
            } else {
                sessions.remove(session);
                lines.remove(session);
                archivedAt.remove(session);
                texts.removeIf(text -> text.session().equals(session));
            }
        }
    }

    @Override
    public synchronized void markArchived(String path, Instant at) {
        FileState file = files.get(path);
        if (file == null) {
            return;
        }
        if (file.archivedAt() == null) {
            files.put(
                    path,
                    new FileState(
                            file.path(),
                            file.sessionId(),
                            file.size(),
                            file.modifiedAt(),
                            file.fileKey(),
                            file.offset(),
                            file.lastMessageId(),
                            file.badLines(),
                            at));
        }
        SessionId session = file.sessionId();
        boolean allArchived = files.values().stream()
                .noneMatch(each -> session.equals(each.sessionId()) && each.archivedAt() == null);
        if (allArchived && sessions.containsKey(session)) {
            archivedAt.putIfAbsent(session, at);
        }
    }

    /** How often the planner's statistics were asked for (nothing to plan in memory). */
    public final AtomicInteger optimized = new AtomicInteger();

    @Override
    public void optimize() {
        optimized.incrementAndGet();
    }

    @Override
    public synchronized Page<SessionSummary> listSessions(
            ProjectId projectId, int limit, String cursor, boolean includeHidden) {
        if (limit < 1) {
            throw new InvalidException("limit", "limit must be at least 1");
        }
        Position after = cursor == null || cursor.isEmpty() ? null : Position.decode(cursor);
        List<SessionSummary> rows = sessions.values().stream()
                .filter(s -> s.projectId().equals(projectId) && (includeHidden || !s.hidden()))
                .map(this::summaryOf)
                .sorted(NEWEST_FIRST)
                .filter(s -> after == null || after.isBefore(s))
                .toList();
        List<SessionSummary> page = rows.size() > limit ? rows.subList(0, limit) : rows;
        String next = rows.size() > limit ? Position.of(page.getLast()).encode() : null;
        return new Page<>(page, next);
    }

    private static final Comparator<SessionSummary> NEWEST_FIRST = Comparator.comparing(
                    SessionSummary::lastActivityAt, Comparator.nullsLast(Comparator.reverseOrder()))
            .thenComparing(s -> s.id().value(), Comparator.reverseOrder());

    /** The same opaque cursor as the database index: base64url of "millis:id", "" millis for none. */
    private record Position(Long at, String id) {
        static Position of(SessionSummary last) {
            return new Position(
                    last.lastActivityAt() == null ? null : last.lastActivityAt().toEpochMilli(),
                    last.id().value());
        }

        String encode() {
            String text = Objects.toString(at, "") + ":" + id;
            return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
        }

        static Position decode(String cursor) {
            try {
                String text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
                int colon = text.indexOf(':');
                if (colon < 0 || SessionId.parse(text.substring(colon + 1)).isEmpty()) {
                    throw new IllegalArgumentException("no session id");
                }
                return new Position(
                        colon == 0 ? null : Long.valueOf(text.substring(0, colon)), text.substring(colon + 1));
            } catch (IllegalArgumentException e) {
                throw new InvalidException("cursor", "not a cursor of this list: start again from the first page");
            }
        }

        /** Whether {@code s} comes after this position in newest-first order. */
        boolean isBefore(SessionSummary s) {
            Long sAt = s.lastActivityAt() == null ? null : s.lastActivityAt().toEpochMilli();
            if (at == null) {
                return sAt == null && s.id().value().compareTo(id) < 0;
            }
            return sAt == null || sAt < at || (sAt.equals(at) && s.id().value().compareTo(id) < 0);
        }
    }

    @Override
    public synchronized Optional<SessionSummary> summary(SessionId id) {
        return Optional.ofNullable(sessions.get(id)).map(this::summaryOf);
    }

    private SessionSummary summaryOf(IndexedSession s) {
        return new SessionSummary(
                s.id(),
                s.projectId(),
                s.title(),
                s.firstActivityAt(),
                s.lastActivityAt(),
                s.messageCount(),
                List.copyOf(new TreeSet<>(s.models())),
                s.inputTokens(),
                s.outputTokens(),
                s.costUsd(),
                s.gitBranch(),
                s.lastPrompt(),
                s.hidden(),
                archivedAt.get(s.id()));
    }

    @Override
    public synchronized List<MessageLine> lines(SessionId id, Long beforeSeq, int limit) {
        TreeMap<Long, MessageLine> own = lines.getOrDefault(id, new TreeMap<>());
        return own.headMap(beforeSeq == null ? Long.MAX_VALUE : beforeSeq, false).descendingMap().values().stream()
                .limit(Math.max(0, limit))
                .toList();
    }

    @Override
    public synchronized List<MessageLine> linesFrom(SessionId id, long fromSeq, int limit) {
        return lines.getOrDefault(id, new TreeMap<>()).tailMap(fromSeq, true).values().stream()
                .limit(Math.max(0, limit))
                .toList();
    }

    @Override
    public synchronized Optional<MessageLine> line(SessionId id, long seq) {
        return Optional.ofNullable(lines.getOrDefault(id, new TreeMap<>()).get(seq));
    }

    @Override
    public synchronized List<FileState> filesOf(SessionId id) {
        return files.values().stream()
                .filter(file -> id.equals(file.sessionId()))
                .toList();
    }

    @Override
    public synchronized List<SearchHit> search(String query, Collection<ProjectId> projects, int limit, int offset) {
        Set<String> words = new HashSet<>(Words.of(query));
        if (words.isEmpty() || projects.isEmpty() || limit < 1) {
            return List.of();
        }
        Map<SessionId, SearchHit> best = new HashMap<>();
        for (Text text : texts) {
            IndexedSession s = sessions.get(text.session());
            if (s == null || s.hidden() || !projects.contains(s.projectId())) {
                continue;
            }
            List<String> tokens = Words.of(text.body());
            if (!tokens.containsAll(words)) {
                continue;
            }
            double rank = tokens.stream().filter(words::contains).count() / (double) tokens.size();
            SearchHit hit = new SearchHit(
                    s.id(), s.projectId(), s.title(), Words.marked(text.body(), words), s.lastActivityAt(), rank);
            best.merge(s.id(), hit, (a, b) -> a.rank() >= b.rank() ? a : b);
        }
        return best.values().stream()
                .sorted(Comparator.comparingDouble(SearchHit::rank)
                        .reversed()
                        .thenComparing(hit -> hit.sessionId().value()))
                .skip(Math.max(0, offset))
                .limit(limit)
                .toList();
    }

    @Override
    public synchronized IndexStats stats() {
        return new IndexStats(
                files.size(),
                sessions.size(),
                files.values().stream().mapToLong(FileState::offset).sum());
    }

    @Override
    public synchronized void setAppTitle(SessionId id, String title) {
        IndexedSession s = sessions.get(id);
        if (s != null) {
            sessions.put(id, withMarks(s, title, s.hidden()));
        }
    }

    @Override
    public synchronized void setHidden(SessionId id, boolean hidden) {
        IndexedSession s = sessions.get(id);
        if (s != null) {
            sessions.put(id, withMarks(s, s.appTitle(), hidden));
        }
    }

    @Override
    public synchronized int assignProject(String cwd, ProjectId projectId) {
        int moved = 0;
        for (IndexedSession s : List.copyOf(sessions.values())) {
            if (cwd.equals(s.cwd()) && !s.projectId().equals(projectId)) {
                sessions.put(
                        s.id(),
                        new IndexedSession(
                                s.id(),
                                projectId,
                                s.cwd(),
                                s.appTitle(),
                                s.customTitle(),
                                s.aiTitle(),
                                s.summary(),
                                s.firstPrompt(),
                                s.lastPrompt(),
                                s.gitBranch(),
                                s.firstActivityAt(),
                                s.lastActivityAt(),
                                s.messageCount(),
                                s.models(),
                                s.inputTokens(),
                                s.outputTokens(),
                                s.costByProcessStart(),
                                s.hidden(),
                                s.nextSeq()));
                moved++;
            }
        }
        return moved;
    }

    /** The visible sessions of a project: how many, and the latest activity (what a project overview shows). */
    public synchronized List<SessionSummary> visibleSessions(ProjectId projectId) {
        return sessions.values().stream()
                .filter(s -> s.projectId().equals(projectId) && !s.hidden())
                .map(this::summaryOf)
                .toList();
    }

    private static IndexedSession withMarks(IndexedSession s, String appTitle, boolean hidden) {
        return new IndexedSession(
                s.id(),
                s.projectId(),
                s.cwd(),
                appTitle,
                s.customTitle(),
                s.aiTitle(),
                s.summary(),
                s.firstPrompt(),
                s.lastPrompt(),
                s.gitBranch(),
                s.firstActivityAt(),
                s.lastActivityAt(),
                s.messageCount(),
                s.models(),
                s.inputTokens(),
                s.outputTokens(),
                s.costByProcessStart(),
                hidden,
                s.nextSeq());
    }
}
