package dev.ccui.domain.permission;

import dev.ccui.domain.error.InvalidException;
import java.util.regex.Pattern;

/**
 * A rule in the CLI's own syntax: a tool ({@code Read}, {@code mcp__server__tool}) or a tool with a
 * specifier ({@code Bash(npm test:*)}, {@code Edit(src/**)}). Rules become arguments of the CLI, so
 * one that could pass for a flag ({@code --dangerously-skip-permissions}) or carry a line break never
 * gets that far.
 */
public final class ToolRule {
    public static final int MAX_SPECIFIER_CHARS = 200;
    private static final Pattern RULE = Pattern.compile("[A-Za-z][A-Za-z0-9_-]{0,99}(\\([^\\p{Cntrl}()]{0,200}\\))?");

    private ToolRule() {}

    public static boolean isValid(String rule) {
        return rule != null && RULE.matcher(rule).matches();
    }

    /** The rule, or a 400 naming {@code field}. */
    public static String check(String field, String rule) {
        if (!isValid(rule)) {
            throw new InvalidException(
                    field,
                    "a rule is a tool name such as Read or mcp__server__tool, or a tool with a pattern such as"
                            + " Bash(npm test:*) or Edit(src/**) (at most " + MAX_SPECIFIER_CHARS
                            + " characters in the parentheses, none of them parentheses or control characters)");
        }
        return rule;
    }
}
