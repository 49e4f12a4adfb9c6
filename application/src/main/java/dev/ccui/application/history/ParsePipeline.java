package dev.ccui.application.history;

import dev.ccui.application.history.port.out.BackgroundPriority;
import dev.ccui.application.history.port.out.TranscriptArchive;
import dev.ccui.application.history.port.out.TranscriptDelta;
import dev.ccui.application.history.port.out.TranscriptFile;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads files on a few parser threads into a bounded queue that one consumer drains (the
 * indexer's thread, the index's only writer): parsing uses every core while the database sees
 * one writer, and however many files there are, at most {@code capacity} reads wait in memory.
 * The pieces of one file arrive in file order; files interleave.
 */
final class ParsePipeline implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ParsePipeline.class);
    /** Parser threads: every core, while the indexer's own thread writes what they read. */
    static final int PARSERS = Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors()));
    /** Reads waiting for the writer at most: memory stays bounded however many files there are. */
    static final int QUEUE = 16;
    /** Jobs from which the parsers run at background priority; a few files' reads are over too soon to matter. */
    static final int BACKGROUND_FROM = 8;

    /** A file to read from {@code offset}; {@code previousMessageId} as {@code TranscriptStore#read} takes it. */
    record Job(TranscriptFile file, long offset, String previousMessageId) {}

    /**
     * One read of a job's file, which started at {@code from}; {@code delta} null when nothing more
     * could be read. {@code last}: no more pieces of this job follow. {@code packed}: the bytes read,
     * packed for the archive by the parser thread (null when the archive is off or they were not packed).
     */
    record Piece(Job job, long from, TranscriptDelta delta, boolean last, TranscriptArchive.Packed packed) {
        Piece(Job job, long from, TranscriptDelta delta, boolean last) {
            this(job, from, delta, last, null);
        }
    }

    /** How a parser thread reads one job, handing each piece on in order. */
    @FunctionalInterface
    interface Reader {
        void read(Job job, Emitter emit) throws InterruptedException;
    }

    @FunctionalInterface
    interface Emitter {
        void emit(Piece piece) throws InterruptedException;
    }

    private static final Piece END = new Piece(null, 0, null, true);

    private final List<Job> jobs;
    private final Reader reader;
    private final BlockingQueue<Piece> queue;
    private final AtomicInteger next = new AtomicInteger();
    private final AtomicInteger running;
    private final List<Thread> parsers = new ArrayList<>();
    private volatile boolean closed;

    private ParsePipeline(List<Job> jobs, Reader reader, int capacity, int threads) {
        this.jobs = List.copyOf(jobs);
        this.reader = reader;
        this.queue = new ArrayBlockingQueue<>(capacity);
        this.running = new AtomicInteger(threads);
    }

    /**
     * Starts {@code threads} parsers (fewer when there are fewer jobs) on the jobs, at background
     * priority when there are at least {@link #BACKGROUND_FROM} of them (a pass, not a file that grew).
     */
    static ParsePipeline start(List<Job> jobs, Reader reader, int threads, int capacity, BackgroundPriority priority) {
        int count = Math.max(1, Math.min(threads, jobs.size()));
        ParsePipeline pipeline = new ParsePipeline(jobs, reader, capacity, count);
        BackgroundPriority lowered = jobs.size() >= BACKGROUND_FROM ? priority : BackgroundPriority.NONE;
        for (int i = 0; i < count; i++) {
            pipeline.parsers.add(IndexThreads.start("ccui-index-parser-" + i, lowered, pipeline::parse));
        }
        return pipeline;
    }

    private void parse() {
        try {
            for (int i = next.getAndIncrement(); i < jobs.size() && !closed; i = next.getAndIncrement()) {
                Job job = jobs.get(i);
                try {
                    reader.read(job, queue::put);
                } catch (RuntimeException e) {
                    // One bad file never stops the others: its job ends where it failed.
                    LOG.warn("could not index {}: {}", job.file().path(), e.toString());
                    queue.put(new Piece(job, job.offset(), null, true));
                }
            }
            if (running.decrementAndGet() == 0) {
                queue.put(END);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The next piece, waiting for one; null when every job is done. */
    Piece next() throws InterruptedException {
        Piece piece = queue.take();
        return piece == END ? null : piece;
    }

    /** Whether a piece is waiting (so the consumer can gather more before it writes). */
    boolean ready() {
        return !queue.isEmpty();
    }

    /** Stops the parsers (when the consumer stops early) and waits for them. */
    @Override
    public void close() {
        closed = true;
        for (Thread parser : parsers) {
            parser.interrupt();
        }
        queue.clear();
        for (Thread parser : parsers) {
            try {
                parser.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
