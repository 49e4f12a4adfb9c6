package dev.ccui.adapters.process.transcript;

import java.io.IOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;

/**
 * Splits a byte range of a file into its complete {@code \n}-terminated lines through one
 * fixed buffer, keeping exact byte offsets. A line longer than the limit is never held in
 * memory: it is only measured, so a 200 MB line costs the same few KiB as a short one.
 */
final class LineSplitter {
    static final int BUFFER_BYTES = 64 << 10;
    private static final VarHandle WORDS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long NEWLINES = 0x0A0A0A0A0A0A0A0AL;

    interface Sink {
        /** A line of at most the limit, in {@code bytes[from, from + length)} (valid during the call only). */
        void line(long offset, byte[] bytes, int from, int length) throws IOException;

        /** A line longer than the limit. */
        void oversized(long offset, long length) throws IOException;
    }

    private LineSplitter() {}

    /**
     * Feeds the complete lines between {@code from} and {@code to} to the sink, stopping at the
     * first line end at or past {@code from + maxBytes}.
     *
     * @return the offset just after the last complete line (a trailing partial line is left)
     */
    static long split(FileChannel channel, long from, long to, int maxLine, long maxBytes, Sink sink)
            throws IOException {
        // No bigger than the range: a glance at 8 KiB or a one-line read must not allocate 64 KiB each.
        ByteBuffer buffer = ByteBuffer.allocate((int) Math.max(Long.BYTES, Math.min(BUFFER_BYTES, to - from)));
        byte[] chunk = buffer.array();
        // The head of a line that spans chunks; grows only up to maxLine.
        byte[] carry = new byte[0];
        int carried = 0;
        long lineStart = from;
        long position = from;
        while (position < to) {
            buffer.clear();
            buffer.limit((int) Math.min(chunk.length, to - position));
            int read = channel.read(buffer, position);
            if (read <= 0) {
                break; // the file shrank while we read: stop at what we have
            }
            int segment = 0;
            for (int i = indexOfNewline(chunk, 0, read); i >= 0; i = indexOfNewline(chunk, i + 1, read)) {
                long length = position + i - lineStart;
                if (length > maxLine) {
                    sink.oversized(lineStart, length);
                } else if (carried == 0) {
                    sink.line(lineStart, chunk, segment, i - segment);
                } else {
                    carry = append(carry, carried, chunk, segment, i - segment, maxLine);
                    sink.line(lineStart, carry, 0, (int) length);
                }
                carried = 0;
                segment = i + 1;
                lineStart = position + segment;
                if (lineStart - from >= maxBytes) {
                    return lineStart;
                }
            }
            int rest = read - segment;
            long pending = position + read - lineStart;
            if (pending <= maxLine) {
                carry = append(carry, carried, chunk, segment, rest, maxLine);
                carried += rest;
            } else {
                carried = 0;
                carry = new byte[0];
            }
            position += read;
        }
        return lineStart;
    }

    /** The index of the next {@code \n} in {@code bytes[from, to)}, or -1; eight bytes per step. */
    static int indexOfNewline(byte[] bytes, int from, int to) {
        int i = from;
        for (; i + Long.BYTES <= to; i += Long.BYTES) {
            long word = (long) WORDS.get(bytes, i) ^ NEWLINES;
            long found = (word - 0x0101010101010101L) & ~word & 0x8080808080808080L;
            if (found != 0) {
                return i + (Long.numberOfTrailingZeros(found) >>> 3);
            }
        }
        for (; i < to; i++) {
            if (bytes[i] == '\n') {
                return i;
            }
        }
        return -1;
    }

    private static byte[] append(byte[] carry, int carried, byte[] source, int from, int length, int maxLine) {
        byte[] target = carry;
        if (carried + length > carry.length) {
            target = new byte[(int) Math.max(carried + length, Math.min(carry.length * 2L, maxLine))];
            System.arraycopy(carry, 0, target, 0, carried);
        }
        System.arraycopy(source, from, target, carried, length);
        return target;
    }
}
