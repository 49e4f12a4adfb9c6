package dev.ccui.domain.mcp;

import dev.ccui.domain.error.InvalidException;
import java.util.Locale;

/** Where the CLI keeps a server: the user's config for this project, the project's {@code .mcp.json}, or the user's config for all projects. */
public enum McpScope {
    LOCAL,
    PROJECT,
    USER;

    /** The CLI's and the API's name: {@code local}, {@code project}, {@code user}. */
    public String cliName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static McpScope parse(String field, String text) {
        for (McpScope scope : values()) {
            if (scope.cliName().equals(text)) {
                return scope;
            }
        }
        throw new InvalidException(field, "scope must be local, project or user");
    }
}
