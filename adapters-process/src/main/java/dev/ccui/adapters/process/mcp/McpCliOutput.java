package dev.ccui.adapters.process.mcp;

import dev.ccui.domain.mcp.McpScope;
import dev.ccui.domain.mcp.McpServer;
import dev.ccui.domain.mcp.McpServerName;
import dev.ccui.domain.mcp.McpStatus;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads what {@code claude mcp list} and {@code claude mcp get} print (2.1.328, see docs/claude-cli.md and
 * the fixtures): plain text for people, the only form the CLI offers. The values of environment variables
 * and headers are dropped here, as soon as they are read.
 */
final class McpCliOutput {
    /** {@code name: target - status}; the status starts with the CLI's symbol for it. */
    private static final Pattern LIST_LINE = Pattern.compile("^([A-Za-z0-9_-]+): (.*) - ((?:[✔✓✘✗!⏸⊘-]|Rejected).*)$");

    private static final Pattern REMOVE_HINT = Pattern.compile("claude mcp remove \\S+ -s (local|project|user)");

    private McpCliOutput() {}

    /** One line of {@code mcp list}. */
    record Listed(McpServerName name, String target, String statusText) {}

    static List<Listed> list(String stdout) {
        List<Listed> servers = new ArrayList<>();
        for (String line : stdout.split("\\R")) {
            Matcher match = LIST_LINE.matcher(line);
            if (match.matches()) {
                servers.add(new Listed(
                        new McpServerName(match.group(1)),
                        match.group(2),
                        match.group(3).strip()));
            }
        }
        return servers;
    }

    /** {@code mcp get <name>}: its header line, then {@code Key: value} lines, then indented lists. */
    static McpServer get(McpServerName name, String stdout) {
        Map<String, String> fields = new LinkedHashMap<>();
        List<String> envNames = new ArrayList<>();
        List<String> headerNames = new ArrayList<>();
        String section = null;
        McpScope hinted = null;
        for (String line : stdout.split("\\R")) {
            Matcher hint = REMOVE_HINT.matcher(line);
            if (hint.find()) {
                hinted = McpScope.parse("scope", hint.group(1));
            }
            if (line.startsWith("    ") && section != null) {
                String entry = line.strip();
                if (section.equals("Environment")) {
                    int eq = entry.indexOf('=');
                    envNames.add(eq < 0 ? entry : entry.substring(0, eq));
                } else if (section.equals("Headers")) {
                    int colon = entry.indexOf(':');
                    headerNames.add(colon < 0 ? entry : entry.substring(0, colon));
                }
                continue;
            }
            if (line.startsWith("  ") && !line.startsWith("   ")) {
                String entry = line.strip();
                int colon = entry.indexOf(':');
                if (colon > 0) {
                    String key = entry.substring(0, colon);
                    String value = entry.substring(colon + 1).strip();
                    section = value.isEmpty() ? key : null;
                    if (!value.isEmpty()) {
                        fields.putIfAbsent(key, value);
                    }
                    continue;
                }
            }
            section = null;
        }
        String statusText = fields.getOrDefault("Status", "");
        String args = fields.get("Args");
        return new McpServer(
                name,
                hinted != null ? hinted : scope(fields.get("Scope")),
                fields.getOrDefault("Type", "").toLowerCase(Locale.ROOT),
                fields.get("Command"),
                args == null || args.isBlank() ? List.of() : List.of(args.split(" ")),
                envNames,
                withoutUserInfo(fields.get("URL")),
                headerNames,
                status(statusText),
                statusText,
                fields.get("Issue"));
    }

    /** A server {@code get} could not show: what {@code list} said. */
    static McpServer fromList(Listed listed) {
        return new McpServer(
                listed.name(),
                null,
                "",
                null,
                List.of(),
                List.of(),
                null,
                List.of(),
                status(listed.statusText()),
                listed.statusText(),
                null);
    }

    static McpScope scope(String text) {
        if (text == null) {
            return null;
        }
        if (text.startsWith("Local")) {
            return McpScope.LOCAL;
        }
        if (text.startsWith("Project")) {
            return McpScope.PROJECT;
        }
        if (text.startsWith("User")) {
            return McpScope.USER;
        }
        return null;
    }

    static McpStatus status(String text) {
        if (text.contains("tools fetch failed")) {
            return McpStatus.DEGRADED;
        }
        if (text.contains("Connected")) {
            return McpStatus.CONNECTED;
        }
        if (text.contains("Needs authentication")) {
            return McpStatus.NEEDS_AUTH;
        }
        if (text.contains("Failed to connect") || text.contains("Connection error")) {
            return McpStatus.FAILED;
        }
        if (text.contains("Pending approval")) {
            return McpStatus.PENDING_APPROVAL;
        }
        if (text.contains("Rejected")) {
            return McpStatus.REJECTED;
        }
        if (text.contains("Disabled")) {
            return McpStatus.DISABLED;
        }
        if (text.contains("Not configured")) {
            return McpStatus.NOT_CONFIGURED;
        }
        return McpStatus.UNKNOWN;
    }

    /** {@code https://user:secret@host/…} loses its user info: a password in a URL is a secret too. */
    static String withoutUserInfo(String url) {
        if (url == null) {
            return null;
        }
        try {
            URI uri = new URI(url);
            if (uri.getRawUserInfo() == null) {
                return url;
            }
            return new URI(uri.getScheme(), null, uri.getHost(), uri.getPort(), uri.getPath(), uri.getQuery(), null)
                    .toString();
        } catch (URISyntaxException e) {
            return null;
        }
    }
}
