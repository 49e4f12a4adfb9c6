package dev.ccui.application.workspace.files.port.out;

import dev.ccui.domain.workspace.RelativePath;
import dev.ccui.domain.workspace.files.FileContent;
import dev.ccui.domain.workspace.files.FileDownload;
import dev.ccui.domain.workspace.files.FileListing;
import dev.ccui.domain.workspace.files.FolderArchive;
import dev.ccui.domain.workspace.files.IncomingFile;
import java.nio.file.Path;
import java.util.List;

/**
 * The files of a project folder. {@code root} is the project's registered real path; every
 * method resolves {@code path} against it with symlinks followed and refuses (403,
 * {@code PATH_OUTSIDE_PROJECT}) whatever ends up outside. Missing files are 404, existing
 * targets of a create or move 409.
 */
public interface WorkspaceFiles {

    /** Sorted (folders first, then by name); at most {@code limit} entries, {@code truncated} when there were more. */
    FileListing list(Path root, RelativePath directory, boolean respectGitignore, int limit);

    /** Text with its detected encoding, or the binary flag; content is null above {@code maxBytes}. */
    FileContent read(Path root, RelativePath file, long maxBytes);

    /** The raw bytes, for downloads; the caller closes the stream. */
    FileDownload open(Path root, RelativePath file);

    /**
     * Replaces an existing file atomically (temp file and rename, same mode). When {@code baseSha}
     * is given and the file's current SHA-256 differs, nothing is written ({@code 409}).
     *
     * @return the SHA-256 of the new content
     */
    String write(Path root, RelativePath file, byte[] content, String baseSha);

    /** Creates a file with the content, or an empty folder; {@code 409} when something is there. */
    String create(Path root, RelativePath path, byte[] content, boolean directory);

    /** Deletes a file or link; a folder only when {@code recursive}. Links are removed, never followed. */
    void delete(Path root, RelativePath path, boolean recursive);

    /** Renames or moves; never replaces an existing target. */
    void move(Path root, RelativePath from, RelativePath to);

    /**
     * Writes each file at its project-relative path, creating missing folders (each one confined
     * like any path). Checked for all files before any is written: an existing file in the way
     * without {@code overwrite}, or a folder or link where a file or folder must go, is a {@code 409
     * UPLOAD_CONFLICT} naming every such path. Each file is written beside its target and renamed
     * into place, so a reader never sees half of it; with {@code overwrite} a replaced file keeps its mode.
     *
     * @return the paths written
     */
    List<String> upload(Path root, List<IncomingFile> files, boolean overwrite);

    /**
     * A folder's zip, planned now: links are not followed into folders (no loops), a link to a
     * file inside the project is archived as that file, a link out of the project is left out.
     * More than {@code maxBytes} or {@code maxEntries} is a {@code 413 ZIP_TOO_LARGE}.
     */
    FolderArchive zip(Path root, RelativePath folder, long maxBytes, int maxEntries);
}
