package dev.ccui.bootstrap.config;

import dev.ccui.application.workspace.files.FilesSettings;
import dev.ccui.application.workspace.terminal.TerminalSettings;
import java.nio.file.Path;

/**
 * Project folders, their files and terminals.
 *
 * @param root no project may be this folder itself ({@code CCUI_WORKSPACES_ROOT})
 */
public record WorkspaceConfig(Path root, TerminalSettings terminals, FilesSettings files) {

    @Override
    public String toString() {
        return "workspacesRoot=" + root + ", terminal=" + terminals.enabled() + " (grace " + terminals.grace()
                + ", scrollback " + terminals.scrollbackBytes() + " B, " + terminals.perUser() + "/user, "
                + terminals.global() + " total), fileReadLimit=" + files.maxReadBytes() + ", fileListLimit="
                + files.maxListEntries();
    }
}
