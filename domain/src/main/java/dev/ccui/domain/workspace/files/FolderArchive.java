package dev.ccui.domain.workspace.files;

import java.io.IOException;
import java.io.OutputStream;

/**
 * A folder planned as a zip: what it holds was counted (and found within the caps) before a byte
 * is sent, so a refusal is still a clear error; {@link #writeTo} then streams it.
 */
public interface FolderArchive {
    /** The archive's file name without {@code .zip}: the folder's own name. */
    String name();

    int entries();

    /** Uncompressed bytes of its files when planned. */
    long bytes();

    /** Streams the archive; fails (an incomplete archive) when the folder grew past the cap meanwhile. */
    void writeTo(OutputStream out) throws IOException;
}
