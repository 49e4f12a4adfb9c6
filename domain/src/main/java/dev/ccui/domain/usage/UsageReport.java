package dev.ccui.domain.usage;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Usage between two days (both included, UTC) summed by one {@link UsageGroup}, with the total. */
public record UsageReport(LocalDate from, LocalDate to, UsageGroup groupBy, List<UsageRow> rows, UsageRow total) {
    public static final String OUTSIDE_THE_APP = "outside the app";
    public static final String UNKNOWN_MODEL = "unknown";

    public UsageReport {
        rows = List.copyOf(rows);
    }

    /** Sums {@code records}: days in order, everything else the costliest first. */
    public static UsageReport of(LocalDate from, LocalDate to, UsageGroup groupBy, List<UsageRecord> records) {
        Map<String, UsageRow> rows = new LinkedHashMap<>();
        UsageRow total = new UsageRow("", "total", 0, 0, 0, 0);
        for (UsageRecord record : records) {
            UsageRow empty = switch (groupBy) {
                case DAY -> {
                    String day =
                            LocalDate.ofInstant(record.at(), ZoneOffset.UTC).toString();
                    yield new UsageRow(day, day, 0, 0, 0, 0);
                }
                case PROJECT ->
                    new UsageRow(
                            record.projectId().toString(),
                            record.projectName() == null ? record.projectId().toString() : record.projectName(),
                            0,
                            0,
                            0,
                            0);
                case MODEL ->
                    record.model() == null || record.model().isBlank()
                            ? new UsageRow("", UNKNOWN_MODEL, 0, 0, 0, 0)
                            : new UsageRow(record.model(), record.model(), 0, 0, 0, 0);
                case USER ->
                    record.userId() == null
                            ? new UsageRow("", OUTSIDE_THE_APP, 0, 0, 0, 0)
                            : new UsageRow(
                                    record.userId().toString(),
                                    record.username() == null ? record.userId().toString() : record.username(),
                                    0,
                                    0,
                                    0,
                                    0);
            };
            rows.merge(empty.key(), empty.plus(record), (old, added) -> old.plus(record));
            total = total.plus(record);
        }
        List<UsageRow> sorted = new ArrayList<>(rows.values());
        sorted.sort(
                groupBy == UsageGroup.DAY
                        ? Comparator.comparing(UsageRow::key)
                        : Comparator.comparingDouble(UsageRow::costUsd)
                                .reversed()
                                .thenComparing(
                                        Comparator.comparingLong((UsageRow r) -> r.inputTokens() + r.outputTokens())
                                                .reversed())
                                .thenComparing(UsageRow::label));
        return new UsageReport(from, to, groupBy, sorted, total);
    }
}
