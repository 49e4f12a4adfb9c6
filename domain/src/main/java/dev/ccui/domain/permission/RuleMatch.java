package dev.ccui.domain.permission;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Which saved rule decides a tool call, matched as the CLI (2.1.328) matches its {@code
 * --allowedTools} / {@code --disallowedTools}: a deny rule before any allow rule. What people read on
 * a tool or permission card ("allowed by {@code Edit(src/**)}"); the CLI itself decides.
 *
 * <ul>
 *   <li>{@code Tool}: every call of that tool. {@code Edit} covers every tool that edits files
 *       ({@code Write}, {@code MultiEdit}, {@code NotebookEdit}), {@code Read} the ones that read them
 *       ({@code Glob}, {@code Grep}).</li>
 *   <li>{@code Bash(npm test:*)}: the command is {@code npm test} or starts with {@code npm test };
 *       {@code Bash(git * main)}: {@code *} is any text; {@code Bash(git *)} also matches {@code git};
 *       without {@code *} the command is exactly the rule's.</li>
 *   <li>{@code Edit(src/**)}, {@code Read(docs/*.md)}: gitignore patterns for the call's {@code
 *       file_path} ({@code notebook_path}, {@code path}) in the project. {@code *} stays within a
 *       folder, {@code **} crosses folders; a pattern with a {@code /} in it ({@code /src/x}, {@code
 *       ./src/x}, {@code src/x}) starts at the project's folder, one without ({@code *.md}) matches at
 *       any depth; {@code //abs} is an absolute path; a pattern naming a folder covers what is in it.
 *       {@code ~/…} (the CLI's home) is never claimed to match.</li>
 * </ul>
 *
 * @param behavior {@code allow} or {@code deny}
 * @param rule     the rule as saved
 */
public record RuleMatch(String behavior, String rule) {
    private static final Set<String> EDITS = Set.of("Edit", "Write", "MultiEdit", "NotebookEdit");
    private static final Set<String> READS = Set.of("Read", "Glob", "Grep");

    public RuleMatch {
        Objects.requireNonNull(behavior, "behavior");
        Objects.requireNonNull(rule, "rule");
    }

    /** The rule that decides the call: the first matching deny rule, else the first matching allow rule. */
    public static Optional<RuleMatch> of(ToolRules rules, String tool, Map<String, Object> input, Path projectRoot) {
        return first(rules.deny(), tool, input, projectRoot)
                .map(rule -> new RuleMatch("deny", rule))
                .or(() -> first(rules.allow(), tool, input, projectRoot).map(rule -> new RuleMatch("allow", rule)));
    }

    private static Optional<String> first(List<String> rules, String tool, Map<String, Object> input, Path root) {
        return rules.stream().filter(rule -> matches(rule, tool, input, root)).findFirst();
    }

    /** Whether {@code rule} covers a call of {@code tool} with {@code input} in the project at {@code root}. */
    public static boolean matches(String rule, String tool, Map<String, Object> input, Path root) {
        if (rule == null || tool == null) {
            return false;
        }
        int open = rule.indexOf('(');
        String name = open < 0 ? rule : rule.substring(0, open);
        if (!covers(name, tool)) {
            return false;
        }
        if (open < 0 || !rule.endsWith(")")) {
            return open < 0;
        }
        String specifier = rule.substring(open + 1, rule.length() - 1);
        if (specifier.isEmpty() || specifier.equals("*")) {
            return true;
        }
        if (tool.equals("Bash")) {
            return input.get("command") instanceof String command && commandMatches(specifier, command.strip());
        }
        if (EDITS.contains(tool) || READS.contains(tool)) {
            String path = path(input);
            return path != null && root != null && pathMatches(specifier, path, root);
        }
        // Other tools' specifiers (WebFetch(domain:…), an MCP tool's) are not guessed at.
        return false;
    }

    private static boolean covers(String name, String tool) {
        return name.equals(tool)
                || name.equals("Edit") && EDITS.contains(tool)
                || name.equals("Read") && READS.contains(tool);
    }

    private static String path(Map<String, Object> input) {
        for (String key : List.of("file_path", "notebook_path", "path")) {
            if (input.get(key) instanceof String text && !text.isBlank()) {
                return text;
            }
        }
        return null;
    }

    static boolean commandMatches(String specifier, String command) {
        if (specifier.endsWith(":*")) {
            String prefix = specifier.substring(0, specifier.length() - 2);
            return command.equals(prefix) || command.startsWith(prefix + " ");
        }
        if (!specifier.contains("*")) {
            return command.equals(specifier);
        }
        StringBuilder regex = new StringBuilder();
        String rest = specifier;
        // "git *": the space and what follows are optional, so that "git" alone matches too.
        boolean optionalTail = rest.endsWith(" *") && rest.indexOf('*') == rest.length() - 1;
        if (optionalTail) {
            rest = rest.substring(0, rest.length() - 2);
        }
        for (String part : rest.split("\\*", -1)) {
            if (!regex.isEmpty()) {
                regex.append(".*");
            }
            regex.append(Pattern.quote(part));
        }
        if (optionalTail) {
            regex.append("(?: .*)?");
        }
        return Pattern.compile(regex.toString(), Pattern.DOTALL)
                .matcher(command)
                .matches();
    }

    static boolean pathMatches(String specifier, String file, Path root) {
        if (specifier.startsWith("~")) {
            return false;
        }
        Path absolute = root.resolve(file).normalize();
        String pattern;
        String target;
        if (specifier.startsWith("//")) {
            pattern = specifier.substring(2);
            target = absolute.toString().substring(1);
        } else {
            Path normalRoot = root.normalize();
            if (!absolute.startsWith(normalRoot) || absolute.equals(normalRoot)) {
                return false;
            }
            target = normalRoot.relativize(absolute).toString().replace('\\', '/');
            pattern = specifier.startsWith("./") ? specifier.substring(2) : specifier;
            boolean anchored =
                    pattern.startsWith("/") || pattern.replaceAll("/+$", "").contains("/");
            pattern = pattern.startsWith("/") ? pattern.substring(1) : pattern;
            if (!anchored) {
                pattern = "**/" + pattern;
            }
        }
        pattern = pattern.replaceAll("/+$", "");
        Pattern glob = Pattern.compile(globRegex(pattern));
        // As in .gitignore, a pattern that names a folder covers everything in it.
        for (String candidate = target; !candidate.isEmpty(); candidate = parent(candidate)) {
            if (glob.matcher(candidate).matches()) {
                return true;
            }
        }
        return false;
    }

    private static String parent(String path) {
        int slash = path.lastIndexOf('/');
        return slash < 0 ? "" : path.substring(0, slash);
    }

    private static String globRegex(String glob) {
        StringBuilder regex = new StringBuilder();
        for (int i = 0; i < glob.length(); i++) {
            char c = glob.charAt(i);
            if (c == '*' && i + 1 < glob.length() && glob.charAt(i + 1) == '*') {
                boolean slashAfter = i + 2 < glob.length() && glob.charAt(i + 2) == '/';
                if (slashAfter) {
                    regex.append("(?:.*/)?");
                    i += 2;
                } else {
                    regex.append(".*");
                    i += 1;
                }
            } else if (c == '*') {
                regex.append("[^/]*");
            } else if (c == '?') {
                regex.append("[^/]");
            } else {
                regex.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return regex.toString();
    }
}
