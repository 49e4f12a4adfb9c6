package dev.ccui.application.history;

import dev.ccui.application.events.port.out.EventBus;
import dev.ccui.application.history.port.out.BackgroundPriority;
import dev.ccui.application.history.port.out.FileState;
import dev.ccui.application.history.port.out.IndexLock;
import dev.ccui.application.history.port.out.SessionIndexWriter;
import dev.ccui.application.history.port.out.TranscriptArchive;
import dev.ccui.application.history.port.out.TranscriptFile;
import dev.ccui.application.history.port.out.TranscriptStore;
import dev.ccui.application.project.port.out.ProjectRepository;
import dev.ccui.application.user.port.out.UserRepository;
import dev.ccui.domain.history.IndexProgress;
import dev.ccui.domain.project.ProjectId;
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
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the database index in step with the transcripts on disk, on one background thread: a
 * full pass at startup and every {@link IndexSettings#rescanEvery()}, and single files as the
 * watcher reports them. A file is read only from where the last read stopped when it grew, and
 * from the start when it shrank or was replaced. One bad file never stops the others.
 *
 * <p>This class only schedules the passes and says where they stand; the listing
 * ({@link ListingPass}), the full reads ({@link FullRead}, {@link PieceApplier}), the archive
 * ({@link TranscriptArchiving}) and files gone from disk ({@link VanishedFiles}) each have their own.
 */
public final class IndexService implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(IndexService.class);
    /** A pass that read at least this much hands the heap it grew back to the system at its end. */
    private static final long GIVE_BACK_AFTER_BYTES = 32L << 20;
    /** So does the first pass since the start when it went over at least this many files. */
    private static final int GIVE_BACK_AFTER_START_FILES = 1_000;
    /**
     * The give-back's full collection stops every thread for tens of milliseconds, and a start's
     * first pass ends just as the first requests come (it delayed the first listing of a warm
     * start); so it runs this long after its pass.
     */
    private static final long GIVE_BACK_DELAY_MILLIS = 3_000;
    /** A queued path meaning "scan everything". */
    private static final Path RESCAN = Path.of("/");

    private final TranscriptStore transcripts;
    private final SessionIndexWriter index;
    private final Clock clock;
    private final IndexSettings settings;
    private final IndexFeed feed;
    private final TranscriptArchiving archiving;
    private final VanishedFiles vanished;
    private final ListingPass listing;
    private final FullRead reads;

    private final LinkedBlockingQueue<Path> queue = new LinkedBlockingQueue<>();
    private final Object passLock = new Object();
    private final IndexLock lock;
    private final BackgroundPriority priority;
    private final AtomicBoolean running = new AtomicBoolean();
    /** False until the first full pass since the start has ended. */
    private boolean startPassEnded;

    private volatile Thread worker;
    private AutoCloseable watch;
    private final Map<Path, Instant> changeSeenAt = new ConcurrentHashMap<>();

    /** Without an archive, a lock or a lowered priority: one node, its index alone (tests). */
    public IndexService(
            TranscriptStore transcripts,
            SessionIndexWriter index,
            ProjectRepository projects,
            UserRepository users,
            EventBus events,
            Clock clock,
            IndexSettings settings) {
        this(
                transcripts,
                index,
                projects,
                users,
                events,
                clock,
                settings,
                TranscriptArchive.NONE,
                null,
                IndexLock.NONE,
                BackgroundPriority.NONE);
    }

    /**
     * The indexer as the application runs it.
     *
     * @param archive every file read is also copied into it, and a file that vanishes from disk
     *     leaves its session archived (still listed, readable, searchable) instead of forgotten
     * @param archiveRetention how long after it vanished an archived session is kept (null: forever)
     * @param lock keeps this node's passes from overlapping those of other nodes indexing the same folder
     * @param priority lowers the indexer's thread and its parsers during passes, so that requests
     *     come first while a pass keeps the cores busy
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
            Duration archiveRetention,
            IndexLock lock,
            BackgroundPriority priority) {
        this.lock = lock;
        this.priority = priority;
        this.transcripts = transcripts;
        this.index = index;
        this.clock = clock;
        this.settings = settings;
        this.feed = new IndexFeed(events);
        this.archiving = new TranscriptArchiving(archive, transcripts);
        this.vanished = new VanishedFiles(index, archiving, clock, archiveRetention);
        ProjectsByCwd projectsByCwd = new ProjectsByCwd(projects, users, clock);
        // Stopped once closed; a service never started (tests drive scanAll() alone) never counts as stopped.
        BooleanSupplier stopped = () -> !running.get() && worker != null;
        this.listing = new ListingPass(transcripts, index, projectsByCwd, clock, feed, stopped, priority);
        this.reads = new FullRead(transcripts, index, archiving, new PieceApplier(projectsByCwd), stopped, priority);
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
        worker = IndexThreads.start("ccui-indexer", priority, this::loop);
    }

    /** Where the index stands: the state and figures of the last or current pass. */
    public IndexProgress indexProgress() {
        return feed.progress();
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
            archiving.passStarted();
            try {
                lock.during(folder(), this::scanAllPass);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                archiving.passEnded();
            }
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
                clock,
                feed,
                started,
                feed.progress(),
                files.size(),
                files.stream().mapToLong(TranscriptFile::size).sum(),
                false);
        Set<ProjectId> changed = new HashSet<>();
        // First every new session in its project from a glance at its file, then the full reads.
        List<TranscriptFile> unlisted = files.stream()
                .filter(file ->
                        !file.subagent() && !known.containsKey(file.path().toString()))
                .toList();
        listing.listAll(unlisted, changed, pass);
        pass.phase(IndexProgress.PARSING);
        if (!reads.readAll(files, path -> Optional.ofNullable(known.get(path)), changed, pass)) {
            return;
        }
        Set<String> present = new HashSet<>();
        files.forEach(file -> present.add(file.path().toString()));
        vanished.sweep(present, changed);
        feed.projectsChanged(changed);
        if (pass.bytesRead > 0) {
            // Statistics for the planner after new rows; a pass that found every file as it was
            // (each warm start, each periodic rescan) has nothing new for ANALYZE to learn.
            index.optimize();
        }
        feed.show(new IndexProgress(
                "watching",
                pass.filesDone,
                files.size(),
                pass.bytesDone,
                pass.bytesTotal,
                pass.bad,
                started,
                clock.instant(),
                feed.progress().lastChangeLagMs(),
                IndexProgress.IDLE));
        LOG.info(
                "indexed {} transcript file(s), {} MB, in {} ms",
                pass.filesDone,
                pass.bytesDone / (1024 * 1024),
                Duration.between(started, clock.instant()).toMillis());
        boolean largeStart = !startPassEnded && files.size() >= GIVE_BACK_AFTER_START_FILES;
        if (pass.bytesRead >= GIVE_BACK_AFTER_BYTES || largeStart) {
            // A big pass is a burst of short-lived garbage after which the service idles: the heap
            // the collector grew for it is only given back by a full collection, which the JVM
            // would otherwise run only after its periodic interval (or never), so RSS stayed high.
            // So is the start itself with a first pass over many files, even when it read nothing
            // new: a warm restart over 10,000 sessions idled at 172 MB, 139 MB after one
            // collection (14 MB of the heap live; ops/bench/README.md).
            CompletableFuture.delayedExecutor(GIVE_BACK_DELAY_MILLIS, TimeUnit.MILLISECONDS)
                    .execute(System::gc);
        }
        startPassEnded = true;
    }

    private void indexChanged(Set<Path> paths) {
        synchronized (passLock) {
            try {
                lock.during(folder(), () -> indexChangedLocked(paths));
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
                index.fileState(path.toString()).flatMap(vanished::forget).ifPresent(changed::add);
            }
        }
        IndexProgress p = feed.progress();
        reads.readAll(
                files,
                index::fileState,
                changed,
                new Pass(clock, feed, p.lastScanStartedAt(), p, files.size(), 0, true));
        feed.projectsChanged(changed);
        Instant now = clock.instant();
        long lag = paths.stream()
                .map(changeSeenAt::remove)
                .filter(Objects::nonNull)
                .mapToLong(seen -> Duration.between(seen, now).toMillis())
                .max()
                .orElse(0);
        feed.lastChangeLag(lag);
    }

    private String folder() {
        return transcripts.projectsRoot().toString();
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
