package dev.ccui.bootstrap;

import dev.ccui.application.apikey.port.in.ApiKeyUseCase;
import dev.ccui.application.audit.port.in.AuditUseCase;
import dev.ccui.application.auth.port.in.AuthUseCase;
import dev.ccui.application.events.port.in.ChangeFeedUseCase;
import dev.ccui.application.health.port.in.HealthUseCase;
import dev.ccui.application.history.port.in.SessionHistoryUseCase;
import dev.ccui.application.maintenance.port.in.MaintenanceUseCase;
import dev.ccui.application.project.port.in.ProjectUseCase;
import dev.ccui.application.run.port.in.RunUseCase;
import dev.ccui.application.user.port.in.UserUseCase;
import dev.ccui.application.workspace.files.port.in.FilesUseCase;
import dev.ccui.application.workspace.git.port.in.GitUseCase;
import dev.ccui.application.workspace.terminal.port.in.TerminalUseCase;

/**
 * Every in-port of the application as wired by the composition root: what the HTTP adapter,
 * the admin command line and the integration tests drive.
 */
public record UseCases(AuthUseCase auth, UserUseCase users, ApiKeyUseCase apiKeys, AuditUseCase audit,
                       HealthUseCase health, ProjectUseCase projects, SessionHistoryUseCase history,
                       ChangeFeedUseCase changes, FilesUseCase files, GitUseCase git, TerminalUseCase terminals,
                       RunUseCase runs, MaintenanceUseCase maintenance) {
}
