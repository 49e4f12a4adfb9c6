package dev.ccui.adapters.process.mcp;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ccui.adapters.process.claude.OneShotCli;
import dev.ccui.application.mcp.port.out.McpCli;
import dev.ccui.application.sandbox.port.out.SandboxRequest;
import dev.ccui.domain.error.ConflictException;
import dev.ccui.domain.error.NotFoundException;
import dev.ccui.domain.error.UnavailableException;
import dev.ccui.domain.mcp.McpScope;
import dev.ccui.domain.mcp.McpServer;
import dev.ccui.domain.mcp.McpServerName;
import dev.ccui.domain.mcp.McpServerSpec;
import dev.ccui.domain.mcp.McpTransport;
import dev.ccui.domain.user.UserId;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;

/**
 * MCP servers through the CLI's own {@code claude mcp} commands, so its files ({@code .claude.json} of the
 * user, the project's {@code .mcp.json}) stay the only record. A new server goes in with {@code add-json}
 * and its JSON on stdin: the secrets in its environment or headers never appear on a command line, where
 * {@code ps} would show them. Listing shows each server with {@code mcp get}, which health-checks it.
 */
public final class CliMcpServers implements McpCli {
    private static final int MAX_OUTPUT = 256 * 1024;
    /** {@code get} starts the server to check it: a few at a time, each a CLI of its own. */
    private static final int PARALLEL_CHECKS = 3;

    private final OneShotCli cli;
    private final ObjectMapper mapper = new ObjectMapper();
    private final Semaphore checks = new Semaphore(PARALLEL_CHECKS);

    public CliMcpServers(OneShotCli cli) {
        this.cli = cli;
    }

    @Override
    public List<McpServer> list(Path project, UserId user) {
        OneShotCli.Result listed = run(SandboxRequest.Profile.CLAUDE, project, user, List.of("mcp", "list"), null);
        if (listed.exit() != 0) {
            throw failed("listing the MCP servers", listed);
        }
        List<McpCliOutput.Listed> names = McpCliOutput.list(listed.stdout());
        List<Future<McpServer>> details = new ArrayList<>();
        try (var threads = Executors.newVirtualThreadPerTaskExecutor()) {
            for (McpCliOutput.Listed server : names) {
                details.add(threads.submit(() -> describe(project, user, server)));
            }
        }
        List<McpServer> servers = new ArrayList<>();
        for (Future<McpServer> detail : details) {
            try {
                servers.add(detail.get());
            } catch (ExecutionException e) {
                throw e.getCause() instanceof RuntimeException runtime ? runtime : new IllegalStateException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new UnavailableException("interrupted while listing MCP servers");
            }
        }
        return servers;
    }

    private McpServer describe(Path project, UserId user, McpCliOutput.Listed server) throws InterruptedException {
        checks.acquire();
        try {
            OneShotCli.Result got = run(
                    SandboxRequest.Profile.CLAUDE,
                    project,
                    user,
                    List.of("mcp", "get", server.name().value()),
                    null);
            return got.exit() == 0 ? McpCliOutput.get(server.name(), got.stdout()) : McpCliOutput.fromList(server);
        } finally {
            checks.release();
        }
    }

    @Override
    public void add(Path project, UserId user, McpServerSpec spec) {
        OneShotCli.Result added = run(
                SandboxRequest.Profile.CLAUDE_CONFIG,
                project,
                user,
                List.of(
                        "mcp",
                        "add-json",
                        "--scope",
                        spec.scope().cliName(),
                        spec.name().value(),
                        "-"),
                json(spec));
        if (added.exit() != 0) {
            String reason = reason(added);
            if (reason.contains("already exists")) {
                throw new ConflictException("MCP_SERVER_EXISTS", reason);
            }
            throw failed("adding the MCP server", added);
        }
    }

    @Override
    public void remove(Path project, UserId user, McpServerName name, McpScope scope) {
        List<String> arguments = new ArrayList<>(List.of("mcp", "remove"));
        if (scope != null) {
            arguments.addAll(List.of("--scope", scope.cliName()));
        }
        arguments.add(name.value());
        OneShotCli.Result removed = run(SandboxRequest.Profile.CLAUDE_CONFIG, project, user, arguments, null);
        if (removed.exit() != 0) {
            String reason = reason(removed);
            if (reason.startsWith("No MCP server")) {
                throw new NotFoundException("MCP_SERVER_NOT_FOUND", reason);
            }
            if (reason.contains("multiple scopes")) {
                throw new ConflictException(
                        "MCP_SCOPE_REQUIRED", "the server " + name + " is in several scopes: name the scope to remove");
            }
            throw failed("removing the MCP server", removed);
        }
    }

    private OneShotCli.Result run(
            SandboxRequest.Profile profile, Path project, UserId user, List<String> arguments, byte[] stdin) {
        return cli.run(profile, project, user, arguments, Map.of(), stdin, MAX_OUTPUT);
    }

    private byte[] json(McpServerSpec spec) {
        ObjectNode server =
                mapper.createObjectNode().put("type", spec.transport().cliName());
        if (spec.transport() == McpTransport.STDIO) {
            server.put("command", spec.command());
            var args = server.putArray("args");
            spec.args().forEach(args::add);
            ObjectNode env = server.putObject("env");
            spec.env().forEach(env::put);
        } else {
            server.put("url", spec.url());
            ObjectNode headers = server.putObject("headers");
            spec.headers().forEach(headers::put);
        }
        return server.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** The CLI's first line of complaint, without anything it may have echoed of the server's settings. */
    private static String reason(OneShotCli.Result result) {
        String text = result.stderr().isBlank() ? result.stdout() : result.stderr();
        String first = text.strip().lines().findFirst().orElse("").strip();
        return first.length() > 300 ? first.substring(0, 300) : first;
    }

    private static ConflictException failed(String what, OneShotCli.Result result) {
        String reason = reason(result);
        return new ConflictException(
                "MCP_CLI_FAILED",
                what + " failed" + (reason.isEmpty() ? " (exit " + result.exit() + ")" : ": " + reason));
    }
}
