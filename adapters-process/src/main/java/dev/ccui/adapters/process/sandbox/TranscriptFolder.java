package dev.ccui.adapters.process.sandbox;

import java.nio.file.Path;

/**
 * The CLI's transcript folder for a working directory: {@code <config>/projects/<encoded cwd>},
 * where every character that is not an ASCII letter or digit becomes {@code -}, and a name longer
 * than 200 characters is cut to 200 plus {@code -} and the base-36 {@code abs(hashCode)} of the cwd
 * (see docs/claude-cli.md).
 */
final class TranscriptFolder {
    private TranscriptFolder() {}

    static String encode(String cwd) {
        StringBuilder out = new StringBuilder(cwd.length());
        for (int i = 0; i < cwd.length(); i++) {
            char c = cwd.charAt(i);
            out.append(c < 128 && Character.isLetterOrDigit(c) ? c : '-');
        }
        if (out.length() <= 200) {
            return out.toString();
        }
        return out.substring(0, 200) + "-" + Long.toString(Math.abs((long) cwd.hashCode()), 36);
    }

    static Path of(Path configDir, Path cwd) {
        return configDir.resolve("projects").resolve(encode(cwd.toString()));
    }
}
