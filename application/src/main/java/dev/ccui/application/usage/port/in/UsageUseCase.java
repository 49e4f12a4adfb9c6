package dev.ccui.application.usage.port.in;

import dev.ccui.domain.auth.Principal;
import dev.ccui.domain.usage.UsageGroup;
import dev.ccui.domain.usage.UsageReport;
import java.time.LocalDate;

/** Tokens and cost: admins see every project, members the projects they may use. */
public interface UsageUseCase {

    /**
     * @param from first day (UTC), null for 29 days before {@code to}
     * @param to   last day (UTC, included), null for today
     */
    UsageReport usage(Principal caller, LocalDate from, LocalDate to, UsageGroup groupBy);
}
