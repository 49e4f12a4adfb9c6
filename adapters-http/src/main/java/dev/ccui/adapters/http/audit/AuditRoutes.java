package dev.ccui.adapters.http.audit;

import static dev.ccui.adapters.http.security.Authentication.caller;

import dev.ccui.adapters.http.json.QueryParams;
import dev.ccui.adapters.http.security.Access;
import dev.ccui.application.audit.port.in.ListAuditUseCase;
import dev.ccui.application.common.Page;
import dev.ccui.domain.audit.AuditEntry;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.Instant;
import java.util.List;

/** {@code GET /api/audit}: who did what, newest first, admins only. */
public final class AuditRoutes {
    private final ListAuditUseCase audit;

    public AuditRoutes(ListAuditUseCase audit) {
        this.audit = audit;
    }

    record EntryView(long id, Instant at, String actorUserId, String actorUsername, String action, String target, String ip,
                     boolean success, String detail) {
        static EntryView of(AuditEntry e) {
            return new EntryView(e.id(), e.at(), e.actorUserId() == null ? null : e.actorUserId().toString(),
                    e.actorUsername(), e.action().code(), e.target(), e.ip(), e.success(), e.detail());
        }
    }

    record PageView(List<EntryView> items, String nextBefore) {
    }

    public void register(RoutesConfig routes) {
        routes.get("/api/audit", this::list, Access.ADMIN);
    }

    private void list(Context ctx) {
        Page<AuditEntry> page = audit.listAudit(caller(ctx), QueryParams.integer(ctx, "limit"), ctx.queryParam("before"));
        ctx.json(new PageView(page.items().stream().map(EntryView::of).toList(), page.nextCursor()));
    }
}
