package dev.ccui.application.workspace.files;

/**
 * @param maxReadBytes   largest file returned inline by a read (larger ones are downloads)
 * @param maxListEntries most entries one listing returns
 */
public record FilesSettings(long maxReadBytes, int maxListEntries) {
    public FilesSettings {
        if (maxReadBytes < 1 || maxListEntries < 1) {
            throw new IllegalArgumentException("limits must be positive");
        }
    }

    public static FilesSettings defaults() {
        return new FilesSettings(5L * 1024 * 1024, 5_000);
    }
}
