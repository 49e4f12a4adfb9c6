package dev.ccui.application.audit.port.out;

import dev.ccui.domain.audit.AuditEntry;
import dev.ccui.domain.audit.AuditFilter;
import java.util.List;

public interface AuditRepository {

    /** Stores the entry and returns the id it got. */
    long append(AuditEntry entry);

    /** Newest first, those the filter lets through; only entries with an id below {@code beforeId} when it is given. */
    List<AuditEntry> list(int limit, Long beforeId, AuditFilter filter);
}
