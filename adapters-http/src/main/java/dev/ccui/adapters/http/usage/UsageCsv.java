package dev.ccui.adapters.http.usage;

import dev.ccui.domain.usage.UsageReport;
import dev.ccui.domain.usage.UsageRow;
import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * A usage report as CSV (RFC 4180). Labels are names people chose (projects, users) and may be
 * read by a spreadsheet: a cell that starts with {@code = + - @}, a tab or a carriage return is
 * taken as a formula there, so such a cell is prefixed with {@code '} (OWASP's advice against CSV
 * injection) before the usual quoting.
 */
final class UsageCsv {
    private UsageCsv() {}

    static String of(UsageReport report) {
        StringBuilder out = new StringBuilder();
        out.append(report.groupBy().wireName()).append(",key,inputTokens,outputTokens,costUsd,turns\r\n");
        for (UsageRow row : report.rows()) {
            line(out, row.label(), row.key(), row);
        }
        line(out, "total", "", report.total());
        return out.toString();
    }

    private static void line(StringBuilder out, String label, String key, UsageRow row) {
        out.append(cell(label))
                .append(',')
                .append(cell(key))
                .append(',')
                .append(row.inputTokens())
                .append(',')
                .append(row.outputTokens())
                .append(',')
                .append(BigDecimal.valueOf(row.costUsd())
                        .setScale(6, RoundingMode.HALF_UP)
                        .toPlainString())
                .append(',')
                .append(row.turns())
                .append("\r\n");
    }

    static String cell(String text) {
        if (text == null || text.isEmpty()) {
            return "";
        }
        String safe = "=+-@\t\r".indexOf(text.charAt(0)) >= 0 ? "'" + text : text;
        if (safe.indexOf(',') >= 0 || safe.indexOf('"') >= 0 || safe.indexOf('\n') >= 0 || safe.indexOf('\r') >= 0) {
            return '"' + safe.replace("\"", "\"\"") + '"';
        }
        return safe;
    }
}
