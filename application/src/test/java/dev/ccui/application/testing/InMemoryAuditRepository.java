package dev.ccui.application.testing;

import dev.ccui.application.audit.port.out.AuditRepository;
import dev.ccui.domain.audit.AuditEntry;
import dev.ccui.domain.audit.AuditFilter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

public final class InMemoryAuditRepository implements AuditRepository {
    private final List<AuditEntry> entries = new ArrayList<>();

    @Override
    public synchronized long append(AuditEntry entry) {
        long id = entries.size() + 1L;
        entries.add(new AuditEntry(
                id,
                entry.at(),
                entry.actorUserId(),
                entry.actorUsername(),
                entry.action(),
                entry.target(),
                entry.ip(),
                entry.success(),
                entry.detail()));
        return id;
    }

    @Override
    public synchronized List<AuditEntry> list(int limit, Long beforeId, AuditFilter filter) {
        return entries.stream()
                .filter(e -> beforeId == null || e.id() < beforeId)
                .filter(filter::matches)
                .sorted(Comparator.comparingLong(AuditEntry::id).reversed())
                .limit(limit)
                .toList();
    }

    public synchronized List<AuditEntry> all() {
        return List.copyOf(entries);
    }
}
