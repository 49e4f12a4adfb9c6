package dev.ccui.application.history;

import dev.ccui.application.events.AppEvent;
import dev.ccui.domain.history.IndexProgress;
import dev.ccui.application.events.port.out.EventBus;
import dev.ccui.application.history.port.out.FileState;
import dev.ccui.application.history.port.out.IndexedSession;
import dev.ccui.application.history.port.out.SessionIndexWriter;
import dev.ccui.application.history.port.out.TranscriptArchive;
import dev.ccui.application.history.port.out.TranscriptDelta;
import dev.ccui.application.history.port.out.TranscriptFile;
import dev.ccui.application.history.port.out.TranscriptStore;
import dev.ccui.application.project.port.out.ProjectRepository;
import dev.ccui.application.user.port.out.UserRepository;
import dev.ccui.domain.project.Project;
import dev.ccui.domain.project.ProjectId;
import dev.ccui.domain.session.SessionId;
import dev.ccui.domain.user.User;
import dev.ccui.domain.user.UserId;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the database index in step with the transcripts on disk, on one background thread: a
 * full pass at startup and every {@link IndexSettings#rescanEvery()}, and single files as the
 * watcher reports them. A file is read only from where the last read stopped when it grew, and
 * from the start when it shrank or was replaced. One bad file never stops the others.
 */
public final class IndexService implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(IndexService.class);
    /** How much of a file is copied into the archive at once. */
    private static final int ARCHIVE_PIECE = 4 << 20;
    /** A queued path meaning "scan everything". */
    private static final Path RESCAN = Path.of("/");

    private final TranscriptStore transcripts;
    private final SessionIndexWriter index;
    private final ProjectRepository projects;
    private final UserRepository users;
    private final EventBus events;
    private final Clock clock;
    private final IndexSettings settings;
    private final TranscriptArchive archive;
    /** How long an archived file whose original vanished is kept; null: forever. */
    private final Duration archiveRetention;
    /** During a full pass: how much of each file the archive holds (read once for the pass). */
    private Map<String, Long> archiveEnds;
    private final LinkedBlockingQueue<Path> queue = new LinkedBlockingQueue<>();
    private final Object passLock = new Object();
    private final AtomicBoolean running = new AtomicBoolean();
    private final Map<String, ProjectId> projectByCwd = new HashMap<>();
    private volatile IndexProgress progress;
    private volatile Thread worker;
    private AutoCloseable watch;
    private final Map<Path, Instant> changeSeenAt = new java.util.concurrent.ConcurrentHashMap<>();

    public IndexService(TranscriptStore transcripts, SessionIndexWriter index, ProjectRepository projects, UserRepository users,
                        EventBus events, Clock clock, IndexSettings settings) {
        this(transcripts, index, projects, users, events, clock, settings, TranscriptArchive.NONE, null);
    }

    /**
     * With an archive: every file read is also copied into it, and a file that vanishes from disk
     * leaves its session archived (still listed, readable, searchable) instead of forgotten, for
     * {@code archiveRetention} (null: forever) after it vanished.
     */
    public IndexService(TranscriptStore transcripts, SessionIndexWriter index, ProjectRepository projects, UserRepository users,
                        EventBus events, Clock clock, IndexSettings settings, TranscriptArchive archive,
                        Duration archiveRetention) {
        this.archive = archive;
        this.archiveRetention = archiveRetention;
        this.transcripts = transcripts;
        this.index = index;
        this.projects = projects;
        this.users = users;
        this.events = events;
        this.clock = clock;
        this.settings = settings;
        this.progress = new IndexProgress("starting", 0, 0, 0, 0, 0, null, null, 0);
    }

    /** Starts watching and the first full pass in the background; returns at once. */
    public synchronized void start() {
        if (!running.compareAndSet(false, true)) {
            return;
        }
        try {
            watch = transcripts.watch(path -> {
                changeSeenAt.putIfAbsent(path, clock.instant());
                queue.add(path);
            });
        } catch (RuntimeException e) {
            LOG.warn("cannot watch {} for changes ({}); relying on the periodic rescan", transcripts.projectsRoot(), e.getMessage());
        }
        queue.add(RESCAN);
        worker = Thread.ofPlatform().name("ccui-indexer").daemon().start(this::loop);
    }

    /** Where the index stands: the state and figures of the last or current pass. */
    public IndexProgress indexProgress() {
        return progress;
    }

    private void loop() {
        Instant nextRescan = clock.instant().plus(settings.rescanEvery());
        while (running.get()) {
            try {
                long wait = Math.max(1, Duration.between(clock.instant(), nextRescan).toMillis());
                Path next = queue.poll(wait, TimeUnit.MILLISECONDS);
                if (next == null || next.equals(RESCAN)) {
                    queue.remove(RESCAN);
                    scanAll();
                    nextRescan = clock.instant().plus(settings.rescanEvery());
                    continue;
                }
                Set<Path> batch = new LinkedHashSet<>();
                batch.add(next);
                queue.drainTo(batch);
                if (batch.remove(RESCAN) || batch.contains(transcripts.projectsRoot())) {
                    scanAll();
                    nextRescan = clock.instant().plus(settings.rescanEvery());
                    continue;
                }
                indexChanged(batch);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                LOG.error("transcript indexing failed; will try again", e);
            }
        }
    }

    /**
     * A full pass: every file on disk, and forgetting those that are gone. Passes never overlap
     * (a caller waits for the one under way), so no file is applied twice.
     */
    public void scanAll() {
        synchronized (passLock) {
            scanAllLocked();
        }
    }

    private void scanAllLocked() {
        archiveEnds = archive.enabled() ? new HashMap<>(archive.ends()) : null;
        try {
            scanAllPass();
        } finally {
            archiveEnds = null;
        }
    }

    private void scanAllPass() {
        Instant started = clock.instant();
        List<TranscriptFile> files = transcripts.listFiles();
        long totalBytes = files.stream().mapToLong(TranscriptFile::size).sum();
        IndexProgress before = progress;
        progress = new IndexProgress("scanning", 0, files.size(), 0, totalBytes, before.badLines(), started,
                before.lastScanFinishedAt(), before.lastChangeLagMs());
        events.publish(new AppEvent.IndexStatus(progress));
        Set<ProjectId> changed = new HashSet<>();
        Set<String> present = new HashSet<>();
        long done = 0;
        long bytes = 0;
        long bad = 0;
        Instant lastReport = clock.instant();
        // Main transcripts first so subagent files find their session; newest first so recent
        // work shows up soonest on a big first scan.
        files = files.stream().sorted(Comparator.comparing(TranscriptFile::subagent)
                .thenComparing(TranscriptFile::modifiedAt, Comparator.reverseOrder())).toList();
        for (TranscriptFile file : files) {
            if (!running.get() && worker != null) {
                return;
            }
            present.add(file.path().toString());
            Outcome outcome = indexSafely(file);
            outcome.project().ifPresent(changed::add);
            bad += outcome.badLines();
            done++;
            bytes += file.size();
            if (Duration.between(lastReport, clock.instant()).toMillis() >= 500) {
                lastReport = clock.instant();
                progress = new IndexProgress("scanning", done, files.size(), bytes, totalBytes, bad, started,
                        before.lastScanFinishedAt(), before.lastChangeLagMs());
                events.publish(new AppEvent.IndexStatus(progress));
                publishChanged(changed);
            }
        }
        Instant expired = archiveRetention == null ? null : clock.instant().minus(archiveRetention);
        for (FileState state : index.allFileStates()) {
            if (!present.contains(state.path())) {
                forget(state).ifPresent(changed::add);
            }
            if (expired != null && !present.contains(state.path()) && state.archivedAt() != null
                    && state.archivedAt().isBefore(expired)) {
                LOG.info("the archived copy of {} is older than the archive retention ({}): forgotten", state.path(),
                        archiveRetention);
                remove(state).ifPresent(changed::add);
            }
        }
        publishChanged(changed);
        if (done > 0) {
            index.optimize();
        }
        progress = new IndexProgress("watching", done, files.size(), bytes, totalBytes, bad, started, clock.instant(),
                progress.lastChangeLagMs());
        events.publish(new AppEvent.IndexStatus(progress));
        LOG.info("indexed {} transcript file(s), {} MB, in {} ms", done, bytes / (1024 * 1024),
                Duration.between(started, clock.instant()).toMillis());
    }

    private void indexChanged(Set<Path> paths) {
        synchronized (passLock) {
            indexChangedLocked(paths);
        }
    }

    private void indexChangedLocked(Set<Path> paths) {
        Set<ProjectId> changed = new HashSet<>();
        for (Path path : paths) {
            Optional<TranscriptFile> file = transcripts.describe(path);
            if (file.isPresent()) {
                indexSafely(file.get()).project().ifPresent(changed::add);
            } else {
                index.fileState(path.toString()).flatMap(this::forget).ifPresent(changed::add);
            }
        }
        publishChanged(changed);
        Instant now = clock.instant();
        long lag = paths.stream().map(changeSeenAt::remove).filter(java.util.Objects::nonNull)
                .mapToLong(seen -> Duration.between(seen, now).toMillis()).max().orElse(0);
        IndexProgress p = progress;
        progress = new IndexProgress(p.state(), p.filesDone(), p.filesTotal(), p.bytesDone(), p.bytesTotal(), p.badLines(),
                p.lastScanStartedAt(), p.lastScanFinishedAt(), lag);
    }

    private void publishChanged(Set<ProjectId> changed) {
        if (!changed.isEmpty()) {
            events.publish(new AppEvent.ProjectsChanged(Set.copyOf(changed)));
            changed.clear();
        }
    }

    /**
     * A file that is gone from disk: kept as archived when the archive holds all that was indexed
     * of it, forgotten otherwise.
     */
    private Optional<ProjectId> forget(FileState state) {
        if (state.archivedAt() != null) {
            return Optional.empty();
        }
        if (archive.enabled() && state.offset() > 0 && archivedEnd(state.path()) >= state.offset()) {
            Optional<ProjectId> project = Optional.ofNullable(state.sessionId()).flatMap(index::find).map(IndexedSession::projectId);
            index.markArchived(state.path(), clock.instant());
            LOG.info("transcript {} (session {}) vanished from disk: its {} bytes are kept in the archive", state.path(),
                    state.sessionId(), state.offset());
            return project;
        }
        return remove(state);
    }

    private Optional<ProjectId> remove(FileState state) {
        Optional<ProjectId> project = Optional.ofNullable(state.sessionId()).flatMap(index::find).map(IndexedSession::projectId);
        index.removeFile(state.path());
        archive.drop(state.path());
        if (archiveEnds != null) {
            archiveEnds.remove(state.path());
        }
        return project;
    }

    private long archivedEnd(String path) {
        return archiveEnds != null ? archiveEnds.getOrDefault(path, 0L) : archive.end(path);
    }

    /** Copies the file's bytes from what the archive holds up to {@code end} into the archive. */
    private void archiveUpTo(TranscriptFile file, SessionId session, long end) {
        if (!archive.enabled()) {
            return;
        }
        String path = file.path().toString();
        long from = archivedEnd(path);
        while (from < end) {
            int length = (int) Math.min(ARCHIVE_PIECE, end - from);
            Optional<byte[]> bytes = transcripts.bytes(file, from, length);
            if (bytes.isEmpty() || bytes.get().length == 0) {
                LOG.warn("could not copy {} from byte {} into the archive; will try again", path, from);
                return;
            }
            archive.append(path, session, from, bytes.get());
            from += bytes.get().length;
            if (archiveEnds != null) {
                archiveEnds.put(path, from);
            }
        }
    }

    private record Outcome(Optional<ProjectId> project, long badLines) {
        static final Outcome NOTHING = new Outcome(Optional.empty(), 0);
    }

    private Outcome indexSafely(TranscriptFile file) {
        try {
            return indexFile(file);
        } catch (RuntimeException e) {
            LOG.warn("could not index {}: {}", file.path(), e.toString());
            return Outcome.NOTHING;
        }
    }

    /** Brings one file's part of the index up to date; returns the project it touched, if any. */
    private Outcome indexFile(TranscriptFile file) {
        String path = file.path().toString();
        Optional<FileState> known = index.fileState(path);
        // A file marked archived that is on disk again (moved back) is read afresh, which clears the mark.
        boolean reset = known.isEmpty() || !java.util.Objects.equals(known.get().fileKey(), file.fileKey())
                || file.size() < known.get().offset() || known.get().archivedAt() != null;
        long offset = reset ? 0 : known.get().offset();
        if (reset && archive.enabled() && archivedEnd(path) > 0) {
            // Replaced or shrunk: the copy described the old content.
            archive.drop(path);
            if (archiveEnds != null) {
                archiveEnds.remove(path);
            }
        }
        if (!reset && file.size() == offset) {
            // Indexed before the archive was switched on, or a copy that failed: catch up.
            if (known.get().sessionId() != null && archive.enabled() && archivedEnd(path) < offset) {
                archiveUpTo(file, known.get().sessionId(), offset);
            }
            return Outcome.NOTHING;
        }
        String previousMessageId = reset ? null : known.get().lastMessageId();
        SessionId knownSession = reset ? null : known.get().sessionId();
        int badLines = reset ? 0 : known.get().badLines();
        ProjectId touched = null;
        while (offset < file.size()) {
            Optional<TranscriptDelta> read = transcripts.read(file, offset, previousMessageId);
            if (read.isEmpty()) {
                break;
            }
            TranscriptDelta delta = read.get();
            if (delta.endOffset() <= offset) {
                break;
            }
            badLines += delta.badLines();
            Optional<IndexedSession> merged = merge(file, knownSession, delta, reset);
            if (merged.isEmpty()) {
                // No cwd yet (or not a transcript at all): nothing to attach it to; try again when it grows.
                return new Outcome(Optional.empty(), badLines);
            }
            IndexedSession session = merged.get();
            FileState state = new FileState(path, session.id(), file.size(), file.modifiedAt(), file.fileKey(),
                    delta.endOffset(), delta.lastMessageId() != null ? delta.lastMessageId() : previousMessageId, badLines);
            index.apply(session, state, delta.lines(), delta.searchText(), reset);
            archiveUpTo(file, session.id(), delta.endOffset());
            touched = session.projectId();
            reset = false;
            knownSession = session.id();
            previousMessageId = state.lastMessageId();
            offset = delta.endOffset();
        }
        return new Outcome(Optional.ofNullable(touched), badLines);
    }

    private Optional<IndexedSession> merge(TranscriptFile file, SessionId knownSession, TranscriptDelta delta, boolean reset) {
        SessionId id = knownSession != null ? knownSession
                : SessionId.parse(delta.sessionId()).or(() -> SessionId.parse(stem(file.path()))).orElse(null);
        if (id == null) {
            return Optional.empty();
        }
        Optional<IndexedSession> existing = index.find(id);
        if (reset && existing.isPresent() && !file.subagent()) {
            // The file is read again from the start: keep only what the app itself decided.
            IndexedSession e = existing.get();
            existing = Optional.of(new IndexedSession(e.id(), e.projectId(), e.cwd(), e.appTitle(), null, null, null, null,
                    null, null, null, null, 0, Set.of(), 0, 0, Map.of(), e.hidden(), e.nextSeq()));
        }
        String cwd = delta.cwd() != null ? delta.cwd() : existing.map(IndexedSession::cwd).orElse(null);
        if (cwd == null) {
            return Optional.empty();
        }
        ProjectId projectId = existing.map(IndexedSession::projectId).orElseGet(() -> projectFor(cwd));
        IndexedSession base = existing.orElseGet(() -> new IndexedSession(id, projectId, cwd, null, null, null, null, null,
                null, null, null, null, 0, Set.of(), 0, 0, Map.of(), false, 0));
        Set<String> models = new HashSet<>(base.models());
        models.addAll(delta.models());
        Map<Long, Double> cost = new HashMap<>(base.costByProcessStart());
        if (!file.subagent()) {
            cost.putAll(delta.costByProcessStart());
        }
        return Optional.of(new IndexedSession(id, base.projectId(), file.subagent() ? base.cwd() : cwd, base.appTitle(),
                first(delta.customTitle(), base.customTitle()), first(delta.aiTitle(), base.aiTitle()),
                first(delta.summary(), base.summary()), first(base.firstPrompt(), file.subagent() ? null : delta.firstPrompt()),
                first(file.subagent() ? null : delta.lastPrompt(), base.lastPrompt()), first(delta.gitBranch(), base.gitBranch()),
                min(base.firstActivityAt(), delta.firstTimestamp()), max(base.lastActivityAt(), delta.lastTimestamp()),
                base.messageCount() + delta.lines().stream().filter(line -> !line.hidden()).count(), models, base.inputTokens() + delta.inputTokens(),
                base.outputTokens() + delta.outputTokens(), cost, base.hidden(), base.nextSeq() + delta.lines().size()));
    }

    /** The project of a working directory, created (as discovered, owned by the first admin) on first sight. */
    private synchronized ProjectId projectFor(String cwd) {
        ProjectId cached = projectByCwd.get(cwd);
        if (cached != null) {
            return cached;
        }
        Project project = projects.findByPath(cwd).orElseGet(() -> {
            Instant now = clock.instant();
            UserId owner = users.list().stream().filter(User::isAdmin).min(Comparator.comparing(User::createdAt))
                    .map(User::id).orElse(null);
            Project created = new Project(ProjectId.random(), cwd, Project.defaultName(cwd), false, false, false, true,
                    owner, now, now);
            return projects.insert(created) ? created : projects.findByPath(cwd).orElseThrow();
        });
        projectByCwd.put(cwd, project.id());
        return project.id();
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

    @Override
    public synchronized void close() {
        running.set(false);
        if (watch != null) {
            try {
                watch.close();
            } catch (Exception e) {
                LOG.debug("closing the transcript watch failed", e);
            }
        }
        Thread current = worker;
        if (current != null) {
            current.interrupt();
        }
    }
}
