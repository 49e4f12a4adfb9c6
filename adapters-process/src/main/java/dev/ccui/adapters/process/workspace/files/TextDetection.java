package dev.ccui.adapters.process.workspace.files;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Text or binary, and in which encoding: a byte-order mark decides (UTF-8, UTF-16 LE/BE); else
 * valid UTF-8 is UTF-8; else bytes with NULs or many control characters are binary; anything else
 * is read as ISO-8859-1 (every byte is a character there, so nothing is lost on a round trip).
 */
final class TextDetection {
    private static final int SNIFF = 8192;
    private static final Map<String, String> MEDIA_TYPES = Map.ofEntries(
            Map.entry("png", "image/png"),
            Map.entry("jpg", "image/jpeg"),
            Map.entry("jpeg", "image/jpeg"),
            Map.entry("gif", "image/gif"),
            Map.entry("webp", "image/webp"),
            Map.entry("bmp", "image/bmp"),
            Map.entry("ico", "image/x-icon"),
            Map.entry("svg", "image/svg+xml"),
            Map.entry("pdf", "application/pdf"),
            Map.entry("json", "application/json"),
            Map.entry("md", "text/markdown"),
            Map.entry("html", "text/html"),
            Map.entry("css", "text/css"),
            Map.entry("js", "text/javascript"),
            Map.entry("ts", "text/typescript"),
            Map.entry("xml", "application/xml"),
            Map.entry("yaml", "application/yaml"),
            Map.entry("yml", "application/yaml"),
            Map.entry("zip", "application/zip"),
            Map.entry("gz", "application/gzip"),
            Map.entry("jar", "application/java-archive"));

    /** Raster images the UI can show from base64; SVG is text (and a script carrier), never inlined as an image. */
    private static final Set<String> PREVIEWABLE =
            Set.of("image/png", "image/jpeg", "image/gif", "image/webp", "image/bmp", "image/x-icon");

    record Decoded(String encoding, String text) {}

    private TextDetection() {}

    /** The text, or null for binary content. */
    static Decoded decode(byte[] bytes) {
        if (startsWith(bytes, 0xEF, 0xBB, 0xBF)) {
            return strict(bytes, 3, StandardCharsets.UTF_8, "utf-8");
        }
        if (startsWith(bytes, 0xFF, 0xFE)) {
            return strict(bytes, 2, StandardCharsets.UTF_16LE, "utf-16le");
        }
        if (startsWith(bytes, 0xFE, 0xFF)) {
            return strict(bytes, 2, StandardCharsets.UTF_16BE, "utf-16be");
        }
        if (looksBinary(bytes)) {
            return null;
        }
        Decoded utf8 = strict(bytes, 0, StandardCharsets.UTF_8, "utf-8");
        return utf8 != null ? utf8 : new Decoded("iso-8859-1", new String(bytes, StandardCharsets.ISO_8859_1));
    }

    static boolean looksBinary(byte[] bytes) {
        int length = Math.min(bytes.length, SNIFF);
        int control = 0;
        for (int i = 0; i < length; i++) {
            int b = bytes[i] & 0xFF;
            if (b == 0) {
                return true;
            }
            if (b < 0x20 && b != '\t' && b != '\n' && b != '\r' && b != '\f' && b != 0x1B && b != 0x08) {
                control++;
            }
        }
        return length > 0 && control * 10 > length;
    }

    private static Decoded strict(byte[] bytes, int offset, Charset charset, String name) {
        try {
            String text = charset.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes, offset, bytes.length - offset))
                    .toString();
            return new Decoded(name, text);
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    private static boolean startsWith(byte[] bytes, int... prefix) {
        if (bytes.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((bytes[i] & 0xFF) != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    static String mediaType(String name, byte[] head, boolean text) {
        if (startsWith(head, 0x89, 'P', 'N', 'G')) {
            return "image/png";
        }
        if (startsWith(head, 0xFF, 0xD8, 0xFF)) {
            return "image/jpeg";
        }
        if (startsWith(head, 'G', 'I', 'F', '8')) {
            return "image/gif";
        }
        if (head.length >= 12
                && startsWith(head, 'R', 'I', 'F', 'F')
                && Arrays.equals(head, 8, 12, "WEBP".getBytes(StandardCharsets.US_ASCII), 0, 4)) {
            return "image/webp";
        }
        int dot = name.lastIndexOf('.');
        String known = dot < 0 ? null : MEDIA_TYPES.get(name.substring(dot + 1).toLowerCase(Locale.ROOT));
        if (known != null) {
            return known;
        }
        return text ? "text/plain" : "application/octet-stream";
    }

    static boolean previewable(String mediaType) {
        return PREVIEWABLE.contains(mediaType);
    }
}
