package dev.ccui.domain.run;

/**
 * A file sent with a prompt, base64-encoded: an image, or a document (a PDF or a text file). The
 * CLI forwards each to the Messages API as it is given and checks nothing, so what reaches it has
 * been checked here.
 */
public sealed interface Attachment permits ImageAttachment, DocumentAttachment {
    String mediaType();

    String base64Data();

    /** The decoded size, from the base64 length and padding: a file is refused before it is decoded. */
    default long decodedBytes() {
        return decodedBytes(base64Data());
    }

    static long decodedBytes(String base64) {
        int length = base64.length();
        int padding = length > 0 && base64.charAt(length - 1) == '=' ? 1 : 0;
        if (length > 1 && base64.charAt(length - 2) == '=') {
            padding++;
        }
        return Math.max(0, (long) length / 4 * 3 - padding);
    }
}
