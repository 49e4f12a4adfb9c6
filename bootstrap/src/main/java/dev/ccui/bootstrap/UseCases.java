package dev.ccui.bootstrap;

import dev.ccui.application.project.port.in.UnsafeProjectsUseCase;

import dev.ccui.application.apikey.port.in.ManageApiKeysUseCase;
import dev.ccui.application.audit.port.in.ListAuditUseCase;
import dev.ccui.application.auth.port.in.AuthStatusUseCase;
import dev.ccui.application.auth.port.in.AuthenticateUseCase;
import dev.ccui.application.auth.port.in.ChangePasswordUseCase;
import dev.ccui.application.auth.port.in.CurrentUserUseCase;
import dev.ccui.application.auth.port.in.LoginUseCase;
import dev.ccui.application.auth.port.in.LogoutUseCase;
import dev.ccui.application.auth.port.in.SetupUseCase;
import dev.ccui.application.auth.port.in.WsTicketUseCase;
import dev.ccui.application.events.port.in.ChangeFeedUseCase;
import dev.ccui.application.health.port.in.CheckHealthUseCase;
import dev.ccui.application.history.port.in.IndexStatusUseCase;
import dev.ccui.application.history.port.in.SessionHistoryUseCase;
import dev.ccui.application.maintenance.port.in.MaintenanceUseCase;
import dev.ccui.application.project.port.in.ProjectsUseCase;
import dev.ccui.application.user.port.in.AdminCommandsUseCase;
import dev.ccui.application.user.port.in.ManageUsersUseCase;
import dev.ccui.application.workspace.files.port.in.FilesUseCase;
import dev.ccui.application.workspace.git.port.in.GitUseCase;
import dev.ccui.application.workspace.terminal.port.in.TerminalUseCase;
import dev.ccui.application.run.port.in.RunUseCase;

/**
 * Every in-port of the application as wired by the composition root: what the HTTP adapter,
 * the admin command line and the integration tests drive.
 */
public record UseCases(AuthStatusUseCase authStatus, SetupUseCase setup, LoginUseCase login, LogoutUseCase logout,
                       AuthenticateUseCase authenticate, CurrentUserUseCase currentUser,
                       ChangePasswordUseCase changePassword, WsTicketUseCase wsTickets, ManageUsersUseCase users,
                       AdminCommandsUseCase adminCommands, ManageApiKeysUseCase apiKeys, ListAuditUseCase audit,
                       CheckHealthUseCase health, ProjectsUseCase projects, SessionHistoryUseCase history,
                       IndexStatusUseCase indexStatus, ChangeFeedUseCase changes, FilesUseCase files, GitUseCase git,
                       TerminalUseCase terminals, RunUseCase runs, MaintenanceUseCase maintenance,
                       UnsafeProjectsUseCase unsafeProjects) {
}
