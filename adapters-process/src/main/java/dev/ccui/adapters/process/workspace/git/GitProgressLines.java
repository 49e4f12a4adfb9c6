package dev.ccui.adapters.process.workspace.git;

import dev.ccui.domain.project.create.CloneProgress;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * git's {@code --progress} lines ({@code Receiving objects:  45% (450/1000), 1.2 MiB | …}, with a
 * {@code remote: } prefix for the server's own counting), which git rewrites in place with
 * {@code \r}: the caller splits on both {@code \r} and {@code \n} and hands each piece here.
 */
final class GitProgressLines {
    private static final Pattern LINE =
            Pattern.compile("(?:remote: )?([A-Za-z][A-Za-z ]{0,40}):\\s+(\\d{1,3})% \\((\\d{1,15})/(\\d{1,15})\\).*");

    private GitProgressLines() {}

    static Optional<CloneProgress> parse(String line) {
        Matcher m = LINE.matcher(line.strip());
        if (!m.matches()) {
            return Optional.empty();
        }
        int percent = Math.min(100, Integer.parseInt(m.group(2)));
        return Optional.of(
                new CloneProgress(m.group(1).strip(), percent, Long.parseLong(m.group(3)), Long.parseLong(m.group(4))));
    }
}
