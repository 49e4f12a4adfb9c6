package dev.ccui.application.workspace.files;

import dev.ccui.domain.error.InvalidException;
import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/** The encodings the editor writes back; UTF-16 gets its byte-order mark, as read files had one. */
final class TextEncodings {
    private TextEncodings() {}

    static byte[] encode(String content, String encoding) {
        String name = encoding == null ? "utf-8" : encoding.toLowerCase(Locale.ROOT);
        return switch (name) {
            case "utf-8", "utf8" -> content.getBytes(StandardCharsets.UTF_8);
            case "utf-16le" -> withBom(new byte[] {(byte) 0xFF, (byte) 0xFE}, content, StandardCharsets.UTF_16LE);
            case "utf-16be" -> withBom(new byte[] {(byte) 0xFE, (byte) 0xFF}, content, StandardCharsets.UTF_16BE);
            case "iso-8859-1", "latin1" -> {
                if (!StandardCharsets.ISO_8859_1.newEncoder().canEncode(content)) {
                    throw new InvalidException(
                            "content", "the content has characters ISO-8859-1 cannot hold: save as utf-8");
                }
                yield content.getBytes(StandardCharsets.ISO_8859_1);
            }
            default ->
                throw new InvalidException("encoding", "encoding must be utf-8, utf-16le, utf-16be or iso-8859-1");
        };
    }

    private static byte[] withBom(byte[] bom, String content, Charset charset) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(bom);
        out.writeBytes(content.getBytes(charset));
        return out.toByteArray();
    }
}
