package dev.ccui.adapters.http.workspace;

/**
 * What the transport enforces while it reads an upload (the use case checks the same limits on
 * what it is given): Jetty stops parsing once a part or the body passes them.
 *
 * @param fileBytes    largest file
 * @param requestBytes largest upload, all files together
 * @param files        most files
 */
public record UploadLimits(long fileBytes, long requestBytes, int files) {
    public UploadLimits {
        if (fileBytes < 1 || requestBytes < 1 || files < 1) {
            throw new IllegalArgumentException("limits must be positive");
        }
    }
}
