package dev.ccui.application.audit.port.in;

import dev.ccui.application.common.Page;
import dev.ccui.domain.audit.AuditFilter;
import dev.ccui.domain.auth.Principal;

public interface AuditUseCase {

    /** Admins only; newest first, {@code before} is the cursor of the previous page (of the same filter). */
    Page<AuditItem> listAudit(Principal caller, Integer limit, String before, AuditFilter filter);
}
