package dev.ccui.adapters.http.workspace;

import static dev.ccui.adapters.http.security.Authentication.caller;
import static dev.ccui.adapters.http.security.Authentication.client;

import dev.ccui.adapters.http.RouteGroup;
import dev.ccui.adapters.http.json.Json;
import dev.ccui.adapters.http.json.QueryParams;
import dev.ccui.adapters.http.security.Access;
import dev.ccui.application.workspace.git.port.in.GitUseCase;
import dev.ccui.domain.project.ProjectId;
import dev.ccui.domain.workspace.git.GitFileStatus;
import dev.ccui.domain.workspace.git.GitStatus;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.List;
import java.util.Map;

/** {@code /api/projects/{projectId}/git/…}: status, diff, log, branches, and the actions that change the repository. */
public final class GitRoutes implements RouteGroup {
    private static final String BASE = "/api/projects/{projectId}/git";
    private final GitUseCase git;

    public GitRoutes(GitUseCase git) {
        this.git = git;
    }

    record FileView(String path, String originalPath, String index, String worktree, boolean staged, boolean untracked,
                    boolean conflicted) {
        static FileView of(GitFileStatus file) {
            return new FileView(file.path(), file.originalPath(), String.valueOf(file.index()), String.valueOf(file.worktree()),
                    file.staged(), file.untracked(), file.conflicted());
        }
    }

    record StatusView(String branch, String head, String upstream, int ahead, int behind, List<FileView> files) {
        static StatusView of(GitStatus status) {
            return new StatusView(status.branch(), status.head(), status.upstream(), status.ahead(), status.behind(),
                    status.files().stream().map(FileView::of).toList());
        }
    }

    record PathsBody(List<String> paths) {
    }

    record CommitBody(String message) {
    }

    record CheckoutBody(String branch) {
    }

    record BranchBody(String name, Boolean checkout) {
    }

    @Override
    public void register(RoutesConfig routes) {
        routes.get(BASE + "/status", ctx -> ctx.json(StatusView.of(git.status(caller(ctx), id(ctx)))), Access.USER);
        routes.get(BASE + "/diff", ctx -> ctx.json(git.diff(caller(ctx), id(ctx), WorkspaceParams.optional(ctx.queryParam("path")),
                FileRoutes.flag(ctx, "staged"))), Access.USER);
        routes.get(BASE + "/log", ctx -> ctx.json(Map.of("items", git.log(caller(ctx), id(ctx),
                QueryParams.integer(ctx, "skip"), QueryParams.integer(ctx, "limit")))), Access.USER);
        routes.get(BASE + "/branches", ctx -> ctx.json(Map.of("items", git.branches(caller(ctx), id(ctx)))), Access.USER);
        routes.post(BASE + "/stage", ctx -> {
            git.stage(caller(ctx), id(ctx), WorkspaceParams.paths(Json.body(ctx, PathsBody.class).paths()), client(ctx));
            ctx.status(204);
        }, Access.USER);
        routes.post(BASE + "/unstage", ctx -> {
            git.unstage(caller(ctx), id(ctx), WorkspaceParams.paths(Json.body(ctx, PathsBody.class).paths()), client(ctx));
            ctx.status(204);
        }, Access.USER);
        routes.post(BASE + "/commit", ctx -> {
            String hash = git.commit(caller(ctx), id(ctx), Json.body(ctx, CommitBody.class).message(), client(ctx));
            ctx.status(201).json(Map.of("hash", hash));
        }, Access.USER);
        routes.post(BASE + "/checkout", ctx -> {
            git.checkout(caller(ctx), id(ctx), Json.body(ctx, CheckoutBody.class).branch(), client(ctx));
            ctx.status(204);
        }, Access.USER);
        routes.post(BASE + "/branch", ctx -> {
            BranchBody body = Json.body(ctx, BranchBody.class);
            git.createBranch(caller(ctx), id(ctx), body.name(), Boolean.TRUE.equals(body.checkout()), client(ctx));
            ctx.status(201).json(Map.of("name", body.name()));
        }, Access.USER);
    }

    private static ProjectId id(Context ctx) {
        return WorkspaceParams.projectId(ctx);
    }
}
