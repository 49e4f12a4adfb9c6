package dev.ccui.domain.workspace.git;

import java.time.Instant;

public record GitCommit(String hash, String authorName, String authorEmail, Instant authoredAt, String subject) {}
