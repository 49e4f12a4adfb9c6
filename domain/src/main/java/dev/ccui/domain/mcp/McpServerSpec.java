package dev.ccui.domain.mcp;

import dev.ccui.domain.error.InvalidException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A server to add: a command with arguments and environment (stdio), or a URL with headers (HTTP, SSE).
 * Checked whole before the CLI is started, with limits that keep the CLI's config files small.
 */
public record McpServerSpec(
        McpServerName name,
        McpScope scope,
        McpTransport transport,
        String command,
        List<String> args,
        Map<String, String> env,
        String url,
        Map<String, String> headers) {
    static final int MAX_COMMAND = 1_000;
    static final int MAX_ARGS = 64;
    static final int MAX_ARG = 4_000;
    static final int MAX_ENTRIES = 64;
    static final int MAX_VALUE = 8_192;
    static final int MAX_URL = 2_048;
    static final int MAX_TOTAL = 64 * 1024;
    private static final Pattern ENV_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,127}");
    /** RFC 9110 token characters. */
    private static final Pattern HEADER_NAME = Pattern.compile("[A-Za-z0-9!#$%&'*+.^_`|~-]{1,128}");

    public McpServerSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(transport, "transport");
        args = args == null ? List.of() : List.copyOf(args);
        env = env == null ? Map.of() : copy(env);
        headers = headers == null ? Map.of() : copy(headers);
        int total = 0;
        if (transport == McpTransport.STDIO) {
            if (command == null || command.isBlank() || command.length() > MAX_COMMAND || !printable(command)) {
                throw new InvalidException("command", "a stdio server needs a command (at most 1000 characters)");
            }
            if (url != null || !headers.isEmpty()) {
                throw new InvalidException("url", "a stdio server has no URL or headers");
            }
            if (args.size() > MAX_ARGS) {
                throw new InvalidException("args", "at most " + MAX_ARGS + " arguments");
            }
            for (String arg : args) {
                if (arg == null || arg.length() > MAX_ARG || !printable(arg)) {
                    throw new InvalidException("args", "an argument is missing, too long or holds control characters");
                }
                total += arg.length();
            }
            total += entries("env", env, ENV_NAME);
        } else {
            if (command != null || !args.isEmpty() || !env.isEmpty()) {
                throw new InvalidException("command", "an HTTP or SSE server has no command, arguments or environment");
            }
            checkUrl(url);
            total += url.length() + entries("headers", headers, HEADER_NAME);
        }
        if (total > MAX_TOTAL) {
            throw new InvalidException(
                    transport == McpTransport.STDIO ? "env" : "headers", "the server's settings are too large");
        }
    }

    private static Map<String, String> copy(Map<String, String> values) {
        if (values.size() > MAX_ENTRIES) {
            return values; // refused with its field below, by entries()
        }
        return java.util.Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    private static int entries(String field, Map<String, String> values, Pattern names) {
        if (values.size() > MAX_ENTRIES) {
            throw new InvalidException(field, "at most " + MAX_ENTRIES + " entries");
        }
        int total = 0;
        for (Map.Entry<String, String> entry : values.entrySet()) {
            String key = entry.getKey();
            String value = entry.getValue();
            if (key == null || !names.matcher(key).matches()) {
                throw new InvalidException(field, "not a valid name: letters, digits and '_' (headers also '-')");
            }
            if (value == null || value.length() > MAX_VALUE || !printable(value)) {
                throw new InvalidException(
                        field, "the value of " + key + " is missing, too long or holds control characters");
            }
            total += key.length() + value.length();
        }
        return total;
    }

    private static void checkUrl(String url) {
        if (url == null || url.length() > MAX_URL || !printable(url)) {
            throw new InvalidException("url", "an HTTP or SSE server needs its URL (at most 2048 characters)");
        }
        try {
            URI uri = new URI(url);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
                throw new InvalidException("url", "the URL must be http:// or https:// with a host");
            }
        } catch (URISyntaxException e) {
            throw new InvalidException("url", "not a URL");
        }
    }

    /** No control characters: they would break the CLI's one-line output and hide text in the UI. */
    private static boolean printable(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (Character.isISOControl(text.charAt(i))) {
                return false;
            }
        }
        return true;
    }
}
