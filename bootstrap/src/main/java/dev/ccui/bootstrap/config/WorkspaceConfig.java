package dev.ccui.bootstrap.config;

import dev.ccui.application.workspace.files.FilesSettings;
import dev.ccui.application.workspace.terminal.TerminalSettings;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Project folders, their files and terminals.
 *
 * @param root no project may be this folder itself ({@code CCUI_WORKSPACES_ROOT})
 */
public record WorkspaceConfig(Path root, TerminalSettings terminals, FilesSettings files) {

    /** @param claude terminals resume sessions with the same CLI and clean-up period as runs */
    static WorkspaceConfig read(EnvironmentReader r, ClaudeConfig claude) {
        return new WorkspaceConfig(
                r.path("CCUI_WORKSPACES_ROOT", r.home()),
                new TerminalSettings(
                        r.bool("CCUI_TERMINAL_ENABLED", true),
                        r.duration("CCUI_TERMINAL_GRACE", Duration.ofMinutes(10)),
                        r.integer("CCUI_TERMINAL_SCROLLBACK", 1024 * 1024, 1024, 64 * 1024 * 1024),
                        r.integer("CCUI_TERMINALS_PER_USER", 5, 1, 1000),
                        r.integer("CCUI_TERMINALS_MAX", 50, 1, 10_000),
                        claude.cliPath(),
                        claude.cleanup()),
                new FilesSettings(
                        r.integer("CCUI_FILE_READ_LIMIT", 5 * 1024 * 1024, 1024, 512 * 1024 * 1024),
                        r.integer("CCUI_FILE_LIST_LIMIT", 5_000, 10, 1_000_000),
                        r.integer(
                                "CCUI_UPLOAD_FILE_LIMIT",
                                (int) FilesSettings.DEFAULT_UPLOAD_FILE_BYTES,
                                1024,
                                Integer.MAX_VALUE),
                        r.integer(
                                "CCUI_UPLOAD_REQUEST_LIMIT",
                                (int) FilesSettings.DEFAULT_UPLOAD_REQUEST_BYTES,
                                1024,
                                Integer.MAX_VALUE),
                        r.integer("CCUI_UPLOAD_MAX_FILES", FilesSettings.DEFAULT_UPLOAD_FILES, 1, 100_000),
                        r.integer("CCUI_ZIP_LIMIT", (int) FilesSettings.DEFAULT_ZIP_BYTES, 1024, Integer.MAX_VALUE)));
    }

    @Override
    public String toString() {
        return "workspacesRoot=" + root + ", terminal=" + terminals.enabled() + " (grace " + terminals.grace()
                + ", scrollback " + terminals.scrollbackBytes() + " B, " + terminals.perUser() + "/user, "
                + terminals.global() + " total), fileReadLimit=" + files.maxReadBytes() + ", fileListLimit="
                + files.maxListEntries() + ", upload " + files.maxUploadFileBytes() + " B/file, "
                + files.maxUploadRequestBytes() + " B and " + files.maxUploadFiles() + " files/request, zip "
                + files.maxZipBytes() + " B";
    }
}
