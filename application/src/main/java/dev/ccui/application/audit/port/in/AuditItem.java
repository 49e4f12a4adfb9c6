package dev.ccui.application.audit.port.in;

import dev.ccui.domain.audit.AuditEntry;
import dev.ccui.domain.project.ProjectId;
import dev.ccui.domain.session.SessionId;
import java.util.Objects;

/**
 * An audit entry as listed: with the session and project of the run it names (runs and
 * permission decisions target a run id), when that run is still on record, so a reader can open it.
 */
public record AuditItem(AuditEntry entry, SessionId runSessionId, ProjectId runProjectId) {
    public AuditItem {
        Objects.requireNonNull(entry, "entry");
        if ((runSessionId == null) != (runProjectId == null)) {
            throw new IllegalArgumentException("a run's session and project come together");
        }
    }
}
