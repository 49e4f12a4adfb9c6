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
 */
public record ClaudeConfig(String cliPath, Path configDir, CliCleanupPeriod cleanup, boolean archive,
                           Optional<Duration> archiveRetention) {

    @Override
    public String toString() {
        return "claudeCli=" + cliPath + " (transcript clean-up " + cleanup + "), archive="
                + (archive ? "on (kept " + archiveRetention.map(Duration::toString).orElse("forever") + ")" : "off")
                + ", claudeConfigDir=" + configDir;
    }
}
