package dev.ccui.application.workspace.files.port.in;

import dev.ccui.application.common.ClientInfo;
import dev.ccui.domain.auth.Principal;
import dev.ccui.domain.project.ProjectId;
import dev.ccui.domain.workspace.RelativePath;
import dev.ccui.domain.workspace.files.FileContent;
import dev.ccui.domain.workspace.files.FileDownload;
import dev.ccui.domain.workspace.files.FileListing;
import dev.ccui.domain.workspace.files.FolderArchive;
import java.util.List;

/**
 * A project's files, for its owner, members and admins; every path is confined to the project.
 * Actions on one file refuse the project folder itself ({@code 403 PATH_IS_PROJECT_ROOT}).
 */
public interface FilesUseCase {

    FileListing list(Principal caller, ProjectId projectId, RelativePath path, boolean respectGitignore);

    FileContent read(Principal caller, ProjectId projectId, RelativePath path);

    FileDownload download(Principal caller, ProjectId projectId, RelativePath path);

    /** @return the new SHA-256 */
    String write(
            Principal caller,
            ProjectId projectId,
            RelativePath path,
            String content,
            String encoding,
            String baseSha,
            ClientInfo client);

    /** @return the SHA-256 of the new file (of empty content for a folder) */
    String create(
            Principal caller,
            ProjectId projectId,
            RelativePath path,
            String content,
            boolean directory,
            ClientInfo client);

    void delete(Principal caller, ProjectId projectId, RelativePath path, boolean recursive, ClientInfo client);

    void move(Principal caller, ProjectId projectId, RelativePath from, RelativePath to, ClientInfo client);

    /**
     * Writes the uploaded files below {@code folder}, creating the folders their paths name. Nothing
     * is written when one of them would replace an existing file and {@code overwrite} is false
     * ({@code 409 UPLOAD_CONFLICT} naming them all), nor when one is too large or there are too many.
     *
     * @return the project-relative paths written, in the order received
     */
    List<String> upload(
            Principal caller,
            ProjectId projectId,
            RelativePath folder,
            UploadSource source,
            boolean overwrite,
            ClientInfo client);

    /** A folder (the project root included) as a zip, counted and capped before it is streamed. */
    FolderArchive zip(Principal caller, ProjectId projectId, RelativePath folder);
}
