package dev.ccui.domain.history;

import dev.ccui.domain.project.ProjectId;
import dev.ccui.domain.session.SessionId;
import java.time.Instant;

/** A session matching a search, with a snippet whose matches are wrapped in {@code <mark>…</mark>}. */
public record SearchHit(
        SessionId sessionId, ProjectId projectId, String title, String snippet, Instant lastActivityAt, double rank) {}
