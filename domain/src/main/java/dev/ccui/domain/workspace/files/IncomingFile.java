package dev.ccui.domain.workspace.files;

import dev.ccui.domain.workspace.RelativePath;
import java.io.IOException;
import java.io.InputStream;
import java.util.Objects;

/**
 * One uploaded file: where it goes (relative to the folder it is dropped in, or, once resolved
 * by the use case, to the project), its size as received, and its bytes, opened once by whoever
 * writes it (the upload is held by the transport, on disk above a small threshold).
 */
public record IncomingFile(RelativePath path, long size, Content content) {
    public IncomingFile {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(content, "content");
        if (size < 0) {
            throw new IllegalArgumentException("size must not be negative");
        }
    }

    @FunctionalInterface
    public interface Content {
        InputStream open() throws IOException;
    }

    public IncomingFile at(RelativePath target) {
        return new IncomingFile(target, size, content);
    }
}
