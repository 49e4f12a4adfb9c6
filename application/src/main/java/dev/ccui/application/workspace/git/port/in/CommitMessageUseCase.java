package dev.ccui.application.workspace.git.port.in;

import dev.ccui.domain.auth.Principal;
import dev.ccui.domain.project.ProjectId;

/** A commit message Claude writes for the staged diff, for the person to edit before committing. */
public interface CommitMessageUseCase {
    /** {@code 409 NOTHING_STAGED} without staged changes; the diff Claude reads is cut to a fixed size. */
    String suggest(Principal caller, ProjectId projectId);
}
