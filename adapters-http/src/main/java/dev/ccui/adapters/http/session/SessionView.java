package dev.ccui.adapters.http.session;

import dev.ccui.domain.session.SessionSummary;
import java.time.Instant;
import java.util.List;

public record SessionView(
        String id,
        String projectId,
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
        boolean archived,
        Instant archivedAt,
        String forkedFrom) {
    public static SessionView of(SessionSummary s) {
        return new SessionView(
                s.id().value(),
                s.projectId().toString(),
                s.title(),
                s.firstActivityAt(),
                s.lastActivityAt(),
                s.messageCount(),
                s.models(),
                s.inputTokens(),
                s.outputTokens(),
                s.costUsd(),
                s.gitBranch(),
                s.lastPrompt(),
                s.hidden(),
                s.archived(),
                s.archivedAt(),
                s.forkedFrom() == null ? null : s.forkedFrom().value());
    }
}
