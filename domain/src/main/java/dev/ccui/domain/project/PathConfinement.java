package dev.ccui.domain.project;

import java.nio.file.Path;
import java.text.Normalizer;

/**
 * Whether a path stays inside a root. Both must already be real paths (symlinks resolved, by
 * the caller that touches the file system); this rule only compares them, element by element,
 * so {@code /home/al} never counts as inside {@code /home/a}.
 */
public final class PathConfinement {
    private PathConfinement() {
    }

    public static boolean isInside(Path realRoot, Path realPath) {
        Path root = realRoot.toAbsolutePath().normalize();
        Path path = realPath.toAbsolutePath().normalize();
        return path.startsWith(root);
    }

    /**
     * Refuses path text that is hostile before it is resolved: NUL and other control characters,
     * and look-alike or invisible characters that make a path read differently than it resolves.
     */
    public static boolean isPlainText(String path) {
        if (path == null || path.isEmpty() || path.length() > 4096) {
            return false;
        }
        for (int i = 0; i < path.length(); i++) {
            char c = path.charAt(i);
            if (Character.isISOControl(c) || Character.getType(c) == Character.FORMAT
                    || c == '\u2215' || c == '\u2044' || c == '\uFF0F' || c == '\u29F8' || c == '\uFE68' || c == '\uFF3C') {
                return false;
            }
        }
        return Normalizer.isNormalized(path, Normalizer.Form.NFC);
    }
}
