package dev.ccui.adapters.persistence.history;

import dev.ccui.adapters.persistence.db.Database;
import dev.ccui.application.history.port.out.TranscriptArchive;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.PreparedBatch;

/**
 * The transcript archive in the database (table {@code transcript_archive}): each file as
 * compressed chunks ({@link ArchiveChunks}) of at most {@link #CHUNK_BYTES} original bytes, so reading one message of an archived
 * file inflates at most a chunk, and growing a file stores only what it grew by.
 */
public final class JdbiTranscriptArchive implements TranscriptArchive {
    static final int CHUNK_BYTES = 1 << 20;
    private static final int CACHED_CHUNKS = 8;

    private final Jdbi jdbi;
    private final Database database;
    private final Clock clock;
    /** The last unpacked chunks: a page of messages reads many lines of the same chunk. */
    private final Map<String, byte[]> unpacked = Collections.synchronizedMap(new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, byte[]> eldest) {
            return size() > CACHED_CHUNKS;
        }
    });

    public JdbiTranscriptArchive(Database database, Clock clock) {
        this.jdbi = database.jdbi();
        this.database = database;
        this.clock = clock;
    }

    @Override
    public boolean enabled() {
        return true;
    }

    @Override
    public Map<String, Long> ends() {
        Map<String, Long> ends = new HashMap<>();
        jdbi.useHandle(h -> h.createQuery("SELECT path, MAX(end_offset) AS e FROM transcript_archive GROUP BY path")
                .map((rs, ctx) -> ends.put(rs.getString("path"), rs.getLong("e")))
                .list());
        return ends;
    }

    @Override
    public long end(String path) {
        return jdbi.withHandle(
                h -> h.createQuery("SELECT COALESCE(MAX(end_offset), 0) FROM transcript_archive WHERE path = :path")
                        .bind("path", path)
                        .mapTo(Long.class)
                        .one());
    }

    @Override
    public Packed pack(String path, long offset, byte[] bytes) {
        List<Chunk> chunks = new ArrayList<>((bytes.length + CHUNK_BYTES - 1) / CHUNK_BYTES);
        for (int from = 0; from < bytes.length; from += CHUNK_BYTES) {
            int length = Math.min(CHUNK_BYTES, bytes.length - from);
            chunks.add(new Chunk(offset + from, offset + from + length, ArchiveChunks.pack(bytes, from, length)));
        }
        return new Packed(path, offset, offset + bytes.length, chunks);
    }

    @Override
    public void appendAll(List<Append> appends) {
        if (appends.stream().allMatch(a -> a.packed().chunks().isEmpty())) {
            return;
        }
        long now = clock.millis();
        database.bulkTransaction(h -> {
            PreparedBatch batch =
                    h.prepareBatch("INSERT INTO transcript_archive (path, start_offset, end_offset, session_id, "
                            + "data, stored_at) VALUES (:path, :start, :end, :session, :data, :at) ON CONFLICT (path, start_offset) "
                            + "DO UPDATE SET end_offset = excluded.end_offset, session_id = excluded.session_id, data = excluded.data, "
                            + "stored_at = excluded.stored_at");
            for (Append append : appends) {
                for (Chunk chunk : append.packed().chunks()) {
                    batch.bind("path", append.packed().path())
                            .bind("start", chunk.start())
                            .bind("end", chunk.end())
                            .bind("session", append.session().value())
                            .bind("data", chunk.data())
                            .bind("at", now)
                            .add();
                }
            }
            batch.execute();
        });
    }

    @Override
    public void drop(String path) {
        jdbi.useHandle(h -> h.createUpdate("DELETE FROM transcript_archive WHERE path = :path")
                .bind("path", path)
                .execute());
        unpacked.keySet().removeIf(key -> key.startsWith(path + "\n"));
    }

    @Override
    public Optional<byte[]> read(String path, long offset, int length) {
        if (offset < 0 || length < 0) {
            return Optional.empty();
        }
        long end = offset + length;
        List<long[]> chunks = jdbi.withHandle(h -> h.createQuery(
                        "SELECT start_offset, end_offset FROM transcript_archive "
                                + "WHERE path = :path AND end_offset > :from AND start_offset < :to ORDER BY start_offset")
                .bind("path", path)
                .bind("from", offset)
                .bind("to", end)
                .map((rs, ctx) -> new long[] {rs.getLong(1), rs.getLong(2)})
                .list());
        byte[] result = new byte[length];
        long covered = offset;
        for (long[] chunk : chunks) {
            if (chunk[0] > covered) {
                return Optional.empty();
            }
            byte[] data = chunk(path, chunk[0]);
            if (data == null) {
                return Optional.empty();
            }
            int from = (int) (covered - chunk[0]);
            int count = (int) (Math.min(chunk[1], end) - covered);
            System.arraycopy(data, from, result, (int) (covered - offset), count);
            covered += count;
        }
        return covered == end ? Optional.of(result) : Optional.empty();
    }

    private byte[] chunk(String path, long start) {
        String key = path + "\n" + start;
        byte[] cached = unpacked.get(key);
        if (cached != null) {
            return cached;
        }
        Optional<byte[]> data = jdbi.withHandle(h -> h.createQuery(
                        "SELECT data FROM transcript_archive " + "WHERE path = :path AND start_offset = :start")
                .bind("path", path)
                .bind("start", start)
                .mapTo(byte[].class)
                .findOne());
        if (data.isEmpty()) {
            return null;
        }
        byte[] bytes = ArchiveChunks.unpack(data.get());
        unpacked.put(key, bytes);
        return bytes;
    }

    @Override
    public Optional<InputStream> open(String path) {
        List<byte[]> chunks = jdbi.withHandle(
                h -> h.createQuery("SELECT data FROM transcript_archive WHERE path = :path " + "ORDER BY start_offset")
                        .bind("path", path)
                        .mapTo(byte[].class)
                        .list());
        if (chunks.isEmpty()) {
            return Optional.empty();
        }
        // Each chunk is unpacked when the reader reaches it: at most one unpacked chunk at a time.
        Iterator<byte[]> packed = chunks.iterator();
        Enumeration<InputStream> streams = new Enumeration<>() {
            @Override
            public boolean hasMoreElements() {
                return packed.hasNext();
            }

            @Override
            public InputStream nextElement() {
                return new ByteArrayInputStream(ArchiveChunks.unpack(packed.next()));
            }
        };
        return Optional.of(new SequenceInputStream(streams));
    }

    @Override
    public Stats stats() {
        return jdbi.withHandle(h -> h.createQuery("SELECT COUNT(DISTINCT path) AS files, "
                        + "COALESCE(SUM(end_offset - start_offset), 0) AS raw, COALESCE(SUM(LENGTH(data)), 0) AS stored "
                        + "FROM transcript_archive")
                .map((rs, ctx) -> new Stats(rs.getLong("files"), rs.getLong("raw"), rs.getLong("stored")))
                .one());
    }
}
