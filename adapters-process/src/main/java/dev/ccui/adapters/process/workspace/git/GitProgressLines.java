package dev.ccui.adapters.process.workspace.git;

import dev.ccui.domain.workspace.git.GitProgress;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * git's {@code --progress} lines ({@code Receiving objects:  45% (450/1000), 1.2 MiB | …}, with a
 * {@code remote: } prefix for the server's own counting), which git rewrites in place with
 * {@code \r}: {@link #follow} splits stderr on both {@code \r} and {@code \n} and tells progress
 * from the other lines (git's messages).
 */
final class GitProgressLines {
    private static final Pattern LINE =
            Pattern.compile("(?:remote: )?([A-Za-z][A-Za-z ]{0,40}):\\s+(\\d{1,3})% \\((\\d{1,15})/(\\d{1,15})\\).*");
    private static final int MAX_LINE = 4096;

    private GitProgressLines() {}

    static Optional<GitProgress> parse(String line) {
        Matcher m = LINE.matcher(line.strip());
        if (!m.matches()) {
            return Optional.empty();
        }
        int percent = Math.min(100, Integer.parseInt(m.group(2)));
        return Optional.of(
                new GitProgress(m.group(1).strip(), percent, Long.parseLong(m.group(3)), Long.parseLong(m.group(4))));
    }

    /** Reads {@code stderr} to its end: progress to {@code progress}, every other non-blank line to {@code other}. */
    static void follow(InputStream stderr, Consumer<GitProgress> progress, Consumer<String> other) {
        readLines(stderr, line -> {
            var parsed = parse(line);
            if (parsed.isPresent()) {
                progress.accept(parsed.get());
            } else if (!line.isBlank()) {
                other.accept(line);
            }
        });
    }

    /** Splits on both line ends: git redraws a progress line with {@code \r}. */
    private static void readLines(InputStream in, Consumer<String> line) {
        StringBuilder current = new StringBuilder();
        char[] buffer = new char[4096];
        try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
            int read;
            while ((read = reader.read(buffer)) != -1) {
                for (int i = 0; i < read; i++) {
                    char c = buffer[i];
                    if (c == '\r' || c == '\n') {
                        if (!current.isEmpty()) {
                            line.accept(current.toString());
                            current.setLength(0);
                        }
                    } else if (current.length() < MAX_LINE) {
                        current.append(c);
                    }
                }
            }
        } catch (IOException ignored) {
            // The process was killed or closed its end: what was read is all there is.
        }
        if (!current.isEmpty()) {
            line.accept(current.toString());
        }
    }
}
