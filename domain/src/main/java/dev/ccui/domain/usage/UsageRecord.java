package dev.ccui.domain.usage;

import dev.ccui.domain.project.ProjectId;
import dev.ccui.domain.user.UserId;
import java.time.Instant;
import java.util.Objects;

/**
 * Tokens and cost of one piece of work: a turn run through the app (from the run log, with who
 * ran it and its model), or a whole session the app never ran (from the index, dated at its last
 * activity, with no user).
 *
 * @param model    null when not known
 * @param userId   null for work done outside the app
 * @param username null for work done outside the app (or by a deleted user)
 */
public record UsageRecord(
        Instant at,
        ProjectId projectId,
        String projectName,
        String model,
        UserId userId,
        String username,
        long inputTokens,
        long outputTokens,
        double costUsd) {
    public UsageRecord {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(projectId, "projectId");
    }
}
