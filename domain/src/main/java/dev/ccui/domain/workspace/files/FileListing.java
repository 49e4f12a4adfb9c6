package dev.ccui.domain.workspace.files;

import java.util.List;

/** A folder's entries; {@code truncated} when the entry limit cut the list. */
public record FileListing(String path, List<FileEntry> entries, boolean truncated) {
    public FileListing {
        entries = List.copyOf(entries);
    }
}
