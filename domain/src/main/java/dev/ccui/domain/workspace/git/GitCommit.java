package dev.ccui.application.workspace.git.port.out;

import java.time.Instant;

public record GitCommit(String hash, String authorName, String authorEmail, Instant authoredAt, String subject) {
}
