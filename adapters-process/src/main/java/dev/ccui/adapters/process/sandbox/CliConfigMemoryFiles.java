package dev.ccui.adapters.process.sandbox;

import dev.ccui.application.memory.port.out.UserMemoryFiles;
import dev.ccui.domain.error.ConflictException;
import dev.ccui.domain.user.UserId;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;

/**
 * {@code CLAUDE.md} in each account's own CLI configuration folder ({@link UserCliConfig}). The name
 * is fixed and the folder is the account's, so no caller text ever becomes a path; a link or a
 * folder in the file's place (planted by anything with write access there) is refused, never followed.
 */
public final class CliConfigMemoryFiles implements UserMemoryFiles {
    static final String NAME = "CLAUDE.md";
    private final Path root;

    /** @param root the folder of every account's CLI configuration ({@code <data dir>/cli-config}) */
    public CliConfigMemoryFiles(Path root) {
        this.root = root;
    }

    @Override
    public Optional<byte[]> read(UserId user) {
        Path file = file(user);
        if (!Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
            return Optional.empty();
        }
        regular(file);
        try (InputStream in = Files.newInputStream(file, StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS)) {
            return Optional.of(in.readAllBytes());
        } catch (NoSuchFileException gone) {
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    @Override
    public void write(UserId user, byte[] content) {
        Path file = file(user);
        if (Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
            regular(file);
        }
        try {
            Path temp = Files.createTempFile(
                    file.getParent(),
                    ".CLAUDE.md.",
                    ".tmp",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            try {
                try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE);
                        OutputStream out = Channels.newOutputStream(channel)) {
                    out.write(content);
                    out.flush();
                    channel.force(true);
                }
                // A rename replaces a link planted meanwhile rather than writing through it.
                Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } finally {
                Files.deleteIfExists(temp);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    private Path file(UserId user) {
        return UserCliConfig.folder(root, user).resolve(NAME);
    }

    private static void regular(Path file) {
        if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
            throw new ConflictException(
                    "NOT_A_REGULAR_FILE",
                    "your CLAUDE.md is a link or a folder on the server: the app does not follow it");
        }
    }
}
