package dev.ccui.adapters.process.sandbox;

import dev.ccui.domain.user.UserId;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;

/**
 * Each account's own CLI configuration, {@code <root>/<user id>}: what {@code ~/.claude} is for a person
 * at a terminal. With the sandbox every CLI of that account sees these files as its configuration,
 * and no other account's.
 */
public final class UserCliConfig {
    /** The files a run reads from it: MCP servers (user and local scope), settings, the user's memory. */
    public static final List<String> FILES = List.of(".claude.json", "settings.json", "CLAUDE.md");

    private UserCliConfig() {}

    /** The account's folder, created (owner-only) when missing; {@code null} without a root or a user. */
    public static Path folder(Path root, UserId user) {
        if (root == null || user == null) {
            return null;
        }
        Path folder = root.toAbsolutePath().normalize().resolve(user.value().toString());
        try {
            if (!Files.isDirectory(folder)) {
                Files.createDirectories(root);
                Files.createDirectory(
                        folder, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            }
        } catch (java.nio.file.FileAlreadyExistsException e) {
            // Made by a concurrent request.
        } catch (IOException e) {
            throw new UncheckedIOException("the CLI configuration folder " + folder + " cannot be created", e);
        }
        return folder;
    }
}
