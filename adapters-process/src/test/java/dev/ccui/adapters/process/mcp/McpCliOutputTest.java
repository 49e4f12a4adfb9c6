package dev.ccui.adapters.process.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ccui.domain.mcp.McpScope;
import dev.ccui.domain.mcp.McpServer;
import dev.ccui.domain.mcp.McpServerName;
import dev.ccui.domain.mcp.McpStatus;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The CLI 2.1.328's real output (recorded in docs/claude-cli.md's fixtures), read as the adapter reads it. */
class McpCliOutputTest {

    private static String fixture(String name) throws IOException {
        try (InputStream in = McpCliOutputTest.class.getResourceAsStream("/claude-cli-mcp/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void listNamesEveryServerWithItsStatusAndSkipsTheDiagnostics() throws IOException {
        var listed = McpCliOutput.list(fixture("list.stdout.txt"));

        assertThat(listed).extracting(l -> l.name().value()).containsExactly("web1", "local-cat", "sse1", "echo");
        assertThat(listed)
                .extracting(l -> McpCliOutput.status(l.statusText()))
                .containsExactly(McpStatus.FAILED, McpStatus.FAILED, McpStatus.PENDING_APPROVAL, McpStatus.CONNECTED);
        assertThat(listed.get(3).target()).isEqualTo("/usr/bin/node echo-server.js");
    }

    @Test
    void getOfAStdioServerKeepsTheNamesOfItsEnvironmentButNeverTheValues() throws IOException {
        McpServer server = McpCliOutput.get(new McpServerName("echo"), fixture("get-stdio-connected.stdout.txt"));

        assertThat(server.scope()).isEqualTo(McpScope.LOCAL);
        assertThat(server.type()).isEqualTo("stdio");
        assertThat(server.command()).isEqualTo("/usr/bin/node");
        assertThat(server.args()).containsExactly("echo-server.js");
        assertThat(server.envNames()).containsExactly("API_TOKEN");
        assertThat(server.status()).isEqualTo(McpStatus.CONNECTED);
        assertThat(server.toString()).doesNotContain("fixture-secret-value");
    }

    @Test
    void getOfAnHttpServerKeepsHeaderNamesTheIssueAndTheUserScope() throws IOException {
        McpServer server = McpCliOutput.get(new McpServerName("web1"), fixture("get-http-failed.stdout.txt"));

        assertThat(server.scope()).isEqualTo(McpScope.USER);
        assertThat(server.type()).isEqualTo("http");
        assertThat(server.url()).isEqualTo("http://127.0.0.1:9/mcp");
        assertThat(server.headerNames()).containsExactly("Authorization");
        assertThat(server.status()).isEqualTo(McpStatus.FAILED);
        assertThat(server.issue()).startsWith("ECONNREFUSED");
        assertThat(server.toString()).doesNotContain("fixture-secret-value");
    }

    @Test
    void aProjectServerNobodyApprovedIsPending() throws IOException {
        McpServer server = McpCliOutput.get(new McpServerName("sse1"), fixture("get-sse-pending.stdout.txt"));

        assertThat(server.scope()).isEqualTo(McpScope.PROJECT);
        assertThat(server.type()).isEqualTo("sse");
        assertThat(server.status()).isEqualTo(McpStatus.PENDING_APPROVAL);
    }

    @Test
    void aPasswordInAUrlIsDropped() {
        assertThat(McpCliOutput.withoutUserInfo("https://me:pw@example.com:8443/mcp?x=1"))
                .isEqualTo("https://example.com:8443/mcp?x=1");
        assertThat(McpCliOutput.withoutUserInfo("https://example.com/mcp")).isEqualTo("https://example.com/mcp");
    }
}
