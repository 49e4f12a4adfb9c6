package dev.ccui.application.history;

import dev.ccui.application.history.port.out.BackgroundPriority;
import dev.ccui.application.history.port.out.FileState;
import dev.ccui.application.history.port.out.IndexedSession;
import dev.ccui.application.history.port.out.SessionIndexWriter;
import dev.ccui.application.history.port.out.TranscriptDelta;
import dev.ccui.application.history.port.out.TranscriptFile;
import dev.ccui.application.history.port.out.TranscriptStore;
import dev.ccui.domain.project.ProjectId;
import dev.ccui.domain.session.SessionId;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The listing's pass: a glance at the head and tail of each new main transcript (on the parser
 * threads) gives its session, project, title and times, written in few transactions, so every
 * project shows its sessions long before the full reads are done. The full read that follows
 * finds the file at offset 0 and reads it from the start, replacing what the glance guessed.
 */
final class ListingPass {
    private static final Logger LOG = LoggerFactory.getLogger(ListingPass.class);
    /** Sessions listed from glances per transaction at most. */
    private static final int LIST_BATCH = 500;
    /**
     * Threads glancing at once. A glance is two small reads and little parsing: on a cold page
     * cache its time is the disk's, so more threads than cores keep more reads in flight (1,200
     * files listed 0.08 s sooner after a cold start with 8 than with 2; ops/bench/README.md).
     */
    static final int GLANCERS = Math.max(ParsePipeline.PARSERS, 8);

    private final TranscriptStore transcripts;
    private final SessionIndexWriter index;
    private final ProjectsByCwd projects;
    private final Clock clock;
    private final IndexFeed feed;
    /** True once the indexer was stopped: the listing ends early. */
    private final BooleanSupplier stopped;

    private final BackgroundPriority priority;

    ListingPass(
            TranscriptStore transcripts,
            SessionIndexWriter index,
            ProjectsByCwd projects,
            Clock clock,
            IndexFeed feed,
            BooleanSupplier stopped,
            BackgroundPriority priority) {
        this.transcripts = transcripts;
        this.index = index;
        this.projects = projects;
        this.clock = clock;
        this.feed = feed;
        this.stopped = stopped;
        this.priority = priority;
    }

    /** Lists the sessions of the {@code unlisted} files, counting into the pass. */
    void listAll(List<TranscriptFile> unlisted, Set<ProjectId> changed, Pass pass) throws InterruptedException {
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
                GLANCERS,
                ParsePipeline.QUEUE,
                priority)) {
            for (ParsePipeline.Piece piece = pipeline.next(); piece != null; piece = pipeline.next()) {
                if (stopped.getAsBoolean()) {
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
        feed.projectsChanged(changed);
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
        Optional<SessionId> id = PieceApplier.sessionNamed(glance, file);
        if (id.isEmpty()) {
            return Optional.empty();
        }
        try {
            IndexedSession session = new IndexedSession(
                    id.get(),
                    projects.projectFor(glance.cwd()),
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
}
