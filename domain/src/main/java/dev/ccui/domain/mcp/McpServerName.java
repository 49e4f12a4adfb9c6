package dev.ccui.domain.mcp;

import dev.ccui.domain.error.InvalidException;
import java.util.regex.Pattern;

/**
 * An MCP server's name as the CLI accepts it (letters, digits, {@code -} and {@code _}), never starting with
 * {@code -} or {@code _}: it is an argument of {@code claude mcp}, and a leading dash would read as an option.
 */
public record McpServerName(String value) {
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]{0,63}");

    public McpServerName {
        if (value == null || !NAME.matcher(value).matches()) {
            throw new InvalidException(
                    "name",
                    "an MCP server name is 1 to 64 letters, digits, '-' or '_', starting with a letter or digit");
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
