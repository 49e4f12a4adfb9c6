package dev.ccui.adapters.process.claude;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ccui.application.sandbox.port.out.SandboxRequest;
import dev.ccui.application.workspace.git.port.out.CommitMessageWriter;
import dev.ccui.domain.error.UnavailableException;
import dev.ccui.domain.user.UserId;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * One {@code claude -p} turn with no tools and no MCP servers, the diff in the prompt on stdin (never on the
 * command line), no session kept on disk: the answer is the message.
 */
public final class CliCommitMessageWriter implements CommitMessageWriter {
    private static final String SYSTEM = "You write git commit messages. Answer with the message only: a summary "
            + "line of at most 72 characters in the imperative mood, then, when the change needs it, a blank line and "
            + "a short body saying why. No quotes, no code fences, no preamble.";
    private static final int MAX_OUTPUT = 256 * 1024;
    private static final int MAX_MESSAGE = 10_000;

    private final OneShotCli cli;
    private final ObjectMapper mapper = new ObjectMapper();

    public CliCommitMessageWriter(OneShotCli cli) {
        this.cli = cli;
    }

    @Override
    public String write(Path project, UserId user, String stagedDiff, boolean truncated) {
        String prompt = "Write the commit message for this staged diff"
                + (truncated ? " (only its beginning is shown: it is longer)" : "") + ".\n\n```diff\n" + stagedDiff
                + "\n```\n";
        OneShotCli.Result result = cli.run(
                SandboxRequest.Profile.CLAUDE,
                project,
                user,
                List.of(
                        "-p",
                        "--output-format",
                        "json",
                        "--no-session-persistence",
                        "--tools",
                        "",
                        "--strict-mcp-config",
                        "--system-prompt",
                        SYSTEM),
                Map.of(),
                prompt.getBytes(StandardCharsets.UTF_8),
                MAX_OUTPUT);
        JsonNode answer;
        try {
            answer = mapper.readTree(result.stdout().strip());
        } catch (IOException e) {
            answer = null;
        }
        if (answer == null || !answer.isObject() || answer.path("is_error").asBoolean(true)) {
            String reason = answer != null && answer.isObject()
                    ? answer.path("result").asText("")
                    : result.stderr().strip().lines().findFirst().orElse("exit " + result.exit());
            throw new UnavailableException(
                    "COMMIT_MESSAGE_FAILED", "Claude could not write a commit message: " + clip(reason, 300), null);
        }
        return clip(answer.path("result").asText("").strip(), MAX_MESSAGE);
    }

    private static String clip(String text, int max) {
        return text.length() > max ? text.substring(0, max) : text;
    }
}
