package dev.ccui.application.history.port.out;

import dev.ccui.domain.project.ProjectId;
import dev.ccui.domain.session.SessionId;
import java.time.Instant;
import java.util.Map;
import java.util.Set;

/**
 * The index's full state of one session: the raw facts the title and figures are derived from,
 * so new lines can be merged in without re-reading the file.
 *
 * @param appTitle  a rename made in this app (wins over every title the CLI wrote)
 * @param nextSeq   the position the next indexed message line gets
 */
public record IndexedSession(
        SessionId id,
        ProjectId projectId,
        String cwd,
        String appTitle,
        String customTitle,
        String aiTitle,
        String summary,
        String firstPrompt,
        String lastPrompt,
        String gitBranch,
        Instant firstActivityAt,
        Instant lastActivityAt,
        long messageCount,
        Set<String> models,
        long inputTokens,
        long outputTokens,
        Map<Long, Double> costByProcessStart,
        boolean hidden,
        long nextSeq) {
    public IndexedSession {
        models = Set.copyOf(models);
        costByProcessStart = Map.copyOf(costByProcessStart);
    }

    /** {@code appTitle} > {@code customTitle} > {@code aiTitle} > {@code summary} > first prompt. */
    public String title() {
        for (String candidate : new String[] {appTitle, customTitle, aiTitle, summary, firstPrompt}) {
            if (candidate != null && !candidate.isBlank()) {
                return candidate;
            }
        }
        return null;
    }

    public double costUsd() {
        return costByProcessStart.values().stream()
                .mapToDouble(Double::doubleValue)
                .sum();
    }
}
