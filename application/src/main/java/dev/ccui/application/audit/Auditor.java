package dev.ccui.application.audit;

import dev.ccui.application.audit.port.out.AuditRepository;
import dev.ccui.application.common.ClientInfo;
import dev.ccui.domain.audit.AuditAction;
import dev.ccui.domain.audit.AuditEntry;
import dev.ccui.domain.auth.Principal;
import dev.ccui.domain.user.UserId;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes audit entries for the services. A failure to audit is logged but never undoes or
 * fails the action it records: the action already happened.
 */
public final class Auditor {
    private static final Logger LOG = LoggerFactory.getLogger(Auditor.class);
    private static final int MAX_DETAIL = 500;

    private final AuditRepository repository;
    private final Clock clock;

    public Auditor(AuditRepository repository, Clock clock) {
        this.repository = repository;
        this.clock = clock;
    }

    public void record(
            AuditAction action, Principal actor, String target, ClientInfo client, boolean success, String detail) {
        record(
                action,
                actor == null ? null : actor.userId(),
                actor == null ? null : actor.username().value(),
                target,
                client,
                success,
                detail);
    }

    public void record(
            AuditAction action,
            UserId actorId,
            String actorName,
            String target,
            ClientInfo client,
            boolean success,
            String detail) {
        AuditEntry entry = new AuditEntry(
                0,
                clock.instant(),
                actorId,
                clip(actorName),
                action,
                clip(target),
                client == null ? null : client.ip(),
                success,
                clip(detail));
        try {
            repository.append(entry);
        } catch (RuntimeException e) {
            LOG.error("could not write audit entry {}", action.code(), e);
        }
    }

    private static String clip(String text) {
        if (text == null) {
            return null;
        }
        String cleaned = text.replaceAll("\\p{Cntrl}", " ");
        return cleaned.length() > MAX_DETAIL ? cleaned.substring(0, MAX_DETAIL) : cleaned;
    }
}
