package dev.ccui.adapters.persistence.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;

class ArchiveChunksTest {
    @Test
    void aPieceOfAnArrayPacksSmallerAndUnpacksToExactlyThoseBytes() {
        byte[] bytes = TranscriptArchiveContract.transcript(JdbiTranscriptArchive.CHUNK_BYTES + 100);
        byte[] packed = ArchiveChunks.pack(bytes, 100, JdbiTranscriptArchive.CHUNK_BYTES);

        assertThat(packed.length).isLessThan(JdbiTranscriptArchive.CHUNK_BYTES / 3);
        assertThat(ArchiveChunks.unpack(packed)).isEqualTo(Arrays.copyOfRange(bytes, 100, bytes.length));
    }

    @Test
    void bytesThatDoNotCompressAndNoBytesAtAllStillRoundTrip() {
        byte[] noise = new byte[70_000];
        new Random(7).nextBytes(noise);

        assertThat(ArchiveChunks.unpack(ArchiveChunks.pack(noise, 0, noise.length)))
                .isEqualTo(noise);
        assertThat(ArchiveChunks.unpack(ArchiveChunks.pack(noise, 5, 0))).isEmpty();
    }

    @Test
    void moreThanAChunkIsRefusedRatherThanStoredUnreadable() {
        byte[] bytes = TranscriptArchiveContract.transcript(JdbiTranscriptArchive.CHUNK_BYTES + 1);

        assertThatThrownBy(() -> ArchiveChunks.pack(bytes, 0, bytes.length))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aChunkAnEarlierVersionStoredAsAGzipMemberStillUnpacks() throws Exception {
        byte[] bytes = TranscriptArchiveContract.transcript(50_000);
        var gzip = new ByteArrayOutputStream();
        try (var out = new GZIPOutputStream(gzip)) {
            out.write(bytes);
        }

        assertThat(ArchiveChunks.unpack(gzip.toByteArray())).isEqualTo(bytes);
    }

    @Test
    void aDamagedChunkIsAnErrorNeverOtherBytes() {
        byte[] bytes = TranscriptArchiveContract.transcript(40_000);
        byte[] packed = ArchiveChunks.pack(bytes, 0, bytes.length);

        byte[] flipped = packed.clone();
        flipped[flipped.length / 2] ^= 0x20;
        byte[] cut = Arrays.copyOf(packed, packed.length - 10);
        byte[] lyingLength = packed.clone();
        lyingLength[4] = 0x7f;

        for (byte[] damaged :
                new byte[][] {flipped, cut, lyingLength, "not a chunk".getBytes(StandardCharsets.UTF_8)}) {
            assertThatThrownBy(() -> ArchiveChunks.unpack(damaged)).isInstanceOf(UncheckedIOException.class);
        }
    }
}
