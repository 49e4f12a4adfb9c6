package dev.ccui.application.workspace.files;

import dev.ccui.application.audit.Auditor;
import dev.ccui.application.common.ClientInfo;
import dev.ccui.application.project.ProjectAccess;
import dev.ccui.application.project.port.out.ProjectRepository;
import dev.ccui.application.workspace.files.port.in.FilesUseCase;
import dev.ccui.application.workspace.files.port.in.UploadSource;
import dev.ccui.application.workspace.files.port.out.WorkspaceFiles;
import dev.ccui.domain.audit.AuditAction;
import dev.ccui.domain.auth.Principal;
import dev.ccui.domain.error.ForbiddenException;
import dev.ccui.domain.error.InvalidException;
import dev.ccui.domain.error.PayloadTooLargeException;
import dev.ccui.domain.project.Project;
import dev.ccui.domain.project.ProjectId;
import dev.ccui.domain.workspace.RelativePath;
import dev.ccui.domain.workspace.files.FileContent;
import dev.ccui.domain.workspace.files.FileDownload;
import dev.ccui.domain.workspace.files.FileListing;
import dev.ccui.domain.workspace.files.FolderArchive;
import dev.ccui.domain.workspace.files.IncomingFile;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Files of a project: who may (the project access rule), where (paths parsed as
 * {@link RelativePath}, resolved and confined by the adapter), and the audit of every change.
 */
public final class FilesService implements FilesUseCase {
    /** Entries a zip may hold: a folder of more (a dependency cache, say) is not what a download is for. */
    static final int MAX_ZIP_ENTRIES = 100_000;

    private final ProjectAccess access;
    private final WorkspaceFiles files;
    private final Auditor auditor;
    private final FilesSettings settings;

    public FilesService(ProjectRepository projects, WorkspaceFiles files, Auditor auditor, FilesSettings settings) {
        this(new ProjectAccess(projects), files, auditor, settings);
    }

    public FilesService(ProjectAccess access, WorkspaceFiles files, Auditor auditor, FilesSettings settings) {
        this.access = access;
        this.files = files;
        this.auditor = auditor;
        this.settings = settings;
    }

    @Override
    public FileListing list(Principal caller, ProjectId projectId, RelativePath path, boolean respectGitignore) {
        Project project = access.requireWorkspace(caller, projectId);
        return files.list(root(project), path, respectGitignore, settings.maxListEntries());
    }

    @Override
    public FileContent read(Principal caller, ProjectId projectId, RelativePath path) {
        Project project = access.requireWorkspace(caller, projectId);
        return files.read(root(project), file(path), settings.maxReadBytes());
    }

    @Override
    public FileDownload download(Principal caller, ProjectId projectId, RelativePath path) {
        Project project = access.requireWorkspace(caller, projectId);
        return files.open(root(project), file(path));
    }

    @Override
    public String write(
            Principal caller,
            ProjectId projectId,
            RelativePath path,
            String content,
            String encoding,
            String baseSha,
            ClientInfo client) {
        Project project = access.requireWorkspace(caller, projectId);
        RelativePath file = file(path);
        if (content == null) {
            throw new InvalidException("content", "content is required");
        }
        if (baseSha != null && !baseSha.matches("[0-9a-f]{64}")) {
            throw new InvalidException("baseSha", "baseSha must be the SHA-256 (hex) the content was read with");
        }
        String sha = files.write(root(project), file, TextEncodings.encode(content, encoding), baseSha);
        auditor.record(AuditAction.FILE_WRITTEN, caller, target(project, file), client, true, null);
        return sha;
    }

    @Override
    public String create(
            Principal caller,
            ProjectId projectId,
            RelativePath path,
            String content,
            boolean directory,
            ClientInfo client) {
        Project project = access.requireWorkspace(caller, projectId);
        RelativePath file = file(path);
        if (directory && content != null && !content.isEmpty()) {
            throw new InvalidException("content", "a folder has no content");
        }
        String sha = files.create(
                root(project), file, TextEncodings.encode(content == null ? "" : content, "utf-8"), directory);
        auditor.record(
                AuditAction.FILE_CREATED, caller, target(project, file), client, true, directory ? "folder" : null);
        return sha;
    }

    @Override
    public void delete(Principal caller, ProjectId projectId, RelativePath path, boolean recursive, ClientInfo client) {
        Project project = access.requireWorkspace(caller, projectId);
        RelativePath file = file(path);
        files.delete(root(project), file, recursive);
        auditor.record(
                AuditAction.FILE_DELETED, caller, target(project, file), client, true, recursive ? "recursive" : null);
    }

    @Override
    public void move(Principal caller, ProjectId projectId, RelativePath from, RelativePath to, ClientInfo client) {
        Project project = access.requireWorkspace(caller, projectId);
        RelativePath source = file(from);
        RelativePath destination = file(to);
        files.move(root(project), source, destination);
        auditor.record(AuditAction.FILE_MOVED, caller, target(project, source), client, true, "to " + destination);
    }

    @Override
    public List<String> upload(
            Principal caller,
            ProjectId projectId,
            RelativePath folder,
            UploadSource source,
            boolean overwrite,
            ClientInfo client) {
        Project project = access.requireWorkspace(caller, projectId);
        List<IncomingFile> incoming = source.files();
        if (incoming.isEmpty()) {
            throw new InvalidException("files", "the request holds no files");
        }
        if (incoming.size() > settings.maxUploadFiles()) {
            throw new PayloadTooLargeException(
                    "TOO_MANY_FILES",
                    "at most " + settings.maxUploadFiles() + " files per upload (this one has " + incoming.size()
                            + "): upload them in several parts");
        }
        List<IncomingFile> targets = new ArrayList<>();
        Set<RelativePath> seen = new HashSet<>();
        long total = 0;
        for (IncomingFile file : incoming) {
            RelativePath target = file(folder.resolve(file.path()));
            if (file.size() > settings.maxUploadFileBytes()) {
                throw new PayloadTooLargeException(
                        "FILE_TOO_LARGE",
                        file.path() + " is larger than " + settings.maxUploadFileBytes() + " bytes, the upload limit");
            }
            if (!seen.add(target)) {
                throw new InvalidException("files", "the upload names " + target + " twice");
            }
            total += file.size();
            targets.add(file.at(target));
        }
        if (total > settings.maxUploadRequestBytes()) {
            throw new PayloadTooLargeException(
                    "UPLOAD_TOO_LARGE",
                    "the files add up to more than " + settings.maxUploadRequestBytes()
                            + " bytes: upload them in parts");
        }
        List<String> written = files.upload(root(project), targets, overwrite);
        auditor.record(
                AuditAction.FILE_UPLOADED,
                caller,
                folder.isRoot() ? project.path() : target(project, folder),
                client,
                true,
                written.size() + (written.size() == 1 ? " file" : " files") + (overwrite ? ", overwrite" : ""));
        return written;
    }

    @Override
    public FolderArchive zip(Principal caller, ProjectId projectId, RelativePath folder) {
        Project project = access.requireWorkspace(caller, projectId);
        return files.zip(root(project), folder, settings.maxZipBytes(), MAX_ZIP_ENTRIES);
    }

    /** A path that names something in the project, not the project folder itself. */
    private static RelativePath file(RelativePath path) {
        if (path.isRoot()) {
            throw new ForbiddenException(
                    "PATH_IS_PROJECT_ROOT", "this action does not apply to the project folder itself");
        }
        return path;
    }

    private static Path root(Project project) {
        return Path.of(project.path());
    }

    private static String target(Project project, RelativePath file) {
        return project.path() + "/" + file;
    }
}
