package dev.ccui.application.project.create.port.in;

import dev.ccui.domain.project.ProjectId;
import dev.ccui.domain.project.create.CloneId;
import dev.ccui.domain.project.create.CloneState;
import dev.ccui.domain.user.UserId;
import dev.ccui.domain.workspace.git.GitProgress;
import java.time.Instant;

/**
 * A clone as its starter sees it: running with the latest progress, then succeeded (with the
 * registered project), failed (with the error's code and message) or cancelled.
 */
public record CloneOperation(
        CloneId id,
        UserId userId,
        String url,
        String path,
        CloneState state,
        GitProgress progress,
        ProjectId projectId,
        String errorCode,
        String errorMessage,
        Instant startedAt,
        Instant endedAt) {}
