package dev.ccui.adapters.persistence.disk;

import dev.ccui.application.alert.port.out.DiskSpace;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The file store of a folder (the data dir), read through {@link Files#getFileStore}: disk IO, so
 * an outbound adapter beside the database it protects, not a use case.
 */
public final class FileStoreDiskSpace implements DiskSpace {
    private final Path folder;

    public FileStoreDiskSpace(Path folder) {
        this.folder = folder;
    }

    @Override
    public Usage usage() {
        try {
            FileStore store = Files.getFileStore(folder);
            return new Usage(store.getUsableSpace(), store.getTotalSpace());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the file store of " + folder, e);
        }
    }
}
