package dev.ccui.adapters.http.workspace;

import java.nio.file.Path;
import java.util.Objects;

/**
 * What the transport enforces while it reads an upload (the use case checks the same limits on
 * what it is given): Jetty stops parsing once a part or the body passes them.
 *
 * @param fileBytes    largest file
 * @param requestBytes largest upload, all files together
 * @param files        most files
 * @param folder       where parts above the in-memory threshold wait while the upload is received
 *                     (a folder of the data dir: {@code /tmp} is often memory itself); made when missing
 */
public record UploadLimits(long fileBytes, long requestBytes, int files, Path folder) {
    public UploadLimits {
        if (fileBytes < 1 || requestBytes < 1 || files < 1) {
            throw new IllegalArgumentException("limits must be positive");
        }
        Objects.requireNonNull(folder, "folder");
    }
}
