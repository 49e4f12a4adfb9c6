package dev.ccui.adapters.http.workspace;

import static dev.ccui.adapters.http.security.Authentication.caller;

import dev.ccui.adapters.http.RouteGroup;
import dev.ccui.adapters.http.security.Access;
import dev.ccui.application.workspace.git.port.in.CommitMessageUseCase;
import io.javalin.config.RoutesConfig;
import java.util.Map;

/** {@code POST /api/projects/{projectId}/git/commit-message}: Claude's message for the staged diff. */
public final class CommitMessageRoutes implements RouteGroup {
    private final CommitMessageUseCase messages;

    public CommitMessageRoutes(CommitMessageUseCase messages) {
        this.messages = messages;
    }

    @Override
    public void register(RoutesConfig routes) {
        routes.post(
                "/api/projects/{projectId}/git/commit-message",
                ctx -> ctx.json(Map.of("message", messages.suggest(caller(ctx), WorkspaceParams.projectId(ctx)))),
                Access.USER);
    }
}
