package dev.ccui.adapters.process.workspace.terminal;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Turns a byte stream into whole characters: a multi-byte sequence split between two reads is
 * held back until its last byte arrives, so no frame ever ends in half a character. Invalid bytes
 * become U+FFFD. Not thread-safe (one reader thread).
 */
final class Utf8Framer {
    private final CharsetDecoder decoder = StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPLACE)
            .onUnmappableCharacter(CodingErrorAction.REPLACE);
    private final ByteBuffer pending;
    private final CharBuffer chars;

    Utf8Framer(int bufferSize) {
        pending = ByteBuffer.allocate(bufferSize + 4);
        chars = CharBuffer.allocate(bufferSize + 4);
    }

    /** Decodes {@code length} more bytes; returns the complete characters (possibly empty). */
    String feed(byte[] bytes, int length) {
        int offset = 0;
        StringBuilder out = new StringBuilder(length);
        while (offset < length) {
            int n = Math.min(pending.remaining(), length - offset);
            pending.put(bytes, offset, n);
            offset += n;
            pending.flip();
            decoder.decode(pending, chars, false);
            chars.flip();
            out.append(chars);
            chars.clear();
            pending.compact();
        }
        return out.toString();
    }

    /** The end of the stream: whatever is left over is an incomplete sequence, shown as U+FFFD. */
    String finish() {
        pending.flip();
        decoder.decode(pending, chars, true);
        decoder.flush(chars);
        chars.flip();
        String rest = chars.toString();
        chars.clear();
        pending.clear();
        return rest;
    }
}
