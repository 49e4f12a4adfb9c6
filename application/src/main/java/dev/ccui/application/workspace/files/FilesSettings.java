package dev.ccui.application.workspace.files;

/**
 * @param maxReadBytes          largest file returned inline by a read (larger ones are downloads)
 * @param maxListEntries        most entries one listing returns
 * @param maxUploadFileBytes    largest file one upload may carry
 * @param maxUploadRequestBytes largest upload request (all its files and the multipart framing)
 * @param maxUploadFiles        most files one upload request may carry
 * @param maxZipBytes           most bytes (uncompressed) a folder may hold to be downloaded as a zip
 */
public record FilesSettings(
        long maxReadBytes,
        int maxListEntries,
        long maxUploadFileBytes,
        long maxUploadRequestBytes,
        int maxUploadFiles,
        long maxZipBytes) {
    public static final long DEFAULT_UPLOAD_FILE_BYTES = 100L * 1024 * 1024;
    public static final long DEFAULT_UPLOAD_REQUEST_BYTES = 512L * 1024 * 1024;
    public static final int DEFAULT_UPLOAD_FILES = 1_000;
    public static final long DEFAULT_ZIP_BYTES = 1024L * 1024 * 1024;

    public FilesSettings {
        if (maxReadBytes < 1
                || maxListEntries < 1
                || maxUploadFileBytes < 1
                || maxUploadRequestBytes < 1
                || maxUploadFiles < 1
                || maxZipBytes < 1) {
            throw new IllegalArgumentException("limits must be positive");
        }
    }

    /** Reads and listings limited, uploads and zips at their defaults. */
    public FilesSettings(long maxReadBytes, int maxListEntries) {
        this(
                maxReadBytes,
                maxListEntries,
                DEFAULT_UPLOAD_FILE_BYTES,
                DEFAULT_UPLOAD_REQUEST_BYTES,
                DEFAULT_UPLOAD_FILES,
                DEFAULT_ZIP_BYTES);
    }

    public static FilesSettings defaults() {
        return new FilesSettings(5L * 1024 * 1024, 5_000);
    }
}
