package dev.ccui.adapters.http.workspace;

import static dev.ccui.adapters.http.security.Authentication.caller;
import static dev.ccui.adapters.http.security.Authentication.client;

import dev.ccui.adapters.http.RouteGroup;
import dev.ccui.adapters.http.json.Json;
import dev.ccui.adapters.http.json.QueryParams;
import dev.ccui.adapters.http.security.Access;
import dev.ccui.adapters.http.sse.EventStream;
import dev.ccui.application.common.ClientInfo;
import dev.ccui.application.workspace.git.port.in.GitUseCase;
import dev.ccui.application.workspace.git.port.in.RemoteOperation;
import dev.ccui.domain.auth.Principal;
import dev.ccui.domain.error.InvalidException;
import dev.ccui.domain.project.ProjectId;
import dev.ccui.domain.workspace.RelativePath;
import dev.ccui.domain.workspace.git.GitFileStatus;
import dev.ccui.domain.workspace.git.GitStatus;
import dev.ccui.domain.workspace.git.HunkRange;
import dev.ccui.domain.workspace.git.PullMode;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * {@code /api/projects/{projectId}/git/…}: status, diff, log, branches, stashes, the actions that
 * change the repository, and fetch, pull and push (which can also stream git's progress).
 */
public final class GitRoutes implements RouteGroup {
    private static final String BASE = "/api/projects/{projectId}/git";
    private final GitUseCase git;
    private final RemoteStreams streams = new RemoteStreams();

    public GitRoutes(GitUseCase git) {
        this.git = git;
    }

    record FileView(
            String path,
            String originalPath,
            String index,
            String worktree,
            boolean staged,
            boolean untracked,
            boolean conflicted) {
        static FileView of(GitFileStatus file) {
            return new FileView(
                    file.path(),
                    file.originalPath(),
                    String.valueOf(file.index()),
                    String.valueOf(file.worktree()),
                    file.staged(),
                    file.untracked(),
                    file.conflicted());
        }
    }

    record StatusView(String branch, String head, String upstream, int ahead, int behind, List<FileView> files) {
        static StatusView of(GitStatus status) {
            return new StatusView(
                    status.branch(),
                    status.head(),
                    status.upstream(),
                    status.ahead(),
                    status.behind(),
                    status.files().stream().map(FileView::of).toList());
        }
    }

    record PathsBody(List<String> paths) {}

    /** A git write on a list of the project's files (stage, unstage, discard): one body, one answer. */
    @FunctionalInterface
    private interface PathsAction {
        void apply(GitUseCase git, Principal caller, ProjectId projectId, List<RelativePath> paths, ClientInfo client);
    }

    private void onPaths(RoutesConfig routes, String path, PathsAction action) {
        routes.post(
                BASE + path,
                ctx -> {
                    action.apply(
                            git,
                            caller(ctx),
                            id(ctx),
                            WorkspaceParams.paths(
                                    Json.body(ctx, PathsBody.class).paths()),
                            client(ctx));
                    ctx.status(204);
                },
                Access.USER);
    }

    record CommitBody(String message) {}

    record CheckoutBody(String branch) {}

    record BranchBody(String name, Boolean checkout) {}

    record DeleteBranchBody(String name, Boolean force) {}

    record RenameBranchBody(String from, String to) {}

    record HunkBody(String path, Integer oldStart, Integer oldLines, Integer newStart, Integer newLines) {
        /** Null when a number is missing: the use case says so once it knows the caller may use the project. */
        HunkRange range() {
            return oldStart == null || oldLines == null || newStart == null || newLines == null
                    ? null
                    : new HunkRange(oldStart, oldLines, newStart, newLines);
        }
    }

    record StashBody(String message, Boolean includeUntracked) {}

    record ApplyStashBody(Boolean pop) {}

    record RemoteBody(String remote) {}

    record PullBody(String mode) {}

    @Override
    public void register(RoutesConfig routes) {
        routes.get(BASE + "/status", ctx -> ctx.json(StatusView.of(git.status(caller(ctx), id(ctx)))), Access.USER);
        routes.get(
                BASE + "/diff",
                ctx -> ctx.json(git.diff(
                        caller(ctx),
                        id(ctx),
                        WorkspaceParams.optional(ctx.queryParam("path")),
                        FileRoutes.flag(ctx, "staged"))),
                Access.USER);
        routes.get(
                BASE + "/log",
                ctx -> ctx.json(Map.of(
                        "items",
                        git.log(
                                caller(ctx),
                                id(ctx),
                                QueryParams.integer(ctx, "skip"),
                                QueryParams.integer(ctx, "limit")))),
                Access.USER);
        routes.get(
                BASE + "/branches", ctx -> ctx.json(Map.of("items", git.branches(caller(ctx), id(ctx)))), Access.USER);
        onPaths(routes, "/stage", GitUseCase::stage);
        onPaths(routes, "/unstage", GitUseCase::unstage);
        routes.post(
                BASE + "/commit",
                ctx -> {
                    String hash = git.commit(
                            caller(ctx),
                            id(ctx),
                            Json.body(ctx, CommitBody.class).message(),
                            client(ctx));
                    ctx.status(201).json(Map.of("hash", hash));
                },
                Access.USER);
        routes.post(
                BASE + "/checkout",
                ctx -> {
                    git.checkout(
                            caller(ctx),
                            id(ctx),
                            Json.body(ctx, CheckoutBody.class).branch(),
                            client(ctx));
                    ctx.status(204);
                },
                Access.USER);
        routes.post(
                BASE + "/branch",
                ctx -> {
                    BranchBody body = Json.body(ctx, BranchBody.class);
                    git.createBranch(
                            caller(ctx), id(ctx), body.name(), Boolean.TRUE.equals(body.checkout()), client(ctx));
                    ctx.status(201).json(Map.of("name", body.name()));
                },
                Access.USER);
        routes.post(
                BASE + "/branch/delete",
                ctx -> {
                    DeleteBranchBody body = Json.body(ctx, DeleteBranchBody.class);
                    git.deleteBranch(caller(ctx), id(ctx), body.name(), Boolean.TRUE.equals(body.force()), client(ctx));
                    ctx.status(204);
                },
                Access.USER);
        routes.post(
                BASE + "/branch/rename",
                ctx -> {
                    RenameBranchBody body = Json.body(ctx, RenameBranchBody.class);
                    git.renameBranch(caller(ctx), id(ctx), body.from(), body.to(), client(ctx));
                    ctx.status(204);
                },
                Access.USER);
        onPaths(routes, "/discard", GitUseCase::discard);
        routes.post(
                BASE + "/discard-hunk",
                ctx -> {
                    HunkBody body = Json.body(ctx, HunkBody.class);
                    git.discardHunk(
                            caller(ctx), id(ctx), WorkspaceParams.optional(body.path()), body.range(), client(ctx));
                    ctx.status(204);
                },
                Access.USER);
        registerStashes(routes);
        registerRemotes(routes);
    }

    private void registerStashes(RoutesConfig routes) {
        routes.get(BASE + "/stashes", ctx -> ctx.json(Map.of("items", git.stashes(caller(ctx), id(ctx)))), Access.USER);
        routes.post(
                BASE + "/stashes",
                ctx -> {
                    StashBody body = optionalBody(ctx, StashBody.class, new StashBody(null, null));
                    git.stash(
                            caller(ctx),
                            id(ctx),
                            body.message(),
                            Boolean.TRUE.equals(body.includeUntracked()),
                            client(ctx));
                    ctx.status(201);
                },
                Access.USER);
        routes.post(
                BASE + "/stashes/{index}/apply",
                ctx -> {
                    boolean pop = Boolean.TRUE.equals(optionalBody(ctx, ApplyStashBody.class, new ApplyStashBody(null))
                            .pop());
                    git.applyStash(caller(ctx), id(ctx), stashIndex(ctx), pop, client(ctx));
                    ctx.status(204);
                },
                Access.USER);
        routes.delete(
                BASE + "/stashes/{index}",
                ctx -> {
                    git.dropStash(caller(ctx), id(ctx), stashIndex(ctx), client(ctx));
                    ctx.status(204);
                },
                Access.USER);
    }

    /**
     * Fetch, pull and push answer when git is done (within the runner's short remote limit), or, asked
     * with {@code Accept: text/event-stream}, stream git's progress until then. Either way the caller
     * and the body are checked first: a refusal is a plain error answer, never a stream.
     */
    private void registerRemotes(RoutesConfig routes) {
        routes.post(
                BASE + "/fetch",
                ctx -> remote(
                        ctx,
                        git.prepareFetch(
                                caller(ctx),
                                id(ctx),
                                optionalBody(ctx, RemoteBody.class, new RemoteBody(null))
                                        .remote(),
                                client(ctx)),
                        null),
                Access.USER);
        routes.post(
                BASE + "/pull",
                ctx -> {
                    String mode = optionalBody(ctx, PullBody.class, new PullBody(null))
                            .mode();
                    PullMode parsed = PullMode.ofCode(mode == null ? PullMode.FAST_FORWARD.code() : mode);
                    if (parsed == null) {
                        throw new InvalidException("mode", "mode is ff-only or rebase");
                    }
                    remote(ctx, git.preparePull(caller(ctx), id(ctx), parsed, client(ctx)), null);
                },
                Access.USER);
        routes.post(
                BASE + "/push",
                ctx -> remote(
                        ctx,
                        git.preparePush(
                                caller(ctx),
                                id(ctx),
                                optionalBody(ctx, RemoteBody.class, new RemoteBody(null))
                                        .remote(),
                                client(ctx)),
                        pushed -> pushed),
                Access.USER);
    }

    /** {@code answer}: the result's JSON; null for a {@code 204} (and {@code {}} in a stream's {@code done}). */
    private <T> void remote(Context ctx, RemoteOperation<T> operation, Function<T, Object> answer) throws IOException {
        if (EventStream.wanted(ctx)) {
            streams.stream(ctx, operation, answer == null ? result -> Map.of() : answer);
            return;
        }
        T result = operation.run();
        if (answer == null) {
            ctx.status(204);
        } else {
            ctx.json(answer.apply(result));
        }
    }

    @Override
    public void stop() {
        streams.stop();
    }

    /** Bodies whose fields are all optional may be left out. */
    private static <T> T optionalBody(Context ctx, Class<T> type, T empty) {
        return ctx.body().isBlank() ? empty : Json.body(ctx, type);
    }

    private static int stashIndex(Context ctx) {
        String text = ctx.pathParam("index");
        if (!text.matches("\\d{1,5}")) {
            throw new InvalidException("index", "index must be a whole number");
        }
        return Integer.parseInt(text);
    }

    private static ProjectId id(Context ctx) {
        return WorkspaceParams.projectId(ctx);
    }
}
