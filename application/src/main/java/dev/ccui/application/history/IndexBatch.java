package dev.ccui.application.history;

import dev.ccui.application.history.port.out.IndexedSession;
import dev.ccui.application.history.port.out.SessionIndexWriter;
import dev.ccui.application.history.port.out.SessionIndexWriter.Applied;
import dev.ccui.application.history.port.out.TranscriptArchive;
import dev.ccui.application.history.port.out.TranscriptFile;
import dev.ccui.domain.session.SessionId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The reads of many files written in one transaction: a commit costs more than the rows of a
 * small file, so files are gathered up to a bound of reads, lines or time. Sessions merged into
 * the batch are looked up here first, as the database does not hold them yet.
 */
final class IndexBatch {
    private static final Logger LOG = LoggerFactory.getLogger(IndexBatch.class);
    /** Sessions read from the database at once when the next file's is not at hand. */
    static final int LOOK_AHEAD = 256;
    /** At most this many file reads per transaction. */
    static final int MAX_READS = 256;
    /** At most about this many message lines per transaction (a transaction holds them in memory). */
    static final int MAX_LINES = 50_000;
    /** A read waits at most this long for the commit, so what was read shows up soon. */
    static final long MAX_AGE_NANOS = 250_000_000L;

    /** At most about this many bytes read and packed for the archive per transaction (held in memory until then). */
    static final long MAX_PACKED_BYTES = 32L << 20;

    /**
     * What to copy into the archive once a read is committed: the file up to {@code end}, of which
     * {@code packed} (may be null) is the read's own bytes, already packed by a parser thread.
     */
    record Copy(TranscriptFile file, SessionId session, long end, TranscriptArchive.Packed packed) {}

    private final SessionIndexWriter index;
    private final Consumer<List<Copy>> afterCommit;
    private final List<Applied> applied = new ArrayList<>();
    private final List<Copy> copies = new ArrayList<>();
    private final Map<SessionId, IndexedSession> sessions = new HashMap<>();
    /**
     * Sessions read ahead from the database (windows of {@link #upcoming}), as committed, each until
     * {@link #find} takes it; null for those not indexed.
     */
    private final Map<SessionId, IndexedSession> ahead = new HashMap<>();

    private List<SessionId> upcoming = List.of();
    private int nextUpcoming;
    private long lines;
    private long packedBytes;
    private long startedAt;

    /** {@code afterCommit}: the committed reads' archive copies, in order (those of the reads that were written). */
    IndexBatch(SessionIndexWriter index, Consumer<List<Copy>> afterCommit) {
        this.index = index;
        this.afterCommit = afterCommit;
    }

    /**
     * The sessions of the files to be read, in the order they will be, so that {@link #find} asks the
     * database for a window of {@link #LOOK_AHEAD} of them at once instead of once per file.
     */
    void lookAhead(List<SessionId> upcoming) {
        this.upcoming = List.copyOf(upcoming);
        this.nextUpcoming = 0;
    }

    Optional<IndexedSession> find(SessionId id) {
        IndexedSession pending = sessions.get(id);
        if (pending != null) {
            return Optional.of(pending);
        }
        if (!ahead.containsKey(id) && nextUpcoming < upcoming.size()) {
            Set<SessionId> window = new LinkedHashSet<>();
            window.add(id);
            while (nextUpcoming < upcoming.size() && window.size() < LOOK_AHEAD) {
                SessionId next = upcoming.get(nextUpcoming++);
                if (!ahead.containsKey(next) && !sessions.containsKey(next)) {
                    window.add(next);
                }
            }
            Map<SessionId, IndexedSession> found = index.findAll(window);
            // Null for a session not indexed yet, so that it is not asked for again.
            window.forEach(w -> ahead.put(w, found.get(w)));
        }
        if (ahead.containsKey(id)) {
            // Taken once: once merged, the session is in this batch, then (if asked for again) in the database.
            return Optional.ofNullable(ahead.remove(id));
        }
        return index.find(id);
    }

    void add(Applied read, Copy copy) {
        if (applied.isEmpty()) {
            startedAt = System.nanoTime();
        }
        applied.add(read);
        copies.add(copy);
        sessions.put(read.session().id(), read.session());
        lines += read.lines().size();
        if (copy.packed() != null) {
            packedBytes += copy.packed().end() - copy.packed().offset();
        }
    }

    boolean full() {
        return applied.size() >= MAX_READS
                || lines >= MAX_LINES
                || packedBytes >= MAX_PACKED_BYTES
                || !applied.isEmpty() && System.nanoTime() - startedAt >= MAX_AGE_NANOS;
    }

    /** Writes what was gathered; when the transaction fails, each read alone, so one bad read loses only itself. */
    void flush() {
        if (applied.isEmpty()) {
            return;
        }
        try {
            boolean together = true;
            try {
                index.applyAll(applied);
            } catch (RuntimeException e) {
                LOG.warn(
                        "writing {} transcript reads at once failed ({}); writing them one by one",
                        applied.size(),
                        e.toString());
                together = false;
            }
            List<Copy> committed = new ArrayList<>(applied.size());
            Set<SessionId> failed = new HashSet<>();
            for (int i = 0; i < applied.size(); i++) {
                Applied a = applied.get(i);
                try {
                    if (!together) {
                        index.apply(a.session(), a.file(), a.lines(), a.searchText(), a.reset());
                    }
                    committed.add(copies.get(i));
                    // What the database now holds, should the session have been read ahead meanwhile.
                    if (ahead.containsKey(a.session().id())) {
                        ahead.put(a.session().id(), a.session());
                    }
                } catch (RuntimeException e) {
                    LOG.warn("could not index {}: {}", a.file().path(), e.toString());
                    failed.add(a.session().id());
                }
            }
            // Read again from the database, which holds what was committed before the failure.
            failed.forEach(ahead::remove);
            // Only what is committed is copied; a failed copy is caught up on a later pass.
            afterCommit.accept(committed);
        } finally {
            applied.clear();
            copies.clear();
            sessions.clear();
            lines = 0;
            packedBytes = 0;
        }
    }
}
