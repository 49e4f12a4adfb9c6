package dev.ccui.application.alert;

import dev.ccui.application.alert.port.in.AlertUseCase;
import dev.ccui.application.audit.port.out.AuditRepository;
import dev.ccui.domain.audit.AuditAction;
import dev.ccui.domain.audit.AuditEntry;
import dev.ccui.domain.audit.AuditFilter;
import java.util.List;

/**
 * Stores audit entries as the wrapped repository does and tells the alerting about failed
 * sign-ins, so no service needs to know about alerts: {@code new Auditor(new
 * AlertingAuditRepository(repository, alerts), clock)}.
 */
public final class AlertingAuditRepository implements AuditRepository {
    private final AuditRepository delegate;
    private final AlertUseCase alerts;

    public AlertingAuditRepository(AuditRepository delegate, AlertUseCase alerts) {
        this.delegate = delegate;
        this.alerts = alerts;
    }

    @Override
    public long append(AuditEntry entry) {
        try {
            return delegate.append(entry);
        } finally {
            if (entry.action() == AuditAction.LOGIN_FAILED && entry.ip() != null) {
                alerts.loginFailed(entry.ip());
            }
        }
    }

    @Override
    public List<AuditEntry> list(int limit, Long beforeId, AuditFilter filter) {
        return delegate.list(limit, beforeId, filter);
    }
}
