package dev.ccui.application.audit;

import dev.ccui.application.audit.port.in.AuditItem;
import dev.ccui.application.audit.port.in.AuditUseCase;
import dev.ccui.application.audit.port.out.AuditRepository;
import dev.ccui.application.audit.port.out.RunLookup;
import dev.ccui.application.common.Limits;
import dev.ccui.application.common.Page;
import dev.ccui.domain.audit.AuditAction;
import dev.ccui.domain.audit.AuditEntry;
import dev.ccui.domain.audit.AuditFilter;
import dev.ccui.domain.auth.Principal;
import dev.ccui.domain.error.ForbiddenException;
import dev.ccui.domain.error.InvalidException;
import dev.ccui.domain.run.Run;
import dev.ccui.domain.run.RunId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

public final class AuditService implements AuditUseCase {
    /** The actions whose target is a run id. */
    private static final Set<AuditAction> RUN_TARGETS =
            Set.of(AuditAction.RUN_STARTED, AuditAction.RUN_STOPPED, AuditAction.PERMISSION_DECIDED);

    private final AuditRepository repository;
    private final RunLookup runs;

    public AuditService(AuditRepository repository, RunLookup runs) {
        this.repository = repository;
        this.runs = runs;
    }

    @Override
    public Page<AuditItem> listAudit(Principal caller, Integer limit, String before, AuditFilter filter) {
        if (!caller.isAdmin()) {
            throw new ForbiddenException("only admins can read the audit log");
        }
        int size = Limits.pageSize(limit, 50, 500);
        Long beforeId = parseCursor(before);
        List<AuditEntry> items = repository.list(size, beforeId, filter == null ? AuditFilter.ALL : filter);
        String next =
                items.size() == size ? Long.toString(items.get(items.size() - 1).id()) : null;
        Map<RunId, Optional<Run>> seen = new HashMap<>();
        return new Page<>(items.stream().map(entry -> withRun(entry, seen)).toList(), next);
    }

    /** A page names the same run several times (started, decided, stopped): each is looked up once. */
    private AuditItem withRun(AuditEntry entry, Map<RunId, Optional<Run>> seen) {
        Optional<Run> run = RUN_TARGETS.contains(entry.action())
                ? RunId.parse(entry.target()).flatMap(id -> seen.computeIfAbsent(id, runs::find))
                : Optional.empty();
        return run.map(r -> new AuditItem(entry, r.sessionId(), r.projectId()))
                .orElseGet(() -> new AuditItem(entry, null, null));
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
