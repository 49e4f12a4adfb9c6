package dev.ccui.application.workspace.terminal;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/**
 * A terminal's recent output as numbered chunks, bounded in UTF-8 bytes: the oldest chunks go
 * first. Not thread-safe; the terminal's lock guards it.
 */
final class Scrollback {
    record Chunk(long seq, String data, int bytes) {}

    private final int limitBytes;
    private final Deque<Chunk> chunks = new ArrayDeque<>();
    private long lastSeq;
    private long bytes;

    Scrollback(int limitBytes) {
        this.limitBytes = limitBytes;
    }

    /** Numbers and keeps a chunk; returns its seq. */
    long append(String data) {
        Chunk chunk = new Chunk(++lastSeq, data, utf8Length(data));
        chunks.addLast(chunk);
        bytes += chunk.bytes();
        while (bytes > limitBytes && chunks.size() > 1) {
            bytes -= chunks.removeFirst().bytes();
        }
        return chunk.seq();
    }

    List<Chunk> after(long seq) {
        return chunks.stream().filter(chunk -> chunk.seq() > seq).toList();
    }

    long lastSeq() {
        return lastSeq;
    }

    static int utf8Length(String text) {
        int length = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x80) {
                length++;
            } else if (c < 0x800) {
                length += 2;
            } else if (Character.isHighSurrogate(c)) {
                length += 4;
                i++;
            } else {
                length += 3;
            }
        }
        return length;
    }
}
