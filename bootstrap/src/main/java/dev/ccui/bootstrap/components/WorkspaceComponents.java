package dev.ccui.bootstrap.components;

import dev.ccui.adapters.http.HttpEdge;
import dev.ccui.adapters.http.RouteGroup;
import dev.ccui.adapters.http.metrics.HttpMetrics;
import dev.ccui.adapters.http.workspace.FileRoutes;
import dev.ccui.adapters.http.workspace.GitRoutes;
import dev.ccui.adapters.http.workspace.TerminalEndpoint;
import dev.ccui.adapters.http.workspace.UploadLimits;
import dev.ccui.adapters.process.workspace.files.LocalWorkspaceFiles;
import dev.ccui.adapters.process.workspace.git.GitCliClient;
import dev.ccui.adapters.process.workspace.git.GitRunner;
import dev.ccui.adapters.process.workspace.terminal.PtyTerminalSpawner;
import dev.ccui.application.audit.Auditor;
import dev.ccui.application.events.port.in.ChangeFeedUseCase;
import dev.ccui.application.project.ProjectAccess;
import dev.ccui.application.sandbox.port.out.ProcessSandbox;
import dev.ccui.application.workspace.files.FilesService;
import dev.ccui.application.workspace.git.GitService;
import dev.ccui.application.workspace.terminal.TerminalService;
import dev.ccui.application.workspace.terminal.port.out.ResumableSessions;
import dev.ccui.bootstrap.config.WorkspaceConfig;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** A project's files, git and terminals, each run in the process sandbox. */
public final class WorkspaceComponents implements AutoCloseable {
    private final FilesService files;
    private final UploadLimits uploadLimits;
    private final GitService git;
    private final TerminalService terminals;

    private WorkspaceComponents(
            FilesService files, UploadLimits uploadLimits, GitService git, TerminalService terminals) {
        this.files = files;
        this.uploadLimits = uploadLimits;
        this.git = git;
        this.terminals = terminals;
    }

    /**
     * @param environment   the variables the app was configured from, which shells see (in tests a HOME of their
     *                      own, so no user's ~/.bashrc can stall them)
     * @param sessions      the project of a session a terminal resumes, and its archived transcript restored first
     * @param uploads       where uploads wait while they are received (in the data dir: /tmp may be memory)
     */
    public static WorkspaceComponents build(
            WorkspaceConfig config,
            Map<String, String> environment,
            ProjectAccess access,
            ProcessSandbox sandbox,
            Auditor auditor,
            ResumableSessions sessions,
            Path uploads) {
        var shellEnvironment = new HashMap<>(System.getenv());
        shellEnvironment.putAll(environment);
        var git = GitRunner.sandboxed(sandbox);
        return new WorkspaceComponents(
                new FilesService(access, new LocalWorkspaceFiles(git), auditor, config.files()),
                new UploadLimits(
                        config.files().maxUploadFileBytes(),
                        config.files().maxUploadRequestBytes(),
                        config.files().maxUploadFiles(),
                        uploads),
                new GitService(access, new GitCliClient(git), auditor),
                new TerminalService(
                        access,
                        new PtyTerminalSpawner(shellEnvironment, sandbox),
                        auditor,
                        config.terminals(),
                        sessions));
    }

    public FilesService files() {
        return files;
    }

    public GitService git() {
        return git;
    }

    /** Also this node's part of ending a session: its terminals close. */
    public TerminalService terminals() {
        return terminals;
    }

    public List<RouteGroup> routes(HttpEdge edge, ChangeFeedUseCase changes) {
        return List.of(
                new FileRoutes(files, uploadLimits),
                new GitRoutes(git),
                new TerminalEndpoint(terminals, edge.webSockets(), edge.maintenance(), changes));
    }

    public void bindGauges(HttpMetrics metrics) {
        metrics.gauge("ccui.terminals.open", "open terminals", terminals::openCount);
    }

    @Override
    public void close() {
        terminals.close();
    }
}
