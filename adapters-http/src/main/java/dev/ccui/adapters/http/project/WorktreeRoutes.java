package dev.ccui.adapters.http.project;

import static dev.ccui.adapters.http.security.Authentication.caller;
import static dev.ccui.adapters.http.security.Authentication.client;

import dev.ccui.adapters.http.RouteGroup;
import dev.ccui.adapters.http.json.Json;
import dev.ccui.adapters.http.json.PathIds;
import dev.ccui.adapters.http.security.Access;
import dev.ccui.application.project.worktree.port.in.NewWorktreeCommand;
import dev.ccui.application.project.worktree.port.in.Worktree;
import dev.ccui.application.project.worktree.port.in.WorktreeUseCase;
import io.javalin.config.RoutesConfig;
import java.util.List;
import java.util.Map;

/** {@code /api/projects/{projectId}/worktrees}: the repository's worktrees, each linked one a project of its own. */
public final class WorktreeRoutes implements RouteGroup {
    private final WorktreeUseCase worktrees;

    public WorktreeRoutes(WorktreeUseCase worktrees) {
        this.worktrees = worktrees;
    }

    record NewBody(String branch, Boolean newBranch, String startPoint, String name, String parent) {}

    record WorktreeView(
            String path, String head, String branch, boolean main, boolean locked, boolean prunable, String projectId) {
        static WorktreeView of(Worktree w) {
            return new WorktreeView(
                    w.git().path(),
                    w.git().head(),
                    w.git().branch(),
                    w.git().main(),
                    w.git().locked(),
                    w.git().prunable(),
                    w.projectId() == null ? null : w.projectId().toString());
        }
    }

    @Override
    public void register(RoutesConfig routes) {
        routes.get(
                "/api/projects/{projectId}/worktrees",
                ctx -> {
                    List<WorktreeView> items =
                            worktrees.list(caller(ctx), PathIds.project(ctx.pathParam("projectId"))).stream()
                                    .map(WorktreeView::of)
                                    .toList();
                    ctx.json(Map.of("items", items));
                },
                Access.USER);
        routes.post(
                "/api/projects/{projectId}/worktrees",
                ctx -> {
                    NewBody body = Json.body(ctx, NewBody.class);
                    var created = worktrees.create(
                            caller(ctx),
                            PathIds.project(ctx.pathParam("projectId")),
                            new NewWorktreeCommand(
                                    body.branch(),
                                    Boolean.TRUE.equals(body.newBranch()),
                                    body.startPoint(),
                                    body.name(),
                                    body.parent()),
                            client(ctx));
                    ctx.status(201).json(ProjectView.of(created));
                },
                Access.USER);
        routes.delete(
                "/api/projects/{projectId}/worktrees/{worktreeId}",
                ctx -> {
                    worktrees.remove(
                            caller(ctx),
                            PathIds.project(ctx.pathParam("projectId")),
                            PathIds.project(ctx.pathParam("worktreeId")),
                            "true".equals(ctx.queryParam("force")),
                            client(ctx));
                    ctx.status(204);
                },
                Access.USER);
    }
}
