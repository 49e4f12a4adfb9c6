package dev.ccui.domain.audit;

import java.util.Locale;

/**
 * Which audit entries to list: of one actor (by username), of one action, successes or failures
 * only; each {@code null} when it does not narrow the list.
 */
public record AuditFilter(String username, AuditAction action, Boolean success) {
    public static final AuditFilter ALL = new AuditFilter(null, null, null);

    public AuditFilter {
        username =
                username == null || username.isBlank() ? null : username.strip().toLowerCase(Locale.ROOT);
    }

    public boolean matches(AuditEntry entry) {
        return (username == null
                        || (entry.actorUsername() != null
                                && entry.actorUsername()
                                        .toLowerCase(Locale.ROOT)
                                        .equals(username)))
                && (action == null || entry.action() == action)
                && (success == null || entry.success() == success);
    }
}
