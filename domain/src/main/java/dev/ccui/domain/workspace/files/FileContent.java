package dev.ccui.domain.workspace.files;

/**
 * A file's content as the editor shows it. {@code encoding} is {@code utf-8}, {@code utf-16le},
 * {@code utf-16be} or {@code iso-8859-1} for text, {@code base64} for previewable images, and
 * null when {@code content} is null (binary, or larger than the read limit: {@code tooLarge}).
 */
public record FileContent(
        String path,
        String encoding,
        String content,
        String sha,
        long size,
        boolean binary,
        String mediaType,
        boolean tooLarge) {}
