package dev.ccui.application.usage;

import dev.ccui.application.project.port.out.ProjectRepository;
import dev.ccui.application.usage.port.in.UsageUseCase;
import dev.ccui.application.usage.port.out.UsageSource;
import dev.ccui.domain.auth.Principal;
import dev.ccui.domain.error.InvalidException;
import dev.ccui.domain.project.ProjectId;
import dev.ccui.domain.project.ProjectOverview;
import dev.ccui.domain.usage.UsageGroup;
import dev.ccui.domain.usage.UsageRecord;
import dev.ccui.domain.usage.UsageReport;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

public final class UsageService implements UsageUseCase {
    /** A year and a day: a leap year's report fits, and a request stays bounded. */
    static final int MAX_DAYS = 366;

    private final UsageSource source;
    private final ProjectRepository projects;
    private final Clock clock;

    public UsageService(UsageSource source, ProjectRepository projects, Clock clock) {
        this.source = source;
        this.projects = projects;
        this.clock = clock;
    }

    @Override
    public UsageReport usage(Principal caller, LocalDate from, LocalDate to, UsageGroup groupBy) {
        LocalDate last = to != null ? to : LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        LocalDate first = from != null ? from : last.minusDays(29);
        if (first.isAfter(last)) {
            throw new InvalidException("from", "from must not be after to");
        }
        if (ChronoUnit.DAYS.between(first, last) >= MAX_DAYS) {
            throw new InvalidException("from", "a report covers at most 366 days");
        }
        Set<ProjectId> visible = caller.isAdmin()
                ? null
                : projects.overview(caller.userId()).stream()
                        .map(ProjectOverview::project)
                        .map(p -> p.id())
                        .collect(Collectors.toSet());
        List<UsageRecord> records = visible != null && visible.isEmpty()
                ? List.of()
                : source.records(
                        first.atStartOfDay(ZoneOffset.UTC).toInstant(),
                        last.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant(),
                        visible);
        return UsageReport.of(first, last, groupBy, records);
    }
}
