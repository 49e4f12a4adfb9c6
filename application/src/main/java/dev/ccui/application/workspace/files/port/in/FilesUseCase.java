package dev.ccui.application.workspace.files.port.in;

import dev.ccui.application.common.ClientInfo;
import dev.ccui.application.workspace.files.port.out.FileContent;
import dev.ccui.application.workspace.files.port.out.FileDownload;
import dev.ccui.application.workspace.files.port.out.FileListing;
import dev.ccui.domain.auth.Principal;

/** A project's files, for its owner, members and admins; every path is confined to the project. */
public interface FilesUseCase {

    FileListing list(Principal caller, String projectId, String path, boolean respectGitignore);

    FileContent read(Principal caller, String projectId, String path);

    FileDownload download(Principal caller, String projectId, String path);

    /** @return the new SHA-256 */
    String write(Principal caller, String projectId, String path, String content, String encoding, String baseSha,
                 ClientInfo client);

    /** @return the SHA-256 of the new file (of empty content for a folder) */
    String create(Principal caller, String projectId, String path, String content, boolean directory, ClientInfo client);

    void delete(Principal caller, String projectId, String path, boolean recursive, ClientInfo client);

    void move(Principal caller, String projectId, String from, String to, ClientInfo client);
}
