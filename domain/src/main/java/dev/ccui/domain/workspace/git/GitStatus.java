package dev.ccui.domain.workspace.git;

import java.util.List;

/**
 * {@code git status} of a repository. {@code branch} is null on a detached HEAD, {@code head} null
 * before the first commit; {@code upstream} null when none is set.
 */
public record GitStatus(String branch, String head, String upstream, int ahead, int behind, List<GitFileStatus> files) {
    public GitStatus {
        files = List.copyOf(files);
    }
}
