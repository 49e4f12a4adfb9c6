package dev.ccui.adapters.http;

import dev.ccui.application.project.port.in.UnsafeProjectsUseCase;

import dev.ccui.application.alert.port.in.ReportIncidentsUseCase;
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
import dev.ccui.application.history.port.in.SessionHistoryUseCase;
import dev.ccui.application.maintenance.port.in.MaintenanceUseCase;
import dev.ccui.application.project.port.in.ProjectsUseCase;
import dev.ccui.application.ratelimit.port.out.RateLimiter;
import dev.ccui.application.run.port.in.RunUseCase;
import dev.ccui.application.user.port.in.ManageUsersUseCase;
import dev.ccui.application.workspace.files.port.in.FilesUseCase;
import dev.ccui.application.workspace.git.port.in.GitUseCase;
import dev.ccui.application.workspace.terminal.port.in.TerminalUseCase;

/** The in-ports the routes call, plus the rate limiter the filters use. */
public record HttpUseCases(AuthStatusUseCase authStatus, SetupUseCase setup, LoginUseCase login, LogoutUseCase logout,
                           AuthenticateUseCase authenticate, CurrentUserUseCase currentUser, ChangePasswordUseCase changePassword,
                           WsTicketUseCase wsTickets, ManageUsersUseCase users, ManageApiKeysUseCase apiKeys,
                           ListAuditUseCase audit, CheckHealthUseCase health, ProjectsUseCase projects,
                           SessionHistoryUseCase history, ChangeFeedUseCase changes, FilesUseCase files, GitUseCase git,
                           TerminalUseCase terminals, RunUseCase runs, RateLimiter rateLimiter,
                           ReportIncidentsUseCase alerts, MaintenanceUseCase maintenance,
                           UnsafeProjectsUseCase unsafeProjects) {

    /** Without the unsafe-projects report (tests of the HTTP layer). */
    public HttpUseCases(AuthStatusUseCase authStatus, SetupUseCase setup, LoginUseCase login, LogoutUseCase logout,
                        AuthenticateUseCase authenticate, CurrentUserUseCase currentUser, ChangePasswordUseCase changePassword,
                        WsTicketUseCase wsTickets, ManageUsersUseCase users, ManageApiKeysUseCase apiKeys,
                        ListAuditUseCase audit, CheckHealthUseCase health, ProjectsUseCase projects,
                        SessionHistoryUseCase history, ChangeFeedUseCase changes, FilesUseCase files, GitUseCase git,
                        TerminalUseCase terminals, RunUseCase runs, RateLimiter rateLimiter,
                        ReportIncidentsUseCase alerts, MaintenanceUseCase maintenance) {
        this(authStatus, setup, login, logout, authenticate, currentUser, changePassword, wsTickets, users, apiKeys, audit,
                health, projects, history, changes, files, git, terminals, runs, rateLimiter, alerts, maintenance,
                admin -> java.util.List.of());
    }

    /** Without alerting and maintenance mode (tests of the HTTP layer). */
    public HttpUseCases(AuthStatusUseCase authStatus, SetupUseCase setup, LoginUseCase login, LogoutUseCase logout,
                        AuthenticateUseCase authenticate, CurrentUserUseCase currentUser, ChangePasswordUseCase changePassword,
                        WsTicketUseCase wsTickets, ManageUsersUseCase users, ManageApiKeysUseCase apiKeys,
                        ListAuditUseCase audit, CheckHealthUseCase health, ProjectsUseCase projects,
                        SessionHistoryUseCase history, ChangeFeedUseCase changes, FilesUseCase files, GitUseCase git,
                        TerminalUseCase terminals, RunUseCase runs, RateLimiter rateLimiter) {
        this(authStatus, setup, login, logout, authenticate, currentUser, changePassword, wsTickets, users, apiKeys, audit,
                health, projects, history, changes, files, git, terminals, runs, rateLimiter, ReportIncidentsUseCase.NONE,
                MaintenanceUseCase.OFF);
    }
}
