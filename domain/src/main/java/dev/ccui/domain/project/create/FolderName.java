package dev.ccui.domain.project.create;

import dev.ccui.domain.error.InvalidException;
import dev.ccui.domain.project.PathConfinement;
import java.nio.charset.StandardCharsets;

/**
 * The name of a folder the app creates (a new project, a clone, a worktree): exactly one path
 * element, so it can only land in the parent folder that was confined, never {@code ..}, a
 * slash-separated path or something that reads differently than it resolves.
 */
public final class FolderName {
    private static final int MAX_BYTES = 255;

    private FolderName() {}

    /** The name, checked; {@code 400 INVALID} with {@code field} otherwise. */
    public static String require(String field, String name) {
        if (name == null || name.isBlank()) {
            throw new InvalidException(field, "a folder name is required");
        }
        if (!PathConfinement.isPlainText(name)
                || name.contains("/")
                || name.contains("\\")
                || name.equals(".")
                || name.equals("..")
                || name.equals(".git")
                || name.startsWith("-")
                || !name.equals(name.strip())
                || name.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            throw new InvalidException(
                    field,
                    "a folder name is one name (no '/', not '.' or '..', not starting with '-', at most 255 bytes) "
                            + "without control or look-alike characters");
        }
        return name;
    }
}
