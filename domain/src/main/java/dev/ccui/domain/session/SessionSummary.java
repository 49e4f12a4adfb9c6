package dev.ccui.domain.session;

import dev.ccui.domain.project.ProjectId;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What the index knows of one session, for lists and the session header.
 *
 * @param title        the best title: a rename in this app, then the CLI's custom title, AI title,
 *                     summary, first real prompt
 * @param messageCount displayable user and assistant messages
 * @param costUsd      as the CLI accounted it (its cost-state records); 0 when unknown
 * @param archivedAt   when its transcript file(s) vanished from disk: it is then read from the
 *                     app's archive; null while the files are there
 * @param forkedFrom   the session it was forked from (its history copied by the CLI's
 *                     {@code --fork-session}); null for an original
 */
public record SessionSummary(
        SessionId id,
        ProjectId projectId,
        String title,
        Instant firstActivityAt,
        Instant lastActivityAt,
        long messageCount,
        List<String> models,
        long inputTokens,
        long outputTokens,
        double costUsd,
        String gitBranch,
        String lastPrompt,
        boolean hidden,
        Instant archivedAt,
        SessionId forkedFrom) {
    public SessionSummary {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(projectId, "projectId");
        models = List.copyOf(models);
    }

    public SessionSummary(
            SessionId id,
            ProjectId projectId,
            String title,
            Instant firstActivityAt,
            Instant lastActivityAt,
            long messageCount,
            List<String> models,
            long inputTokens,
            long outputTokens,
            double costUsd,
            String gitBranch,
            String lastPrompt,
            boolean hidden) {
        this(
                id,
                projectId,
                title,
                firstActivityAt,
                lastActivityAt,
                messageCount,
                models,
                inputTokens,
                outputTokens,
                costUsd,
                gitBranch,
                lastPrompt,
                hidden,
                null,
                null);
    }

    public SessionSummary(
            SessionId id,
            ProjectId projectId,
            String title,
            Instant firstActivityAt,
            Instant lastActivityAt,
            long messageCount,
            List<String> models,
            long inputTokens,
            long outputTokens,
            double costUsd,
            String gitBranch,
            String lastPrompt,
            boolean hidden,
            Instant archivedAt) {
        this(
                id,
                projectId,
                title,
                firstActivityAt,
                lastActivityAt,
                messageCount,
                models,
                inputTokens,
                outputTokens,
                costUsd,
                gitBranch,
                lastPrompt,
                hidden,
                archivedAt,
                null);
    }

    public boolean archived() {
        return archivedAt != null;
    }
}
