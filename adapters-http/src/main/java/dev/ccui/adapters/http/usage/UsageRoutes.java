package dev.ccui.adapters.http.usage;

import static dev.ccui.adapters.http.security.Authentication.caller;

import dev.ccui.adapters.http.RouteGroup;
import dev.ccui.adapters.http.security.Access;
import dev.ccui.application.usage.port.in.UsageUseCase;
import dev.ccui.domain.error.InvalidException;
import dev.ccui.domain.usage.UsageGroup;
import dev.ccui.domain.usage.UsageReport;
import dev.ccui.domain.usage.UsageRow;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;

/**
 * {@code GET /api/usage?from&to&groupBy}: tokens and cost by day, project, model or user, as JSON
 * or, with {@code format=csv} or {@code Accept: text/csv}, as a CSV download.
 */
public final class UsageRoutes implements RouteGroup {
    private final UsageUseCase usage;

    public UsageRoutes(UsageUseCase usage) {
        this.usage = usage;
    }

    @Override
    public void register(RoutesConfig routes) {
        routes.get("/api/usage", this::report, Access.USER);
    }

    private void report(Context ctx) {
        String groupBy = ctx.queryParam("groupBy");
        UsageReport report = usage.usage(
                caller(ctx),
                day(ctx, "from"),
                day(ctx, "to"),
                groupBy == null || groupBy.isBlank() ? UsageGroup.DAY : UsageGroup.fromWire(groupBy));
        String format = ctx.queryParam("format");
        String accept = ctx.header("Accept");
        boolean csv = "csv".equals(format)
                || (format == null && accept != null && accept.contains("text/csv") && !accept.contains("json"));
        if (format != null && !format.equals("csv") && !format.equals("json")) {
            throw new InvalidException("format", "format must be json or csv");
        }
        if (csv) {
            ctx.contentType("text/csv; charset=utf-8")
                    .header(
                            "Content-Disposition",
                            "attachment; filename=\"usage-" + report.groupBy().wireName() + "-" + report.from() + "-"
                                    + report.to() + ".csv\"")
                    .result(UsageCsv.of(report));
            return;
        }
        ctx.json(new UsageView(report));
    }

    private static LocalDate day(Context ctx, String name) {
        String text = ctx.queryParam(name);
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw new InvalidException(name, name + " must be a day: YYYY-MM-DD");
        }
    }

    record UsageView(String from, String to, String groupBy, List<UsageRow> items, UsageRow total) {
        UsageView(UsageReport report) {
            this(
                    report.from().toString(),
                    report.to().toString(),
                    report.groupBy().wireName(),
                    report.rows(),
                    report.total());
        }
    }
}
