package dev.ccui.adapters.process.claude;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Reads UTF-8 lines from a stream without ever holding more than {@code maxLineBytes} of one
 * line: a longer line is skipped to its end and reported as {@link Line#skippedBytes()}.
 */
final class BoundedLineReader {
    private final InputStream in;
    private final int maxLineBytes;
    private final byte[] chunk = new byte[64 * 1024];
    private int chunkPos;
    private int chunkEnd;
    private byte[] line = new byte[8 * 1024];
    private int lineLength;

    /** A line read, or the size of a line that was too long ({@code text} is then {@code null}). */
    record Line(String text, long skippedBytes) {}

    BoundedLineReader(InputStream in, int maxLineBytes) {
        this.in = in;
        this.maxLineBytes = maxLineBytes;
    }

    /** The next line without its terminator, or {@code null} at the end of the stream. */
    Line next() throws IOException {
        lineLength = 0;
        long skipped = 0;
        boolean overflow = false;
        while (true) {
            if (chunkPos == chunkEnd) {
                int read = in.read(chunk);
                if (read < 0) {
                    if (overflow) {
                        return new Line(null, skipped);
                    }
                    return lineLength == 0 ? null : new Line(decode(), 0);
                }
                chunkPos = 0;
                chunkEnd = read;
            }
            int newline = indexOfNewline();
            int end = newline < 0 ? chunkEnd : newline;
            int count = end - chunkPos;
            if (overflow) {
                skipped += count;
            } else if ((long) lineLength + count > maxLineBytes) {
                overflow = true;
                skipped = (long) lineLength + count;
                lineLength = 0;
                line = new byte[8 * 1024];
            } else {
                append(count);
            }
            chunkPos = end;
            if (newline >= 0) {
                chunkPos++;
                return overflow ? new Line(null, skipped) : new Line(decode(), 0);
            }
        }
    }

    private int indexOfNewline() {
        for (int i = chunkPos; i < chunkEnd; i++) {
            if (chunk[i] == '\n') {
                return i;
            }
        }
        return -1;
    }

    private void append(int count) {
        if (lineLength + count > line.length) {
            line = Arrays.copyOf(line, Math.min(maxLineBytes, Math.max(line.length * 2, lineLength + count)));
        }
        System.arraycopy(chunk, chunkPos, line, lineLength, count);
        lineLength += count;
    }

    private String decode() {
        int length = lineLength;
        if (length > 0 && line[length - 1] == '\r') {
            length--;
        }
        String text = new String(line, 0, length, StandardCharsets.UTF_8);
        if (line.length > 1024 * 1024) {
            // Do not keep a huge buffer alive for the short lines that usually follow.
            line = new byte[8 * 1024];
        }
        return text;
    }
}
