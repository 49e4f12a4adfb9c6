package dev.ccui.adapters.persistence.history;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.zip.CRC32C;
import java.util.zip.GZIPInputStream;
import net.jpountz.lz4.LZ4Compressor;
import net.jpountz.lz4.LZ4Exception;
import net.jpountz.lz4.LZ4Factory;
import net.jpountz.lz4.LZ4SafeDecompressor;

/**
 * How one chunk of a transcript is stored in the archive. New chunks are LZ4 blocks behind a
 * small header ({@code LZ4} and a version byte, the original length, its CRC-32C): the indexer
 * compresses every byte it reads, and gzip at its fastest level took more than half of the parser
 * threads' CPU (about 130 MB/s a core; LZ4 compresses 4-5 times as fast, to about a third instead of
 * a quarter of the size). Chunks an earlier version stored as gzip members stay readable.
 */
final class ArchiveChunks {
    private static final byte[] MAGIC = {'L', 'Z', '4', 1};
    private static final int HEADER = MAGIC.length + 8;

    /** The native LZ4 where it loads (it is copied out of the jar once, on first use), else LZ4 in Java. */
    private static final class Codec {
        static final LZ4Factory FACTORY = LZ4Factory.fastestInstance();
        static final LZ4Compressor COMPRESSOR = FACTORY.fastCompressor();
        static final LZ4SafeDecompressor DECOMPRESSOR = FACTORY.safeDecompressor();
    }

    /**
     * Each packing thread's room for a chunk's compressed form: allocated per chunk it was a
     * "humongous" object for G1 (over half a region), which grew the heap during an index pass.
     */
    private static final ThreadLocal<byte[]> SCRATCH = ThreadLocal.withInitial(
            () -> new byte[HEADER + Codec.COMPRESSOR.maxCompressedLength(JdbiTranscriptArchive.CHUNK_BYTES)]);

    private ArchiveChunks() {}

    /** The bytes {@code from} to {@code from + length} (at most a chunk's size), packed as a chunk. */
    static byte[] pack(byte[] bytes, int from, int length) {
        if (length > JdbiTranscriptArchive.CHUNK_BYTES) {
            // unpack refuses such a length as a damaged header: never store what cannot be read.
            throw new IllegalArgumentException("a chunk holds at most " + JdbiTranscriptArchive.CHUNK_BYTES + " bytes");
        }
        LZ4Compressor compressor = Codec.COMPRESSOR;
        int room = HEADER + compressor.maxCompressedLength(length);
        byte[] packed = SCRATCH.get();
        System.arraycopy(MAGIC, 0, packed, 0, MAGIC.length);
        CRC32C crc = new CRC32C();
        crc.update(bytes, from, length);
        ByteBuffer.wrap(packed, MAGIC.length, 8).putInt(length).putInt((int) crc.getValue());
        int size = compressor.compress(bytes, from, length, packed, HEADER, room - HEADER);
        return Arrays.copyOf(packed, HEADER + size);
    }

    /** A chunk's original bytes; an {@link UncheckedIOException} when it is neither kind or damaged. */
    static byte[] unpack(byte[] data) {
        if (isLz4(data)) {
            return unpackLz4(data);
        }
        try (var in = new GZIPInputStream(new ByteArrayInputStream(data))) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("an archived chunk is neither LZ4 nor gzip", e);
        }
    }

    private static boolean isLz4(byte[] data) {
        if (data.length < HEADER) {
            return false;
        }
        for (int i = 0; i < MAGIC.length; i++) {
            if (data[i] != MAGIC[i]) {
                return false;
            }
        }
        return true;
    }

    private static byte[] unpackLz4(byte[] data) {
        ByteBuffer header = ByteBuffer.wrap(data, MAGIC.length, 8);
        int length = header.getInt();
        int expectedCrc = header.getInt();
        // A chunk holds at most the archive's chunk size: a larger length is a damaged header.
        if (length < 0 || length > JdbiTranscriptArchive.CHUNK_BYTES) {
            throw damaged("its length " + length);
        }
        byte[] bytes = new byte[length];
        try {
            int written = Codec.DECOMPRESSOR.decompress(data, HEADER, data.length - HEADER, bytes, 0, length);
            if (written != length) {
                throw damaged("it holds " + written + " bytes, not " + length);
            }
        } catch (LZ4Exception e) {
            throw damaged(e.getMessage());
        }
        CRC32C crc = new CRC32C();
        crc.update(bytes);
        if ((int) crc.getValue() != expectedCrc) {
            throw damaged("its checksum");
        }
        return bytes;
    }

    private static UncheckedIOException damaged(String what) {
        return new UncheckedIOException(new IOException("an archived LZ4 chunk is damaged: " + what));
    }
}
