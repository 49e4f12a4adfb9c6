package dev.ccui.domain.usage;

/**
 * One line of a usage report.
 *
 * @param key   what the line is of: a date (YYYY-MM-DD), a project or user id, a model name; empty
 *              for work of no known model or user
 * @param label what people read: the date, the project's name, the model, the username
 * @param turns how many records were summed (turns through the app; whole sessions outside it)
 */
public record UsageRow(String key, String label, long inputTokens, long outputTokens, double costUsd, long turns) {

    UsageRow plus(UsageRecord record) {
        return new UsageRow(
                key,
                label,
                inputTokens + record.inputTokens(),
                outputTokens + record.outputTokens(),
                costUsd + record.costUsd(),
                turns + 1);
    }
}
