package dev.ccui.adapters.http.mcp;

import static dev.ccui.adapters.http.security.Authentication.caller;
import static dev.ccui.adapters.http.security.Authentication.client;

import dev.ccui.adapters.http.RouteGroup;
import dev.ccui.adapters.http.json.Json;
import dev.ccui.adapters.http.security.Access;
import dev.ccui.application.mcp.port.in.AddMcpServerCommand;
import dev.ccui.application.mcp.port.in.McpServersUseCase;
import dev.ccui.domain.error.NotFoundException;
import dev.ccui.domain.mcp.McpServer;
import dev.ccui.domain.mcp.McpServerSpec;
import dev.ccui.domain.project.ProjectId;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.List;
import java.util.Map;

/**
 * {@code /api/projects/{projectId}/mcp-servers}: the MCP servers the CLI sees there for the caller. The
 * values of environment variables and headers go in and never come out: answers carry their names only.
 */
public final class McpRoutes implements RouteGroup {
    private static final String BASE = "/api/projects/{projectId}/mcp-servers";
    private final McpServersUseCase servers;

    public McpRoutes(McpServersUseCase servers) {
        this.servers = servers;
    }

    record ServerView(
            String name,
            String scope,
            String transport,
            String command,
            List<String> args,
            List<String> envNames,
            String url,
            List<String> headerNames,
            String status,
            String statusText,
            String issue) {
        static ServerView of(McpServer server) {
            return new ServerView(
                    server.name().value(),
                    server.scope() == null ? null : server.scope().cliName(),
                    server.type(),
                    server.command(),
                    server.args(),
                    server.envNames(),
                    server.url(),
                    server.headerNames(),
                    server.status().apiName(),
                    server.statusText(),
                    server.issue());
        }
    }

    record AddBody(
            String name,
            String scope,
            String transport,
            String command,
            List<String> args,
            Map<String, String> env,
            String url,
            Map<String, String> headers) {}

    @Override
    public void register(RoutesConfig routes) {
        routes.get(
                BASE,
                ctx -> ctx.json(Map.of(
                        "items",
                        servers.list(caller(ctx), id(ctx)).stream()
                                .map(ServerView::of)
                                .toList())),
                Access.USER);
        routes.post(
                BASE,
                ctx -> {
                    AddBody body = Json.body(ctx, AddBody.class);
                    McpServerSpec added = servers.add(
                            caller(ctx),
                            id(ctx),
                            new AddMcpServerCommand(
                                    body.name(),
                                    body.scope(),
                                    body.transport(),
                                    body.command(),
                                    body.args(),
                                    body.env(),
                                    body.url(),
                                    body.headers()),
                            client(ctx));
                    ctx.status(201)
                            .json(Map.of(
                                    "name", added.name().value(),
                                    "scope", added.scope().cliName(),
                                    "transport", added.transport().cliName()));
                },
                Access.USER);
        routes.delete(
                BASE + "/{name}",
                ctx -> {
                    servers.remove(caller(ctx), id(ctx), ctx.pathParam("name"), ctx.queryParam("scope"), client(ctx));
                    ctx.status(204);
                },
                Access.USER);
    }

    private static ProjectId id(Context ctx) {
        return ProjectId.parse(ctx.pathParam("projectId")).orElseThrow(() -> new NotFoundException("no such project"));
    }
}
