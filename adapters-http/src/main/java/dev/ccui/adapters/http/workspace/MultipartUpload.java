package dev.ccui.adapters.http.workspace;

import dev.ccui.domain.error.InvalidException;
import dev.ccui.domain.error.PayloadTooLargeException;
import dev.ccui.domain.error.UnavailableException;
import dev.ccui.domain.workspace.RelativePath;
import dev.ccui.domain.workspace.files.IncomingFile;
import io.javalin.http.Context;
import jakarta.servlet.MultipartConfigElement;
import jakarta.servlet.http.Part;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The files of a {@code multipart/form-data} upload, parsed by Jetty only when the use case asks
 * (after the access check). Jetty streams the body: a part above {@link #IN_MEMORY_BYTES} goes to a
 * temporary file, and the parse stops as soon as a part or the whole body passes its limit, so an
 * oversize upload is never held in memory. Each file part's file name is its path relative to the
 * folder it is dropped in (a folder drop sends {@code src/app/main.ts}), checked like any path.
 * Closing deletes the temporary files.
 */
final class MultipartUpload implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(MultipartUpload.class);
    /** Jetty's key for the multipart settings of one request (Javalin's own default is read the same way). */
    private static final String CONFIG_ATTRIBUTE = "org.eclipse.jetty.multipartConfig";
    /** Parts up to this size stay in memory; larger ones are written to a temporary file as they arrive. */
    static final int IN_MEMORY_BYTES = 16 * 1024;

    private final Context ctx;
    private final UploadLimits limits;
    private Collection<Part> parts = List.of();

    MultipartUpload(Context ctx, UploadLimits limits) {
        this.ctx = ctx;
        this.limits = limits;
    }

    List<IncomingFile> files() {
        String type = ctx.contentType();
        if (type == null || !type.toLowerCase(Locale.ROOT).strip().startsWith("multipart/form-data")) {
            throw new InvalidException("files", "send the files as multipart/form-data");
        }
        ctx.req()
                .setAttribute(
                        CONFIG_ATTRIBUTE,
                        new MultipartConfigElement(
                                folder().toString(), limits.fileBytes(), limits.requestBytes(), IN_MEMORY_BYTES));
        try {
            parts = ctx.req().getParts();
        } catch (Exception e) {
            throw refusal(e);
        }
        List<IncomingFile> files = new ArrayList<>();
        for (Part part : parts) {
            String name = part.getSubmittedFileName();
            if (name == null || (name.isEmpty() && part.getSize() == 0)) {
                continue; // A form field, or a file input left empty.
            }
            files.add(new IncomingFile(RelativePath.parse(name), part.getSize(), part::getInputStream));
        }
        return files;
    }

    private Path folder() {
        try {
            return Files.createDirectories(limits.folder());
        } catch (IOException e) {
            LOG.error("cannot make the upload folder {}: {}", limits.folder(), e.getMessage());
            throw new UnavailableException("UPLOADS_UNAVAILABLE", "the server cannot receive uploads right now", null);
        }
    }

    /** What Jetty's parse failure means to the person uploading. */
    private RuntimeException refusal(Exception e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            String message = String.valueOf(t.getMessage()).toLowerCase(Locale.ROOT);
            if (message.contains("too many") || message.contains("keys") || message.contains("max parts")) {
                return new PayloadTooLargeException(
                        "TOO_MANY_FILES",
                        "at most " + limits.files() + " files per upload: upload them in several parts");
            }
            if (message.contains("exceed") || message.contains("too large") || message.contains("max")) {
                return new PayloadTooLargeException(
                        "UPLOAD_TOO_LARGE",
                        "the upload is too large: at most " + limits.fileBytes() + " bytes per file and "
                                + limits.requestBytes() + " bytes per upload");
            }
        }
        LOG.info("unreadable multipart upload: {}", String.valueOf(e.getMessage()));
        return new InvalidException("files", "the multipart body could not be read");
    }

    @Override
    public void close() {
        for (Part part : parts) {
            try {
                part.delete();
            } catch (IOException e) {
                LOG.warn("could not delete an upload's temporary file: {}", e.getMessage());
            }
        }
    }
}
