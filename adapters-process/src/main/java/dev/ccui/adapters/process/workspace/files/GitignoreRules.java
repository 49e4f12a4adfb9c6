package dev.ccui.adapters.process.workspace.files;

import dev.ccui.domain.workspace.RelativePath;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code .gitignore} files from the project root down to one folder, for folders that are not
 * in a git work tree (inside one, git itself answers). Covers the common syntax: comments,
 * negation, folder-only patterns, anchoring, {@code *}, {@code ?}, {@code **} and classes, matched
 * in linear time by {@link GlobMatcher} (a hostile pattern cannot pin a CPU).
 */
final class GitignoreRules {
    private record Rule(String base, GlobMatcher pattern, boolean negate, boolean directoryOnly, boolean anchored) {}

    private final List<Rule> rules;

    private GitignoreRules(List<Rule> rules) {
        this.rules = rules;
    }

    static GitignoreRules load(Path realRoot, RelativePath directory) {
        List<Rule> rules = new ArrayList<>();
        RelativePath base = RelativePath.ROOT;
        read(realRoot, base, rules);
        for (String segment : directory.segments()) {
            base = base.child(segment);
            read(realRoot, base, rules);
        }
        return new GitignoreRules(rules);
    }

    private static void read(Path realRoot, RelativePath base, List<Rule> rules) {
        Path file = (base.isRoot() ? realRoot : realRoot.resolve(base.toString())).resolve(".gitignore");
        if (!Files.isRegularFile(file)) {
            return;
        }
        try {
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                Rule rule = parse(base.toString(), line);
                if (rule != null) {
                    rules.add(rule);
                }
            }
        } catch (IOException | RuntimeException e) {
            // An unreadable or undecodable .gitignore hides nothing.
        }
    }

    static Rule parse(String base, String raw) {
        String line = stripTrailingSpace(raw);
        if (line.isEmpty() || line.startsWith("#")) {
            return null;
        }
        boolean negate = line.startsWith("!");
        if (negate) {
            line = line.substring(1);
        } else if (line.startsWith("\\!") || line.startsWith("\\#")) {
            line = line.substring(1);
        }
        boolean directoryOnly = line.endsWith("/");
        if (directoryOnly) {
            line = line.substring(0, line.length() - 1);
        }
        boolean anchored = line.contains("/");
        if (line.startsWith("/")) {
            line = line.substring(1);
        }
        if (line.isEmpty()) {
            return null;
        }
        return new Rule(base, GlobMatcher.compile(line), negate, directoryOnly, anchored);
    }

    /** Trailing blanks go unless the last one is escaped with a backslash; a loop, so no regex can backtrack. */
    private static String stripTrailingSpace(String raw) {
        int end = raw.length();
        while (end > 0 && Character.isWhitespace(raw.charAt(end - 1))) {
            if (end > 1 && raw.charAt(end - 2) == '\\') {
                break;
            }
            end--;
        }
        return raw.substring(0, end);
    }

    /** {@code path} relative to the project root. The last matching rule decides. */
    boolean ignored(String path, boolean directory) {
        boolean ignored = false;
        for (Rule rule : rules) {
            if (rule.directoryOnly() && !directory) {
                continue;
            }
            String relative;
            if (rule.base().isEmpty()) {
                relative = path;
            } else if (path.startsWith(rule.base() + "/")) {
                relative = path.substring(rule.base().length() + 1);
            } else {
                continue;
            }
            String subject = rule.anchored() ? relative : relative.substring(relative.lastIndexOf('/') + 1);
            if (rule.pattern().matches(subject)) {
                ignored = !rule.negate();
            }
        }
        return ignored;
    }
}
