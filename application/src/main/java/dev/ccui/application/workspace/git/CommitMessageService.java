package dev.ccui.application.workspace.git;

import dev.ccui.application.project.ProjectAccess;
import dev.ccui.application.workspace.git.port.in.CommitMessageUseCase;
import dev.ccui.application.workspace.git.port.out.CommitMessageWriter;
import dev.ccui.application.workspace.git.port.out.GitClient;
import dev.ccui.domain.auth.Principal;
import dev.ccui.domain.error.ConflictException;
import dev.ccui.domain.project.Project;
import dev.ccui.domain.project.ProjectId;
import dev.ccui.domain.workspace.git.GitDiff;
import java.nio.file.Path;

/** Reads the staged diff (cut to {@link #MAX_DIFF_BYTES}) and has Claude describe it; nothing is committed. */
public final class CommitMessageService implements CommitMessageUseCase {
    /** Enough for the gist of a large change, small enough for one quick model turn. */
    static final int MAX_DIFF_BYTES = 64 * 1024;

    private final ProjectAccess access;
    private final GitClient git;
    private final CommitMessageWriter writer;

    public CommitMessageService(ProjectAccess access, GitClient git, CommitMessageWriter writer) {
        this.access = access;
        this.git = git;
        this.writer = writer;
    }

    @Override
    public String suggest(Principal caller, ProjectId projectId) {
        Project project = access.requireWorkspace(caller, projectId);
        Path root = Path.of(project.path());
        GitDiff diff = git.diff(root, true, null, MAX_DIFF_BYTES);
        if (diff.diff().isBlank()) {
            throw new ConflictException("NOTHING_STAGED", "stage the changes to describe first");
        }
        return writer.write(root, caller.userId(), diff.diff(), diff.truncated());
    }
}
