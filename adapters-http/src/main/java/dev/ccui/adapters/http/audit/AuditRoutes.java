package dev.ccui.adapters.http.audit;

import static dev.ccui.adapters.http.security.Authentication.caller;

import dev.ccui.adapters.http.RouteGroup;
import dev.ccui.adapters.http.json.QueryParams;
import dev.ccui.adapters.http.security.Access;
import dev.ccui.application.audit.port.in.AuditItem;
import dev.ccui.application.audit.port.in.AuditUseCase;
import dev.ccui.application.common.Page;
import dev.ccui.domain.audit.AuditAction;
import dev.ccui.domain.audit.AuditEntry;
import dev.ccui.domain.audit.AuditFilter;
import dev.ccui.domain.error.InvalidException;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.Instant;
import java.util.List;

/** {@code GET /api/audit}: who did what, newest first, filtered by actor, action and outcome; admins only. */
public final class AuditRoutes implements RouteGroup {
    private final AuditUseCase audit;

    public AuditRoutes(AuditUseCase audit) {
        this.audit = audit;
    }

    /** Where a run named by an entry happened, so the log can link to its session. */
    record RunSessionView(String id, String projectId) {}

    record EntryView(
            long id,
            Instant at,
            String actorUserId,
            String actorUsername,
            String action,
            String target,
            String ip,
            boolean success,
            String detail,
            RunSessionView session) {
        static EntryView of(AuditItem item) {
            AuditEntry e = item.entry();
            RunSessionView session = item.runSessionId() == null
                    ? null
                    : new RunSessionView(
                            item.runSessionId().value(), item.runProjectId().toString());
            return new EntryView(
                    e.id(),
                    e.at(),
                    e.actorUserId() == null ? null : e.actorUserId().toString(),
                    e.actorUsername(),
                    e.action().code(),
                    e.target(),
                    e.ip(),
                    e.success(),
                    e.detail(),
                    session);
        }
    }

    record PageView(List<EntryView> items, String nextBefore) {}

    @Override
    public void register(RoutesConfig routes) {
        routes.get("/api/audit", this::list, Access.ADMIN);
    }

    private void list(Context ctx) {
        AuditFilter filter = new AuditFilter(
                ctx.queryParam("user"), action(ctx.queryParam("action")), outcome(ctx.queryParam("outcome")));
        Page<AuditItem> page =
                audit.listAudit(caller(ctx), QueryParams.integer(ctx, "limit"), ctx.queryParam("before"), filter);
        ctx.json(new PageView(page.items().stream().map(EntryView::of).toList(), page.nextCursor()));
    }

    private static AuditAction action(String code) {
        if (code == null || code.isBlank()) {
            return null;
        }
        try {
            return AuditAction.fromCode(code.strip());
        } catch (IllegalArgumentException e) {
            throw new InvalidException("action", "action must be one of the audit log's actions, such as auth.login");
        }
    }

    private static Boolean outcome(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        return switch (value.strip()) {
            case "success" -> true;
            case "failure" -> false;
            default -> throw new InvalidException("outcome", "outcome must be success or failure");
        };
    }
}
