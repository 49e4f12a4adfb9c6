package dev.ccui.domain.workspace;

import dev.ccui.domain.error.ForbiddenException;
import dev.ccui.domain.project.PathConfinement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A path inside a project as a user typed it, checked before anything touches the disk: plain
 * segments only, so it can only name something below the project root. What it resolves to on
 * disk (symlinks) is checked again by the adapter against the real root.
 *
 * <p>Refused outright, not cleaned up: {@code ..} in any position, absolute and home-relative
 * paths, backslashes (Windows separators), percent-encoded dots, slashes and NULs that survived
 * URL decoding (double encoding), control, invisible and look-alike characters. A refusal is a
 * {@link ForbiddenException} with code {@code PATH_OUTSIDE_PROJECT}.
 */
public record RelativePath(List<String> segments) {
    public static final RelativePath ROOT = new RelativePath(List.of());
    private static final int MAX_SEGMENT = 255;

    public RelativePath {
        segments = List.copyOf(segments);
        for (String segment : segments) {
            if (segment.isEmpty()
                    || segment.equals(".")
                    || segment.equals("..")
                    || segment.indexOf('/') >= 0
                    || segment.indexOf('\\') >= 0
                    || segment.indexOf('\0') >= 0) {
                throw refused();
            }
        }
    }

    /** {@code null}, empty, {@code .} and {@code ./} name the project root. */
    public static RelativePath parse(String text) {
        if (text == null || text.isEmpty() || text.equals(".") || text.equals("./")) {
            return ROOT;
        }
        if (!PathConfinement.isPlainText(text)
                || text.startsWith("/")
                || text.startsWith("~")
                || text.indexOf('\\') >= 0
                || hasEncodedSeparator(text)) {
            throw refused();
        }
        List<String> parts = new ArrayList<>();
        for (String segment : text.split("/")) {
            if (segment.isEmpty() || segment.equals(".")) {
                continue;
            }
            // ".. " and " .." resolve as ".." on Windows file systems a project may be mounted from.
            if (segment.length() > MAX_SEGMENT
                    || segment.isBlank()
                    || segment.strip().equals("..")) {
                throw refused();
            }
            parts.add(segment);
        }
        return new RelativePath(parts);
    }

    private static boolean hasEncodedSeparator(String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        return lower.contains("%2e")
                || lower.contains("%2f")
                || lower.contains("%5c")
                || lower.contains("%00")
                || lower.contains("%25")
                || lower.contains("%c0")
                || lower.contains("%c1")
                || lower.contains("%e2%88%95")
                || lower.contains("%u");
    }

    private static ForbiddenException refused() {
        return new ForbiddenException("PATH_OUTSIDE_PROJECT", "the path must stay inside the project");
    }

    public boolean isRoot() {
        return segments.isEmpty();
    }

    public String name() {
        return segments.isEmpty() ? "" : segments.getLast();
    }

    public RelativePath parent() {
        return segments.isEmpty() ? ROOT : new RelativePath(segments.subList(0, segments.size() - 1));
    }

    public RelativePath child(String name) {
        List<String> parts = new ArrayList<>(segments);
        parts.add(name);
        return new RelativePath(parts);
    }

    /** {@code other} below this path (both already checked, so the result is too). */
    public RelativePath resolve(RelativePath other) {
        List<String> parts = new ArrayList<>(segments);
        parts.addAll(other.segments);
        return new RelativePath(parts);
    }

    /** Slash-separated, without a leading slash; empty for the root. */
    @Override
    public String toString() {
        return String.join("/", segments);
    }
}
