package dev.ccui.adapters.http;

import dev.ccui.application.alert.port.in.AlertUseCase;
import dev.ccui.application.apikey.port.in.ApiKeyUseCase;
import dev.ccui.application.audit.port.in.AuditUseCase;
import dev.ccui.application.auth.port.in.AuthUseCase;
import dev.ccui.application.events.port.in.ChangeFeedUseCase;
import dev.ccui.application.health.port.in.HealthUseCase;
import dev.ccui.application.history.port.in.SessionHistoryUseCase;
import dev.ccui.application.maintenance.port.in.MaintenanceUseCase;
import dev.ccui.application.project.port.in.ProjectUseCase;
import dev.ccui.application.ratelimit.port.out.RateLimiter;
import dev.ccui.application.run.port.in.RunUseCase;
import dev.ccui.application.user.port.in.UserUseCase;
import dev.ccui.application.workspace.files.port.in.FilesUseCase;
import dev.ccui.application.workspace.git.port.in.GitUseCase;
import dev.ccui.application.workspace.terminal.port.in.TerminalUseCase;

/** The in-ports the routes call, plus the rate limiter the filters use. */
public record HttpUseCases(AuthUseCase auth, UserUseCase users, ApiKeyUseCase apiKeys, AuditUseCase audit,
                           HealthUseCase health, ProjectUseCase projects, SessionHistoryUseCase history,
                           ChangeFeedUseCase changes, FilesUseCase files, GitUseCase git, TerminalUseCase terminals,
                           RunUseCase runs, RateLimiter rateLimiter, AlertUseCase alerts,
                           MaintenanceUseCase maintenance) {

    /** Without alerting and maintenance mode (tests of the HTTP layer). */
    public HttpUseCases(AuthUseCase auth, UserUseCase users, ApiKeyUseCase apiKeys, AuditUseCase audit,
                        HealthUseCase health, ProjectUseCase projects, SessionHistoryUseCase history,
                        ChangeFeedUseCase changes, FilesUseCase files, GitUseCase git, TerminalUseCase terminals,
                        RunUseCase runs, RateLimiter rateLimiter) {
        this(auth, users, apiKeys, audit, health, projects, history, changes, files, git, terminals, runs, rateLimiter,
                AlertUseCase.NONE, MaintenanceUseCase.OFF);
    }
}
