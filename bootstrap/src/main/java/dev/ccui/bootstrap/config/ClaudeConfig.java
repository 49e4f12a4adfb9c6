package dev.ccui.bootstrap.config;

import dev.ccui.application.history.CliCleanupPeriod;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * The {@code claude} CLI the app starts and the transcripts it writes.
 *
 * @param configDir        {@code CLAUDE_CONFIG_DIR}: where the CLI writes transcripts and the indexer reads them
 * @param cleanup          the transcript clean-up period every CLI the app starts is given
 * @param archive          keep the app's own copy of every transcript
 * @param archiveRetention how long archived transcripts are kept; empty: forever
 * @param indexTranscripts {@code CCUI_INDEX_TRANSCRIPTS}: whether this node indexes the transcripts
 *                         in {@code configDir}. With several nodes, only those that have the folder on
 *                         their disk do (several may, on shared storage: their passes take turns);
 *                         every node serves the index from the shared database.
 */
public record ClaudeConfig(
        String cliPath,
        Path configDir,
        CliCleanupPeriod cleanup,
        boolean archive,
        Optional<Duration> archiveRetention,
        boolean indexTranscripts) {

    static ClaudeConfig read(EnvironmentReader r) {
        CliCleanupPeriod cleanup = CliCleanupPeriod.keep();
        Optional<String> cleanupText = r.optional("CCUI_CLI_CLEANUP_PERIOD_DAYS");
        if (cleanupText.isPresent()) {
            try {
                cleanup = CliCleanupPeriod.parse(cleanupText.get());
            } catch (IllegalArgumentException e) {
                r.problem("CCUI_CLI_CLEANUP_PERIOD_DAYS must be 'keep' (never delete transcripts), 'cli' (the CLI's own"
                        + " setting, 30 days unless set) or a number of days from 1 to " + CliCleanupPeriod.KEEP_DAYS
                        + ", not '" + cleanupText.get() + "'");
            }
        }
        Optional<Duration> retention = Optional.empty();
        String retentionText = r.text("CCUI_ARCHIVE_RETENTION", "forever");
        if (!retentionText.equalsIgnoreCase("forever")) {
            try {
                retention = Optional.of(Durations.parse(retentionText));
                if (retention.get().compareTo(Duration.ofDays(1)) < 0) {
                    throw new IllegalArgumentException();
                }
            } catch (RuntimeException e) {
                r.problem("CCUI_ARCHIVE_RETENTION must be 'forever' or a duration of at least 1d (e.g. 365d), not '"
                        + retentionText + "'");
            }
        }
        return new ClaudeConfig(
                r.text("CLAUDE_CLI_PATH", "claude"),
                r.path("CLAUDE_CONFIG_DIR", r.home().resolve(".claude")),
                cleanup,
                r.bool("CCUI_ARCHIVE", true),
                retention,
                r.bool("CCUI_INDEX_TRANSCRIPTS", true));
    }

    @Override
    public String toString() {
        return "claudeCli=" + cliPath + " (transcript clean-up " + cleanup + "), index="
                + (indexTranscripts ? "on" : "off") + ", archive="
                + (archive
                        ? "on (kept " + archiveRetention.map(Duration::toString).orElse("forever") + ")"
                        : "off")
                + ", claudeConfigDir=" + configDir;
    }
}
