package dev.ccui.domain.workspace.git;

import java.util.Objects;

/** What a push did: the branch it pushed and the upstream it now tracks ({@code remote/branch}). */
public record GitPush(String branch, String upstream, boolean upstreamSet) {
    public GitPush {
        Objects.requireNonNull(branch, "branch");
        Objects.requireNonNull(upstream, "upstream");
    }
}
