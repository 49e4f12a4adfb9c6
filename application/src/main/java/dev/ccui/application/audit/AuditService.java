package dev.ccui.application.audit;

import dev.ccui.application.audit.port.in.ListAuditUseCase;
import dev.ccui.application.audit.port.out.AuditRepository;
import dev.ccui.application.common.Limits;
import dev.ccui.application.common.Page;
import dev.ccui.domain.audit.AuditEntry;
import dev.ccui.domain.auth.Principal;
import dev.ccui.domain.error.ForbiddenException;
import dev.ccui.domain.error.InvalidException;
import java.util.List;

public final class AuditService implements ListAuditUseCase {
    private final AuditRepository repository;

    public AuditService(AuditRepository repository) {
        this.repository = repository;
    }

    @Override
    public Page<AuditEntry> listAudit(Principal caller, Integer limit, String before) {
        if (!caller.isAdmin()) {
            throw new ForbiddenException("only admins can read the audit log");
        }
        int size = Limits.pageSize(limit, 50, 500);
        Long beforeId = parseCursor(before);
        List<AuditEntry> items = repository.list(size, beforeId);
        String next = items.size() == size ? Long.toString(items.get(items.size() - 1).id()) : null;
        return new Page<>(items, next);
    }

    private static Long parseCursor(String before) {
        if (before == null || before.isBlank()) {
            return null;
        }
        try {
            long id = Long.parseLong(before);
            if (id < 1) {
                throw new NumberFormatException();
            }
            return id;
        } catch (NumberFormatException e) {
            throw new InvalidException("before", "before must be the nextBefore value of a previous page");
        }
    }
}
