package dev.ccui.application.history;

import dev.ccui.application.history.port.out.BackgroundPriority;
import dev.ccui.application.history.port.out.FileState;
import dev.ccui.application.history.port.out.SessionIndexWriter;
import dev.ccui.application.history.port.out.TranscriptDelta;
import dev.ccui.application.history.port.out.TranscriptFile;
import dev.ccui.application.history.port.out.TranscriptStore;
import dev.ccui.domain.project.ProjectId;
import dev.ccui.domain.session.SessionId;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The full reads: what is new in each file (main transcripts, then subagent files, so these find
 * their session), parsed on the parser threads and written on the caller's thread in batches.
 * Shared by the full pass and by single watched files, which differ only in what they know of
 * each file beforehand.
 */
final class FullRead {
    private static final Logger LOG = LoggerFactory.getLogger(FullRead.class);

    private final TranscriptStore transcripts;
    private final SessionIndexWriter index;
    private final TranscriptArchiving archiving;
    private final PieceApplier applier;
    /** True once the indexer was stopped: the reads end early, writing what was taken. */
    private final BooleanSupplier stopped;

    private final BackgroundPriority priority;

    FullRead(
            TranscriptStore transcripts,
            SessionIndexWriter index,
            TranscriptArchiving archiving,
            PieceApplier applier,
            BooleanSupplier stopped,
            BackgroundPriority priority) {
        this.transcripts = transcripts;
        this.index = index;
        this.archiving = archiving;
        this.applier = applier;
        this.stopped = stopped;
        this.priority = priority;
    }

    /** Reads what is new in each file, counting into the pass. False when the indexer was stopped meanwhile. */
    boolean readAll(
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

    private boolean consume(
            List<ParsePipeline.Job> jobs, Map<String, FileRead> reads, Set<ProjectId> changed, Pass pass)
            throws InterruptedException {
        TranscriptArchiving.Packer packer = archiving.packer();
        IndexBatch batch = new IndexBatch(index, packer::keepAll);
        batch.lookAhead(jobs.stream()
                .map(job -> expectedSession(reads.get(job.file().path().toString())))
                .filter(Objects::nonNull)
                .toList());
        try (ParsePipeline pipeline = ParsePipeline.start(
                jobs,
                (job, emit) -> readFile(job, emit, packer),
                ParsePipeline.PARSERS,
                ParsePipeline.QUEUE,
                priority)) {
            for (ParsePipeline.Piece piece = pipeline.next(); piece != null; piece = pipeline.next()) {
                if (stopped.getAsBoolean()) {
                    batch.flush();
                    return false;
                }
                FileRead read = reads.get(piece.job().file().path().toString());
                boolean taken = false;
                try {
                    taken = applier.take(read, piece, batch);
                } catch (RuntimeException e) {
                    LOG.warn("could not index {}: {}", piece.job().file().path(), e.toString());
                    read.abandoned = true;
                }
                if (!taken) {
                    packer.release(piece.packed());
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

    /**
     * A parser thread's work: the file's new complete lines, read by bounded steps, in order, each
     * step's bytes packed for the archive here too (compression is most of the archive's cost).
     */
    private void readFile(ParsePipeline.Job job, ParsePipeline.Emitter emit, TranscriptArchiving.Packer packer)
            throws InterruptedException {
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
            emit.emit(new ParsePipeline.Piece(job, offset, delta, last, packer.pack(file, offset, delta.endOffset())));
            if (last) {
                return;
            }
            previous = delta.lastMessageId() != null ? delta.lastMessageId() : previous;
            offset = delta.endOffset();
        }
        emit.emit(new ParsePipeline.Piece(job, offset, null, true));
    }

    /**
     * The session a file's lines will most likely name, to look it up ahead: the one it was read
     * into before, else its name ({@code <session>.jsonl}), or for a subagent file
     * ({@code <session>/subagents/agent-….jsonl}) its session's folder. Null when none looks like one.
     */
    private static SessionId expectedSession(FileRead read) {
        if (read.knownSession != null) {
            return read.knownSession;
        }
        Path path = read.job.file().path();
        Path named = read.job.file().subagent() && path.getParent() != null
                ? path.getParent().getParent()
                : path;
        if (named == null || named.getFileName() == null) {
            return null;
        }
        String name = named.getFileName().toString();
        return SessionId.parse(name.endsWith(".jsonl") ? name.substring(0, name.length() - 6) : name)
                .orElse(null);
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
        if (reset && archiving.enabled() && archiving.archivedEnd(path) > 0) {
            // Replaced or shrunk: the copy described the old content.
            archiving.drop(path);
        }
        if (!reset && file.size() == offset) {
            // Indexed before the archive was switched on, or a copy that failed: catch up.
            if (known.get().sessionId() != null && archiving.enabled() && archiving.archivedEnd(path) < offset) {
                archiving.archiveUpTo(file, known.get().sessionId(), offset);
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
}
