package dev.ccui.application.history;

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
import dev.ccui.domain.events.AppEvent;
import dev.ccui.domain.history.IndexProgress;
import dev.ccui.domain.project.Project;
import dev.ccui.domain.project.ProjectId;
import dev.ccui.domain.session.SessionId;
import dev.ccui.domain.user.User;
import dev.ccui.domain.user.UserId;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
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
    /** How much of a file is copied into the archive at once: the archive's chunk, whatever the file's size. */
    private static final int ARCHIVE_PIECE = 1 << 20;
    /** A pass that read at least this much hands the heap it grew back to the system at its end. */
    private static final long GIVE_BACK_AFTER_BYTES = 32L << 20;
    /** A queued path meaning "scan everything". */
    private static final Path RESCAN = Path.of("/");
    /** Parser threads: every core, while this service's own thread writes what they read. */
    private static final int PARSERS =
            Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors()));
    /** Reads waiting for the writer at most: memory stays bounded however many files there are. */
    private static final int QUEUE = 16;
    /** Sessions listed from glances per transaction at most. */
    private static final int LIST_BATCH = 500;

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
    private final Map<Path, Instant> changeSeenAt = new ConcurrentHashMap<>();

    public IndexService(
            TranscriptStore transcripts,
            SessionIndexWriter index,
            ProjectRepository projects,
            UserRepository users,
            EventBus events,
            Clock clock,
            IndexSettings settings) {
        this(transcripts, index, projects, users, events, clock, settings, TranscriptArchive.NONE, null);
    }

    /**
     * With an archive: every file read is also copied into it, and a file that vanishes from disk
     * leaves its session archived (still listed, readable, searchable) instead of forgotten, for
     * {@code archiveRetention} (null: forever) after it vanished.
     */
    public IndexService(
            TranscriptStore transcripts,
            SessionIndexWriter index,
            ProjectRepository projects,
            UserRepository users,
            EventBus events,
            Clock clock,
            IndexSettings settings,
            TranscriptArchive archive,
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
        this.progress = new IndexProgress("starting", 0, 0, 0, 0, 0, null, null, 0, IndexProgress.IDLE);
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
            LOG.warn(
                    "cannot watch {} for changes ({}); relying on the periodic rescan",
                    transcripts.projectsRoot(),
                    e.getMessage());
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
                long wait = Math.max(
                        1, Duration.between(clock.instant(), nextRescan).toMillis());
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
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            archiveEnds = null;
        }
    }

    private void scanAllPass() throws InterruptedException {
        Instant started = clock.instant();
        List<TranscriptFile> files = transcripts.listFiles();
        Map<String, FileState> known = new HashMap<>();
        for (FileState state : index.allFileStates()) {
            known.put(state.path(), state);
        }
        // Main transcripts first so subagent files find their session; newest first so recent
        // work shows up soonest on a big first scan.
        files = files.stream()
                .sorted(Comparator.comparing(TranscriptFile::subagent)
                        .thenComparing(TranscriptFile::modifiedAt, Comparator.reverseOrder()))
                .toList();
        Pass pass = new Pass(
                started,
                progress,
                files.size(),
                files.stream().mapToLong(TranscriptFile::size).sum(),
                false);
        Set<ProjectId> changed = new HashSet<>();
        // First every new session in its project from a glance at its file, then the full reads.
        List<TranscriptFile> unlisted = files.stream()
                .filter(file ->
                        !file.subagent() && !known.containsKey(file.path().toString()))
                .toList();
        listAll(unlisted, changed, pass);
        pass.phase(IndexProgress.PARSING);
        if (!readAll(files, path -> Optional.ofNullable(known.get(path)), changed, pass)) {
            return;
        }
        Set<String> present = new HashSet<>();
        files.forEach(file -> present.add(file.path().toString()));
        Instant expired = archiveRetention == null ? null : clock.instant().minus(archiveRetention);
        for (FileState state : index.allFileStates()) {
            if (!present.contains(state.path())) {
                forget(state).ifPresent(changed::add);
            }
            if (expired != null
                    && !present.contains(state.path())
                    && state.archivedAt() != null
                    && state.archivedAt().isBefore(expired)) {
                LOG.info(
                        "the archived copy of {} is older than the archive retention ({}): forgotten",
                        state.path(),
                        archiveRetention);
                remove(state).ifPresent(changed::add);
            }
        }
        publishChanged(changed);
        if (pass.filesDone > 0) {
            index.optimize();
        }
        progress = new IndexProgress(
                "watching",
                pass.filesDone,
                files.size(),
                pass.bytesDone,
                pass.bytesTotal,
                pass.bad,
                started,
                clock.instant(),
                progress.lastChangeLagMs(),
                IndexProgress.IDLE);
        events.publish(new AppEvent.IndexStatus(progress));
        LOG.info(
                "indexed {} transcript file(s), {} MB, in {} ms",
                pass.filesDone,
                pass.bytesDone / (1024 * 1024),
                Duration.between(started, clock.instant()).toMillis());
        if (pass.bytesRead >= GIVE_BACK_AFTER_BYTES) {
            // A big pass is a burst of short-lived garbage after which the service idles: the heap
            // the collector grew for it is only given back by a full collection, which the JVM
            // would otherwise run only after its periodic interval (or never), so RSS stayed high.
            System.gc();
        }
    }

    /** Where a full pass stands, published at most every half second. */
    private final class Pass {
        final boolean quiet;
        final Instant started;
        final IndexProgress before;
        final long filesTotal;
        final long bytesTotal;
        String phase = IndexProgress.LISTING;
        long listed;
        long toList;
        long filesDone;
        long bytesDone;
        long bytesRead;
        long bad;
        Instant lastReport;

        /** @param quiet for a few watched files: no progress of its own to show, the last pass's figures stay */
        Pass(Instant started, IndexProgress before, long filesTotal, long bytesTotal, boolean quiet) {
            this.quiet = quiet;
            this.started = started;
            this.before = before;
            this.filesTotal = filesTotal;
            this.bytesTotal = bytesTotal;
            publish();
        }

        void phase(String next) {
            phase = next;
            publish();
        }

        void fileDone(TranscriptFile file, long badLines) {
            filesDone++;
            bytesDone += file.size();
            bad += badLines;
        }

        /** A file whose new part was read (not one found unchanged). */
        void fileRead(TranscriptFile file, long from, long badLines) {
            fileDone(file, badLines);
            bytesRead += file.size() - from;
        }

        /** Progress, and the projects whose sessions changed, when half a second has passed since the last. */
        void report(Set<ProjectId> changed) {
            if (lastReport == null
                    || Duration.between(lastReport, clock.instant()).toMillis() >= 500) {
                publish();
                publishChanged(changed);
            }
        }

        void publish() {
            lastReport = clock.instant();
            if (quiet) {
                return;
            }
            progress = IndexProgress.LISTING.equals(phase)
                    ? new IndexProgress(
                            "scanning",
                            listed,
                            toList,
                            0,
                            bytesTotal,
                            before.badLines(),
                            started,
                            before.lastScanFinishedAt(),
                            before.lastChangeLagMs(),
                            phase)
                    : new IndexProgress(
                            "scanning",
                            filesDone,
                            filesTotal,
                            bytesDone,
                            bytesTotal,
                            bad,
                            started,
                            before.lastScanFinishedAt(),
                            before.lastChangeLagMs(),
                            phase);
            events.publish(new AppEvent.IndexStatus(progress));
        }
    }

    /**
     * The listing's pass: a glance at the head and tail of each new main transcript (on the parser
     * threads) gives its session, project, title and times, written in few transactions, so every
     * project shows its sessions long before the full reads are done. The full read that follows
     * finds the file at offset 0 and reads it from the start, replacing what the glance guessed.
     */
    private void listAll(List<TranscriptFile> unlisted, Set<ProjectId> changed, Pass pass) throws InterruptedException {
        pass.toList = unlisted.size();
        if (unlisted.isEmpty()) {
            return;
        }
        List<ParsePipeline.Job> jobs = unlisted.stream()
                .map(file -> new ParsePipeline.Job(file, 0, null))
                .toList();
        List<SessionIndexWriter.Applied> listed = new ArrayList<>();
        long firstAt = 0;
        try (ParsePipeline pipeline = ParsePipeline.start(
                jobs,
                (job, emit) -> emit.emit(new ParsePipeline.Piece(
                        job, 0, transcripts.glance(job.file()).orElse(null), true)),
                PARSERS,
                QUEUE)) {
            for (ParsePipeline.Piece piece = pipeline.next(); piece != null; piece = pipeline.next()) {
                if (!running.get() && worker != null) {
                    return;
                }
                pass.listed++;
                Optional<SessionIndexWriter.Applied> session = listedSession(piece);
                if (session.isPresent()) {
                    firstAt = listed.isEmpty() ? System.nanoTime() : firstAt;
                    listed.add(session.get());
                    changed.add(session.get().session().projectId());
                }
                if (listed.size() >= LIST_BATCH
                        || !listed.isEmpty() && System.nanoTime() - firstAt >= IndexBatch.MAX_AGE_NANOS) {
                    addListed(listed);
                    pass.report(changed);
                }
            }
        }
        addListed(listed);
        publishChanged(changed);
        LOG.info(
                "listed the sessions of {} new transcript file(s) from a glance at each in {} ms",
                unlisted.size(),
                Duration.between(pass.started, clock.instant()).toMillis());
    }

    /** Writes listed sessions; when that fails the full reads that follow list them anyway. */
    private void addListed(List<SessionIndexWriter.Applied> listed) {
        if (listed.isEmpty()) {
            return;
        }
        try {
            index.addListed(listed);
        } catch (RuntimeException e) {
            LOG.warn("could not list {} session(s) ahead of their full reads: {}", listed.size(), e.toString());
        }
        listed.clear();
    }

    /** The session a glance saw, as the full read would name it and place it; empty when it cannot tell. */
    private Optional<SessionIndexWriter.Applied> listedSession(ParsePipeline.Piece piece) {
        TranscriptDelta glance = piece.delta();
        TranscriptFile file = piece.job().file();
        if (glance == null || glance.cwd() == null) {
            return Optional.empty();
        }
        Optional<SessionId> id = SessionId.parse(glance.sessionId()).or(() -> SessionId.parse(stem(file.path())));
        if (id.isEmpty()) {
            return Optional.empty();
        }
        try {
            IndexedSession session = new IndexedSession(
                    id.get(),
                    projectFor(glance.cwd()),
                    glance.cwd(),
                    null,
                    glance.customTitle(),
                    glance.aiTitle(),
                    glance.summary(),
                    glance.firstPrompt(),
                    glance.lastPrompt(),
                    glance.gitBranch(),
                    glance.firstTimestamp(),
                    glance.lastTimestamp(),
                    glance.lines().stream().filter(line -> !line.hidden()).count(),
                    glance.models(),
                    0,
                    0,
                    Map.of(),
                    false,
                    0);
            FileState state = new FileState(
                    file.path().toString(), id.get(), file.size(), file.modifiedAt(), file.fileKey(), 0, null, 0);
            return Optional.of(new SessionIndexWriter.Applied(session, state, List.of(), "", false));
        } catch (RuntimeException e) {
            LOG.warn("could not list {}: {}", file.path(), e.toString());
            return Optional.empty();
        }
    }

    /**
     * Reads what is new in each file (main transcripts, then subagent files), parsed on the parser
     * threads and written here in batches. False when the indexer was stopped meanwhile.
     */
    private boolean readAll(
            List<TranscriptFile> files, Function<String, Optional<FileState>> known, Set<ProjectId> changed, Pass pass)
            throws InterruptedException {
        for (boolean subagents : new boolean[] {false, true}) {
            Map<String, FileRead> reads = new HashMap<>();
            List<ParsePipeline.Job> jobs = new ArrayList<>();
            for (TranscriptFile file : files) {
                if (file.subagent() != subagents) {
                    continue;
                }
                Optional<FileRead> read = plan(file, known.apply(file.path().toString()));
                if (read.isPresent()) {
                    reads.put(file.path().toString(), read.get());
                    jobs.add(read.get().job);
                } else {
                    pass.fileDone(file, 0);
                }
            }
            if (!jobs.isEmpty() && !consume(jobs, reads, changed, pass)) {
                return false;
            }
        }
        return true;
    }

    /** One file's read under way: where it starts, and what its pieces carry on to the next. */
    private static final class FileRead {
        final ParsePipeline.Job job;
        boolean reset;
        SessionId knownSession;
        String previousMessageId;
        int badLines;
        boolean abandoned;
        ProjectId touched;

        FileRead(ParsePipeline.Job job, boolean reset, SessionId knownSession, int badLines) {
            this.job = job;
            this.reset = reset;
            this.knownSession = knownSession;
            this.previousMessageId = job.previousMessageId();
            this.badLines = badLines;
        }
    }

    private boolean consume(
            List<ParsePipeline.Job> jobs, Map<String, FileRead> reads, Set<ProjectId> changed, Pass pass)
            throws InterruptedException {
        IndexBatch batch = new IndexBatch(index, copy -> archiveUpTo(copy.file(), copy.session(), copy.end()));
        try (ParsePipeline pipeline = ParsePipeline.start(jobs, this::readFile, PARSERS, QUEUE)) {
            for (ParsePipeline.Piece piece = pipeline.next(); piece != null; piece = pipeline.next()) {
                if (!running.get() && worker != null) {
                    batch.flush();
                    return false;
                }
                FileRead read = reads.get(piece.job().file().path().toString());
                try {
                    take(read, piece, batch);
                } catch (RuntimeException e) {
                    LOG.warn("could not index {}: {}", piece.job().file().path(), e.toString());
                    read.abandoned = true;
                }
                if (piece.last()) {
                    pass.fileRead(piece.job().file(), piece.job().offset(), read.badLines);
                    if (read.touched != null) {
                        changed.add(read.touched);
                    }
                }
                if (batch.full()) {
                    batch.flush();
                    pass.report(changed);
                }
            }
            batch.flush();
        }
        return true;
    }

    /** A parser thread's work: the file's new complete lines, read by bounded steps, in order. */
    private void readFile(ParsePipeline.Job job, ParsePipeline.Emitter emit) throws InterruptedException {
        TranscriptFile file = job.file();
        long offset = job.offset();
        String previous = job.previousMessageId();
        while (offset < file.size()) {
            Optional<TranscriptDelta> read = transcripts.read(file, offset, previous);
            if (read.isEmpty() || read.get().endOffset() <= offset) {
                break;
            }
            TranscriptDelta delta = read.get();
            boolean last = delta.endOffset() >= file.size();
            emit.emit(new ParsePipeline.Piece(job, offset, delta, last));
            if (last) {
                return;
            }
            previous = delta.lastMessageId() != null ? delta.lastMessageId() : previous;
            offset = delta.endOffset();
        }
        emit.emit(new ParsePipeline.Piece(job, offset, null, true));
    }

    private void indexChanged(Set<Path> paths) {
        synchronized (passLock) {
            try {
                indexChangedLocked(paths);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void indexChangedLocked(Set<Path> paths) throws InterruptedException {
        Set<ProjectId> changed = new HashSet<>();
        List<TranscriptFile> files = new ArrayList<>();
        for (Path path : paths) {
            Optional<TranscriptFile> file = transcripts.describe(path);
            if (file.isPresent()) {
                files.add(file.get());
            } else {
                index.fileState(path.toString()).flatMap(this::forget).ifPresent(changed::add);
            }
        }
        IndexProgress p = progress;
        readAll(files, index::fileState, changed, new Pass(p.lastScanStartedAt(), p, files.size(), 0, true));
        publishChanged(changed);
        Instant now = clock.instant();
        long lag = paths.stream()
                .map(changeSeenAt::remove)
                .filter(Objects::nonNull)
                .mapToLong(seen -> Duration.between(seen, now).toMillis())
                .max()
                .orElse(0);
        p = progress;
        progress = new IndexProgress(
                p.state(),
                p.filesDone(),
                p.filesTotal(),
                p.bytesDone(),
                p.bytesTotal(),
                p.badLines(),
                p.lastScanStartedAt(),
                p.lastScanFinishedAt(),
                lag,
                p.phase());
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
            Optional<ProjectId> project =
                    Optional.ofNullable(state.sessionId()).flatMap(index::find).map(IndexedSession::projectId);
            index.markArchived(state.path(), clock.instant());
            LOG.info(
                    "transcript {} (session {}) vanished from disk: its {} bytes are kept in the archive",
                    state.path(),
                    state.sessionId(),
                    state.offset());
            return project;
        }
        return remove(state);
    }

    private Optional<ProjectId> remove(FileState state) {
        Optional<ProjectId> project =
                Optional.ofNullable(state.sessionId()).flatMap(index::find).map(IndexedSession::projectId);
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

    /**
     * What of one file is to be read: from where the last read stopped when it grew, from the
     * start when it is new, listed only, shrunk or replaced; empty when nothing is new.
     */
    private Optional<FileRead> plan(TranscriptFile file, Optional<FileState> known) {
        String path = file.path().toString();
        // A file marked archived that is on disk again (moved back) is read afresh, which clears the mark;
        // one at offset 0 was only listed from a glance.
        boolean reset = known.isEmpty()
                || !Objects.equals(known.get().fileKey(), file.fileKey())
                || file.size() < known.get().offset()
                || known.get().archivedAt() != null
                || known.get().offset() == 0;
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
            return Optional.empty();
        }
        if (offset >= file.size()) {
            return Optional.empty();
        }
        return Optional.of(new FileRead(
                new ParsePipeline.Job(file, offset, reset ? null : known.get().lastMessageId()),
                reset,
                reset ? null : known.get().sessionId(),
                reset ? 0 : known.get().badLines()));
    }

    /** Merges one read of a file into its session and adds it to the batch. */
    private void take(FileRead read, ParsePipeline.Piece piece, IndexBatch batch) {
        TranscriptDelta delta = piece.delta();
        if (read.abandoned || delta == null) {
            return;
        }
        TranscriptFile file = piece.job().file();
        read.badLines += delta.badLines();
        Optional<IndexedSession> merged = merge(file, read.knownSession, delta, read.reset, batch::find);
        if (merged.isEmpty()) {
            // No cwd yet (or not a transcript at all): nothing to attach it to; try again when it grows.
            read.abandoned = true;
            return;
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
                new IndexBatch.Copy(file, session.id(), delta.endOffset()));
        read.touched = session.projectId();
        read.reset = false;
        read.knownSession = session.id();
        read.previousMessageId = state.lastMessageId();
    }

    private Optional<IndexedSession> merge(
            TranscriptFile file,
            SessionId knownSession,
            TranscriptDelta delta,
            boolean reset,
            Function<SessionId, Optional<IndexedSession>> sessions) {
        SessionId id = knownSession != null
                ? knownSession
                : SessionId.parse(delta.sessionId())
                        .or(() -> SessionId.parse(stem(file.path())))
                        .orElse(null);
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
        ProjectId projectId = existing.map(IndexedSession::projectId).orElseGet(() -> projectFor(cwd));
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

    /** The project of a working directory, created (as discovered, owned by the first admin) on first sight. */
    private synchronized ProjectId projectFor(String cwd) {
        ProjectId cached = projectByCwd.get(cwd);
        if (cached != null) {
            return cached;
        }
        Project project = projects.findByPath(cwd).orElseGet(() -> {
            Instant now = clock.instant();
            UserId owner = users.list().stream()
                    .filter(User::isAdmin)
                    .min(Comparator.comparing(User::createdAt))
                    .map(User::id)
                    .orElse(null);
            Project created = new Project(
                    ProjectId.random(), cwd, Project.defaultName(cwd), false, false, false, true, owner, now, now);
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
