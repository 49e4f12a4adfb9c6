package dev.ccui.domain.project;

import java.nio.file.Path;
import java.text.Normalizer;

/**
 * Whether a path stays inside a root. Both must already be real paths (symlinks resolved, by
 * the caller that touches the file system); this rule only compares them, element by element,
 * so {@code /home/al} never counts as inside {@code /home/a}.
 */
public final class PathConfinement {
    private PathConfinement() {}

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
            if (Character.isISOControl(c) || Character.getType(c) == Character.FORMAT || isLookAlike(c)) {
                return false;
            }
        }
        return Normalizer.isNormalized(path, Normalizer.Form.NFC);
    }

    /**
     * Characters that look like a slash, a backslash or a dot (so {@code \u2024\u2024} reads as
     * {@code ..}), and the invisible separators a file name has no business holding.
     */
    private static boolean isLookAlike(char c) {
        return switch (c) {
            case '\u2215',
                    '\u2044',
                    '\uFF0F',
                    '\u29F8',
                    '\uFE68',
                    '\uFF3C',
                    '\u29F5',
                    '\u2216',
                    '\u2024',
                    '\u2025',
                    '\u2026',
                    '\uFE52',
                    '\uFF0E',
                    '\u3002',
                    '\uFF61',
                    '\u2028',
                    '\u2029',
                    '\u00A0',
                    '\u3000',
                    '\u2000',
                    '\u2001',
                    '\u2002',
                    '\u2003',
                    '\u2004',
                    '\u2005',
                    '\u2006',
                    '\u2007',
                    '\u2008',
                    '\u2009',
                    '\u200A',
                    '\u205F',
                    '\u1680',
                    '\uFFFD' -> true;
            default -> false;
        };
    }
}
