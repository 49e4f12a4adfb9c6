package dev.ccui.adapters.process.workspace.git;

import dev.ccui.domain.error.ConflictException;
import dev.ccui.domain.error.InvalidException;
import dev.ccui.domain.workspace.RelativePath;
import dev.ccui.domain.workspace.git.HunkRange;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Discards one hunk of a file's working-tree changes: the hunk is cut from git's own diff of the
 * file as it is now (never from text a client sends), and applied in reverse. A hunk the diff no
 * longer has means the file changed since it was shown, and nothing is touched.
 */
final class GitCliHunks {
    private static final Pattern HEADER = Pattern.compile("^@@ -(\\d+)(?:,(\\d+))? \\+(\\d+)(?:,(\\d+))? @@");
    private static final int MAX_DIFF = 8 * 1024 * 1024;

    private final GitRunner runner;

    GitCliHunks(GitRunner runner) {
        this.runner = runner;
    }

    void discard(Path root, RelativePath file, HunkRange hunk) {
        GitRunner.Result diff = runner.run(
                root,
                List.of("diff", "--no-color", "--no-ext-diff", "--no-textconv", "--", file.toString()),
                null,
                MAX_DIFF,
                Map.of());
        if (!diff.ok()) {
            throw GitFailures.of(diff);
        }
        String patch = patchOf(diff.out(), hunk);
        GitRunner.Result applied = runner.run(
                root,
                List.of("apply", "--reverse", "--whitespace=nowarn"),
                patch.getBytes(StandardCharsets.UTF_8),
                MAX_DIFF,
                Map.of());
        if (!applied.ok()) {
            throw GitFailures.of(applied);
        }
    }

    /** The file's header lines and the one hunk, as a patch of its own. */
    static String patchOf(String diff, HunkRange wanted) {
        List<String> lines = diff.lines().toList();
        if (lines.stream().filter(line -> line.startsWith("diff --git ")).count() > 1) {
            throw new InvalidException("path", "name one file");
        }
        StringBuilder header = new StringBuilder();
        StringBuilder hunk = null;
        boolean inHeader = true;
        for (String line : lines) {
            HunkRange range = line.startsWith("@@ ") ? rangeOf(line) : null;
            if (range != null) {
                if (hunk != null) {
                    break;
                }
                inHeader = false;
                if (range.equals(wanted)) {
                    hunk = new StringBuilder();
                }
            }
            if (inHeader) {
                header.append(line).append('\n');
            } else if (hunk != null) {
                hunk.append(line).append('\n');
            }
        }
        if (hunk == null) {
            throw new ConflictException("DIFF_CHANGED", "the file changed since its diff was shown: look at it again");
        }
        return header.append(hunk).toString();
    }

    /** A hunk header's numbers, a count git leaves out being 1. */
    static HunkRange rangeOf(String line) {
        Matcher m = HEADER.matcher(line);
        if (!m.find()) {
            return null;
        }
        return new HunkRange(
                Integer.parseInt(m.group(1)),
                m.group(2) == null ? 1 : Integer.parseInt(m.group(2)),
                Integer.parseInt(m.group(3)),
                m.group(4) == null ? 1 : Integer.parseInt(m.group(4)));
    }
}
