package dev.ccui.application.history.port.out;

import dev.ccui.domain.session.SessionId;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The app's own durable, compressed copy of each indexed transcript file, kept so that a session
 * whose file disappears (the CLI's clean-up, a user's {@code rm}) stays readable and searchable.
 * A file's copy is its bytes from 0 up to {@link #end(String)}, appended as the indexer reads on.
 */
public interface TranscriptArchive {

    /** False for the switched-off archive ({@code CCUI_ARCHIVE=off}): nothing is kept. */
    boolean enabled();

    /** How many bytes of each archived file are kept (path → end offset), for a whole pass at once. */
    Map<String, Long> ends();

    /** How many bytes of this file are kept (0 when none). */
    long end(String path);

    /** Keeps {@code bytes} as the file's bytes from {@code offset}, which must be {@link #end(String)}. */
    default void append(String path, SessionId sessionId, long offset, byte[] bytes) {
        if (bytes.length > 0) {
            appendAll(List.of(new Append(sessionId, pack(path, offset, bytes))));
        }
    }

    /**
     * A file's {@code bytes} from {@code offset} in the archive's stored (compressed) form, ready for
     * {@link #appendAll}. Safe on any thread and touches no database: the indexer's parser threads pack
     * what they read, so the compression is spread over the cores instead of held up by the one writer.
     */
    Packed pack(String path, long offset, byte[] bytes);

    /**
     * Keeps each packed piece as its file's bytes from its offset (which must be the file's {@link
     * #end(String)} by then, counting the pieces before it in the list), all in one transaction.
     */
    void appendAll(List<Append> appends);

    /** A file's bytes from {@code offset} to {@code end}, packed as stored: each chunk's data covers its range. */
    record Packed(String path, long offset, long end, List<Chunk> chunks) {
        public Packed {
            chunks = List.copyOf(chunks);
        }

        /** The bytes the packed form takes (what a batch holding it keeps in memory). */
        public long storedBytes() {
            long sum = 0;
            for (Chunk chunk : chunks) {
                sum += chunk.data().length;
            }
            return sum;
        }
    }

    /** Bytes {@code start} to {@code end} of a file in the archive's stored form. */
    record Chunk(long start, long end, byte[] data) {}

    /** A packed piece to keep, and the session it belongs to. */
    record Append(SessionId session, Packed packed) {}

    /** Drops a file's copy (the file was replaced and is read again from the start, or its retention ended). */
    void drop(String path);

    /** {@code length} bytes of the file from {@code offset}; empty when the archive does not hold them. */
    Optional<byte[]> read(String path, long offset, int length);

    /** The whole kept copy of a file, decompressed; empty when none is kept. */
    Optional<InputStream> open(String path);

    /** Files, original bytes and stored (compressed) bytes held. */
    Stats stats();

    record Stats(long files, long rawBytes, long storedBytes) {}

    /** The archive switched off. */
    TranscriptArchive NONE = new TranscriptArchive() {
        @Override
        public boolean enabled() {
            return false;
        }

        @Override
        public Map<String, Long> ends() {
            return Map.of();
        }

        @Override
        public long end(String path) {
            return 0;
        }

        @Override
        public void append(String path, SessionId sessionId, long offset, byte[] bytes) {}

        @Override
        public Packed pack(String path, long offset, byte[] bytes) {
            return new Packed(path, offset, offset + bytes.length, List.of());
        }

        @Override
        public void appendAll(List<Append> appends) {}

        @Override
        public void drop(String path) {}

        @Override
        public Optional<byte[]> read(String path, long offset, int length) {
            return Optional.empty();
        }

        @Override
        public Optional<InputStream> open(String path) {
            return Optional.empty();
        }

        @Override
        public Stats stats() {
            return new Stats(0, 0, 0);
        }
    };
}
