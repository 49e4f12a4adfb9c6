package dev.ccui.domain.audit;

import dev.ccui.domain.user.UserId;
import java.time.Instant;
import java.util.Objects;

/**
 * One line of the audit log: who did what, to what, from where, and whether it worked.
 * {@code id} is assigned by the store (0 before it is stored).
 */
public record AuditEntry(
        long id,
        Instant at,
        UserId actorUserId,
        String actorUsername,
        AuditAction action,
        String target,
        String ip,
        boolean success,
        String detail) {
    public AuditEntry {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(action, "action");
    }
}
