package dev.ccui.application.history;

import dev.ccui.application.history.port.out.FileState;
import dev.ccui.application.history.port.out.IndexedSession;
import dev.ccui.application.history.port.out.SessionIndexWriter;
import dev.ccui.application.history.port.out.TranscriptDelta;
import dev.ccui.application.history.port.out.TranscriptFile;
import dev.ccui.domain.project.ProjectId;
import dev.ccui.domain.session.SessionId;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Turns each parsed piece of a file into its session's new state for the batch: which session it
 * belongs to, what it adds to the one already indexed. Apart from the reading, which runs on other
 * threads, because this runs on the writer's thread only and is where the rules of merging live.
 */
final class PieceApplier {
    private final ProjectsByCwd projects;

    PieceApplier(ProjectsByCwd projects) {
        this.projects = projects;
    }

    /** The session a read names: the one its lines say, else the file's name. */
    static Optional<SessionId> sessionNamed(TranscriptDelta delta, TranscriptFile file) {
        return SessionId.parse(delta.sessionId()).or(() -> SessionId.parse(stem(file.path())));
    }

    /** Merges one read of a file into its session and adds it to the batch; false when it was not added. */
    boolean take(FileRead read, ParsePipeline.Piece piece, IndexBatch batch) {
        TranscriptDelta delta = piece.delta();
        if (read.abandoned || delta == null) {
            return false;
        }
        TranscriptFile file = piece.job().file();
        read.badLines += delta.badLines();
        Optional<IndexedSession> merged = merge(file, read.knownSession, delta, read.reset, batch::find);
        if (merged.isEmpty()) {
            // No cwd yet (or not a transcript at all): nothing to attach it to; try again when it grows.
            read.abandoned = true;
            return false;
        }
        IndexedSession session = merged.get();
        FileState state = new FileState(
                file.path().toString(),
                session.id(),
                file.size(),
                file.modifiedAt(),
                file.fileKey(),
                delta.endOffset(),
                delta.lastMessageId() != null ? delta.lastMessageId() : read.previousMessageId,
                read.badLines);
        batch.add(
                new SessionIndexWriter.Applied(session, state, delta.lines(), delta.searchText(), read.reset),
                new IndexBatch.Copy(file, session.id(), delta.endOffset(), piece.packed()));
        read.touched = session.projectId();
        read.reset = false;
        read.knownSession = session.id();
        read.previousMessageId = state.lastMessageId();
        return true;
    }

    private Optional<IndexedSession> merge(
            TranscriptFile file,
            SessionId knownSession,
            TranscriptDelta delta,
            boolean reset,
            Function<SessionId, Optional<IndexedSession>> sessions) {
        SessionId id =
                knownSession != null ? knownSession : sessionNamed(delta, file).orElse(null);
        if (id == null) {
            return Optional.empty();
        }
        Optional<IndexedSession> existing = sessions.apply(id);
        if (reset && existing.isPresent() && !file.subagent()) {
            // The file is read again from the start: keep only what the app itself decided.
            IndexedSession e = existing.get();
            existing = Optional.of(new IndexedSession(
                    e.id(),
                    e.projectId(),
                    e.cwd(),
                    e.appTitle(),
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    0,
                    Set.of(),
                    0,
                    0,
                    Map.of(),
                    e.hidden(),
                    e.nextSeq()));
        }
        String cwd = delta.cwd() != null
                ? delta.cwd()
                : existing.map(IndexedSession::cwd).orElse(null);
        if (cwd == null) {
            return Optional.empty();
        }
        ProjectId projectId = existing.map(IndexedSession::projectId).orElseGet(() -> projects.projectFor(cwd));
        IndexedSession base = existing.orElseGet(() -> new IndexedSession(
                id, projectId, cwd, null, null, null, null, null, null, null, null, null, 0, Set.of(), 0, 0, Map.of(),
                false, 0));
        Set<String> models = new HashSet<>(base.models());
        models.addAll(delta.models());
        Map<Long, Double> cost = new HashMap<>(base.costByProcessStart());
        if (!file.subagent()) {
            cost.putAll(delta.costByProcessStart());
        }
        return Optional.of(new IndexedSession(
                id,
                base.projectId(),
                file.subagent() ? base.cwd() : cwd,
                base.appTitle(),
                first(delta.customTitle(), base.customTitle()),
                first(delta.aiTitle(), base.aiTitle()),
                first(delta.summary(), base.summary()),
                first(base.firstPrompt(), file.subagent() ? null : delta.firstPrompt()),
                first(file.subagent() ? null : delta.lastPrompt(), base.lastPrompt()),
                first(delta.gitBranch(), base.gitBranch()),
                min(base.firstActivityAt(), delta.firstTimestamp()),
                max(base.lastActivityAt(), delta.lastTimestamp()),
                base.messageCount()
                        + delta.lines().stream().filter(line -> !line.hidden()).count(),
                models,
                base.inputTokens() + delta.inputTokens(),
                base.outputTokens() + delta.outputTokens(),
                cost,
                base.hidden(),
                base.nextSeq() + delta.lines().size()));
    }

    private static String stem(Path path) {
        String name = path.getFileName().toString();
        return name.endsWith(".jsonl") ? name.substring(0, name.length() - 6) : name;
    }

    private static String first(String a, String b) {
        return a != null && !a.isBlank() ? a : b;
    }

    private static Instant min(Instant a, Instant b) {
        return a == null ? b : b == null ? a : a.isBefore(b) ? a : b;
    }

    private static Instant max(Instant a, Instant b) {
        return a == null ? b : b == null ? a : a.isAfter(b) ? a : b;
    }
}
