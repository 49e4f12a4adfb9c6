package dev.ccui.adapters.persistence.history;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ccui.adapters.persistence.DatabaseContract;
import dev.ccui.adapters.persistence.project.JdbiProjectRepository;
import dev.ccui.application.history.port.out.FileState;
import dev.ccui.application.history.port.out.IndexedLine;
import dev.ccui.application.history.port.out.IndexedSession;
import dev.ccui.application.history.port.out.LineRef;
import dev.ccui.application.history.port.out.TranscriptArchive;
import dev.ccui.domain.project.Project;
import dev.ccui.domain.project.ProjectId;
import dev.ccui.domain.session.SessionId;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The transcript archive and the archived marks of the index, on every database we support. */
abstract class TranscriptArchiveContract extends DatabaseContract {
    private static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");
    private static final SessionId SESSION = new SessionId("0b5e6f0e-1111-4222-8333-444455556666");

    private JdbiTranscriptArchive archive;
    private JdbiSessionIndexWriter writer;
    private JdbiSessionIndexQuery query;
    private JdbiProjectRepository projects;
    private ProjectId project;

    @BeforeEach
    void setUp() {
        archive = new JdbiTranscriptArchive(database(), Clock.fixed(T0, ZoneOffset.UTC));
        writer = new JdbiSessionIndexWriter(database());
        query = new JdbiSessionIndexQuery(database());
        projects = new JdbiProjectRepository(database().jdbi());
        project = ProjectId.random();
        projects.insert(new Project(project, "/work/alpha", "alpha", false, false, false, true, null, T0, T0));
    }

    /** JSON lines of a transcript, exactly {@code size} bytes (the last line cut). */
    static byte[] transcript(int size) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; text.length() < size; i++) {
            text.append("{\"type\":\"user\",\"uuid\":\"u")
                    .append(i)
                    .append("\",\"message\":{\"content\":\"line ")
                    .append(i)
                    .append(" of a long conversation about archives\"}}\n");
        }
        return Arrays.copyOf(text.toString().getBytes(StandardCharsets.UTF_8), size);
    }

    @Test
    void piecesOfSeveralFilesPackedOnOtherThreadsAreKeptInOneGoAndReadBackExactly() throws Exception {
        byte[] a = transcript(JdbiTranscriptArchive.CHUNK_BYTES + 5_000);
        byte[] b = transcript(5_000);
        int split = 1_000;
        // As the indexer's parser threads pack what they read, and its writer keeps it after the commit.
        List<TranscriptArchive.Packed> packed;
        try (var threads = java.util.concurrent.Executors.newFixedThreadPool(2)) {
            var first = threads.submit(() -> archive.pack("/t/a.jsonl", 0, Arrays.copyOfRange(a, 0, split)));
            var second =
                    threads.submit(() -> archive.pack("/t/a.jsonl", split, Arrays.copyOfRange(a, split, a.length)));
            var third = threads.submit(() -> archive.pack("/t/b.jsonl", 0, b));
            packed = List.of(first.get(), second.get(), third.get());
        }
        assertThat(packed.get(1).chunks()).hasSize(2);
        assertThat(archive.end("/t/a.jsonl")).isZero();

        archive.appendAll(packed.stream()
                .map(p -> new TranscriptArchive.Append(SESSION, p))
                .toList());

        assertThat(archive.ends()).isEqualTo(Map.of("/t/a.jsonl", (long) a.length, "/t/b.jsonl", (long) b.length));
        assertThat(archive.read("/t/a.jsonl", split - 20, 40))
                .hasValueSatisfying(read -> assertThat(read).isEqualTo(Arrays.copyOfRange(a, split - 20, split + 20)));
        try (InputStream in = archive.open("/t/a.jsonl").orElseThrow()) {
            assertThat(in.readAllBytes()).isEqualTo(a);
        }
        try (InputStream in = archive.open("/t/b.jsonl").orElseThrow()) {
            assertThat(in.readAllBytes()).isEqualTo(b);
        }
        assertThat(archive.stats().rawBytes()).isEqualTo(a.length + b.length);
        assertThat(archive.stats().storedBytes()).isLessThan(a.length + b.length);
    }

    @Test
    void aFileAppendedInPiecesReadsBackExactlyAcrossChunksAndTakesLessRoom() throws Exception {
        byte[] bytes = transcript(JdbiTranscriptArchive.CHUNK_BYTES * 2 + 12_345);
        int firstPiece = JdbiTranscriptArchive.CHUNK_BYTES + 100;
        archive.append("/t/a.jsonl", SESSION, 0, Arrays.copyOfRange(bytes, 0, firstPiece));
        assertThat(archive.end("/t/a.jsonl")).isEqualTo(firstPiece);
        archive.append("/t/a.jsonl", SESSION, firstPiece, Arrays.copyOfRange(bytes, firstPiece, bytes.length));

        assertThat(archive.end("/t/a.jsonl")).isEqualTo(bytes.length);
        assertThat(archive.ends()).isEqualTo(Map.of("/t/a.jsonl", (long) bytes.length));
        assertThat(archive.end("/t/other.jsonl")).isZero();
        // A range that spans the boundary of two stored pieces, and one at the very end.
        long across = JdbiTranscriptArchive.CHUNK_BYTES - 50;
        assertThat(archive.read("/t/a.jsonl", across, 300))
                .hasValueSatisfying(read ->
                        assertThat(read).isEqualTo(Arrays.copyOfRange(bytes, (int) across, (int) across + 300)));
        assertThat(archive.read("/t/a.jsonl", bytes.length - 10, 10))
                .hasValueSatisfying(
                        read -> assertThat(read).isEqualTo(Arrays.copyOfRange(bytes, bytes.length - 10, bytes.length)));
        assertThat(archive.read("/t/a.jsonl", bytes.length - 10, 11)).isEmpty();
        assertThat(archive.read("/t/missing.jsonl", 0, 10)).isEmpty();
        try (InputStream whole = archive.open("/t/a.jsonl").orElseThrow()) {
            assertThat(whole.readAllBytes()).isEqualTo(bytes);
        }
        TranscriptArchive.Stats stats = archive.stats();
        assertThat(stats.files()).isEqualTo(1);
        assertThat(stats.rawBytes()).isEqualTo(bytes.length);
        assertThat(stats.storedBytes()).isPositive().isLessThan(bytes.length / 5);

        archive.drop("/t/a.jsonl");
        assertThat(archive.open("/t/a.jsonl")).isEmpty();
        assertThat(archive.read("/t/a.jsonl", 0, 10)).isEmpty();
        assertThat(archive.stats()).isEqualTo(new TranscriptArchive.Stats(0, 0, 0));
    }

    @Test
    void aFileAnEarlierVersionStoredAsGzipReadsBackWholeWithWhatIsAppendedNow() throws Exception {
        byte[] bytes = transcript(300_000);
        int old = 200_000;
        // As the archive stored chunks until now: one gzip member per chunk.
        var gzipped = new java.io.ByteArrayOutputStream();
        try (var out = new java.util.zip.GZIPOutputStream(gzipped)) {
            out.write(bytes, 0, old);
        }
        database()
                .jdbi()
                .useHandle(h -> h.createUpdate(
                                "INSERT INTO transcript_archive (path, start_offset, "
                                        + "end_offset, session_id, data, stored_at) VALUES ('/t/a.jsonl', 0, :end, :session, :data, 0)")
                        .bind("end", old)
                        .bind("session", SESSION.value())
                        .bind("data", gzipped.toByteArray())
                        .execute());

        archive.append("/t/a.jsonl", SESSION, old, Arrays.copyOfRange(bytes, old, bytes.length));

        assertThat(archive.end("/t/a.jsonl")).isEqualTo(bytes.length);
        assertThat(archive.read("/t/a.jsonl", old - 30, 60))
                .hasValueSatisfying(read -> assertThat(read).isEqualTo(Arrays.copyOfRange(bytes, old - 30, old + 30)));
        try (InputStream whole = archive.open("/t/a.jsonl").orElseThrow()) {
            assertThat(whole.readAllBytes()).isEqualTo(bytes);
        }
    }

    @Test
    void aSessionWhoseFilesAreAllGoneIsArchivedWithItsLinesAndSearchTextUntilItsFileIsReadAgain() {
        IndexedSession first = new IndexedSession(
                SESSION,
                project,
                "/work/alpha",
                null,
                null,
                null,
                null,
                "how do archives work",
                "last",
                "main",
                T0,
                T0,
                1,
                Set.of(),
                1,
                1,
                Map.of(),
                false,
                1);
        IndexedSession session = new IndexedSession(
                SESSION,
                project,
                "/work/alpha",
                null,
                null,
                null,
                null,
                "how do archives work",
                "last",
                "main",
                T0,
                T0,
                2,
                Set.of(),
                1,
                1,
                Map.of(),
                false,
                2);
        List<IndexedLine> lines = List.of(
                new IndexedLine(new LineRef("/t/main.jsonl", 0, 99), "user", T0, false, false),
                new IndexedLine(new LineRef("/t/agent.jsonl", 0, 99), "assistant", T0, false, true));
        writer.apply(
                first,
                new FileState("/t/main.jsonl", SESSION, 100, T0, "k1", 100, null, 0),
                lines.subList(0, 1),
                "zebrafish archives",
                false);
        writer.apply(
                session,
                new FileState("/t/agent.jsonl", SESSION, 100, T0, "k2", 100, null, 0),
                lines.subList(1, 2),
                "",
                false);

        writer.markArchived("/t/main.jsonl", T0.plusSeconds(60));
        assertThat(query.summary(SESSION).orElseThrow().archived())
                .as("one file is still on disk")
                .isFalse();
        writer.markArchived("/t/agent.jsonl", T0.plusSeconds(120));

        var summary = query.summary(SESSION).orElseThrow();
        assertThat(summary.archived()).isTrue();
        assertThat(summary.archivedAt()).isEqualTo(T0.plusSeconds(120));
        assertThat(query.listSessions(project, 10, null, false).items())
                .singleElement()
                .satisfies(listed -> assertThat(listed.archivedAt()).isEqualTo(T0.plusSeconds(120)));
        assertThat(projects.overview(project).orElseThrow().archivedSessionCount())
                .isEqualTo(1);
        assertThat(writer.fileState("/t/main.jsonl").orElseThrow().archivedAt()).isEqualTo(T0.plusSeconds(60));
        assertThat(query.filesOf(SESSION))
                .extracting(FileState::path)
                .containsExactly("/t/agent.jsonl", "/t/main.jsonl");
        assertThat(query.lines(SESSION, null, 10)).hasSize(2);
        assertThat(query.search("zebrafish", List.of(project), 10))
                .singleElement()
                .satisfies(hit -> assertThat(hit.sessionId()).isEqualTo(SESSION));

        // The file is back (written back to be resumed): read again, the session is on disk again.
        writer.apply(
                session, new FileState("/t/main.jsonl", SESSION, 100, T0, "k3", 100, null, 0), List.of(), "", false);
        assertThat(query.summary(SESSION).orElseThrow().archived()).isFalse();
        assertThat(writer.fileState("/t/main.jsonl").orElseThrow().archivedAt()).isNull();
        assertThat(projects.overview(project).orElseThrow().archivedSessionCount())
                .isZero();
    }
}
