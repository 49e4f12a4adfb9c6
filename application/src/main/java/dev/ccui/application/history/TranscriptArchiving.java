package dev.ccui.application.history;

import dev.ccui.application.history.port.out.TranscriptArchive;
import dev.ccui.application.history.port.out.TranscriptFile;
import dev.ccui.application.history.port.out.TranscriptStore;
import dev.ccui.domain.session.SessionId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The indexer's side of the archive: how much of each file it holds, and copying what was indexed
 * into it. During a full pass the archive's ends are read once and kept here, as asking the archive
 * for every one of thousands of files would cost a query each.
 */
final class TranscriptArchiving {
    private static final Logger LOG = LoggerFactory.getLogger(TranscriptArchiving.class);
    /** How much of a file is copied into the archive at once: the archive's chunk, whatever the file's size. */
    private static final int ARCHIVE_PIECE = 1 << 20;
    /**
     * Bytes read and packed by the parser threads that may wait for the writer at once (a batch and
     * the parse queue); stored compressed, so this holds about a quarter of it.
     */
    static final long MAX_PACKED_WAITING = 96L << 20;

    private final TranscriptArchive archive;
    private final TranscriptStore transcripts;
    /** During a full pass: how much of each file the archive holds (read once for the pass). */
    private Map<String, Long> archiveEnds;

    TranscriptArchiving(TranscriptArchive archive, TranscriptStore transcripts) {
        this.archive = archive;
        this.transcripts = transcripts;
    }

    boolean enabled() {
        return archive.enabled();
    }

    /** A full pass starts: the archive's ends are read once for it. */
    void passStarted() {
        archiveEnds = archive.enabled() ? new HashMap<>(archive.ends()) : null;
    }

    void passEnded() {
        archiveEnds = null;
    }

    /** How much of the file the archive holds. */
    long archivedEnd(String path) {
        return archiveEnds != null ? archiveEnds.getOrDefault(path, 0L) : archive.end(path);
    }

    /** Drops the archived copy of a file. */
    void drop(String path) {
        archive.drop(path);
        if (archiveEnds != null) {
            archiveEnds.remove(path);
        }
    }

    /**
     * The packing of one batch of reads (a {@link FullRead} consume): parser threads pack what they
     * read, up to a bound of bytes waiting for the writer, beyond which a read is left for the writer
     * to copy ({@link #archiveUpTo}) after its commit, as before packing, so memory stays bounded
     * however large the files.
     */
    Packer packer() {
        return new Packer();
    }

    final class Packer {
        private final AtomicLong waiting = new AtomicLong();

        /**
         * On a parser thread: the file's bytes {@code from} to {@code end}, packed for the archive; null
         * when the archive is off, the bound is reached or the bytes could not all be read.
         */
        TranscriptArchive.Packed pack(TranscriptFile file, long from, long end) {
            long length = end - from;
            if (!archive.enabled() || length <= 0) {
                return null;
            }
            if (waiting.addAndGet(length) > MAX_PACKED_WAITING) {
                waiting.addAndGet(-length);
                return null;
            }
            String path = file.path().toString();
            List<TranscriptArchive.Chunk> chunks = new ArrayList<>();
            try {
                for (long at = from; at < end; ) {
                    Optional<byte[]> bytes = transcripts.bytes(file, at, (int) Math.min(ARCHIVE_PIECE, end - at));
                    if (bytes.isEmpty() || bytes.get().length == 0) {
                        waiting.addAndGet(-length);
                        return null;
                    }
                    TranscriptArchive.Packed piece = archive.pack(path, at, bytes.get());
                    chunks.addAll(piece.chunks());
                    at = piece.end();
                }
            } catch (RuntimeException e) {
                waiting.addAndGet(-length);
                LOG.debug("could not pack {} for the archive: {}", path, e.toString());
                return null;
            }
            return new TranscriptArchive.Packed(path, from, end, chunks);
        }

        /**
         * On the writer's thread, after the index committed the reads: keeps what was packed in one
         * transaction, and copies what was not (or does not continue the archived copy) as before.
         */
        void keepAll(List<IndexBatch.Copy> copies) {
            try {
                keep(copies);
            } catch (RuntimeException e) {
                LOG.warn("could not copy {} transcript reads into the archive: {}", copies.size(), e.toString());
            } finally {
                copies.forEach(copy -> release(copy.packed()));
            }
        }

        /** What was packed is kept or dropped: it no longer counts as waiting. */
        void release(TranscriptArchive.Packed packed) {
            if (packed != null) {
                waiting.addAndGet(packed.offset() - packed.end());
            }
        }

        private void keep(List<IndexBatch.Copy> copies) {
            if (!archive.enabled() || copies.isEmpty()) {
                return;
            }
            List<TranscriptArchive.Append> appends = new ArrayList<>();
            List<IndexBatch.Copy> packedCopies = new ArrayList<>();
            List<IndexBatch.Copy> unpacked = new ArrayList<>();
            // Where each file's copy ends once the packed pieces before in this batch are kept.
            Map<String, Long> ends = new HashMap<>();
            Set<String> copiedOneByOne = new HashSet<>();
            for (IndexBatch.Copy copy : copies) {
                String path = copy.file().path().toString();
                TranscriptArchive.Packed packed = copy.packed();
                long end = ends.containsKey(path) ? ends.get(path) : archivedEnd(path);
                if (!copiedOneByOne.contains(path) && packed != null && packed.offset() == end) {
                    appends.add(new TranscriptArchive.Append(copy.session(), packed));
                    packedCopies.add(copy);
                    ends.put(path, packed.end());
                } else if (copiedOneByOne.contains(path) || end < copy.end()) {
                    // After the packed pieces, in order, from wherever the archive then ends.
                    copiedOneByOne.add(path);
                    unpacked.add(copy);
                }
            }
            if (!appends.isEmpty()) {
                try {
                    archive.appendAll(appends);
                    if (archiveEnds != null) {
                        archiveEnds.putAll(ends);
                    }
                } catch (RuntimeException e) {
                    LOG.warn(
                            "copying {} reads into the archive at once failed ({}); copying them one by one",
                            appends.size(),
                            e.toString());
                    unpacked.addAll(0, packedCopies);
                }
            }
            for (IndexBatch.Copy copy : unpacked) {
                try {
                    archiveUpTo(copy.file(), copy.session(), copy.end());
                } catch (RuntimeException e) {
                    LOG.warn(
                            "could not copy {} into the archive: {}",
                            copy.file().path(),
                            e.toString());
                }
            }
        }
    }

    /** Copies the file's bytes from what the archive holds up to {@code end} into the archive. */
    void archiveUpTo(TranscriptFile file, SessionId session, long end) {
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
}
