package dev.ccui.application.workspace.git.port.out;

import dev.ccui.domain.user.UserId;
import java.nio.file.Path;

/** Asks Claude, with the same CLI, credentials and sandbox as the user's runs, for a commit message. */
public interface CommitMessageWriter {
    /** @param truncated the diff was cut: only its start is given */
    String write(Path project, UserId user, String stagedDiff, boolean truncated);
}
