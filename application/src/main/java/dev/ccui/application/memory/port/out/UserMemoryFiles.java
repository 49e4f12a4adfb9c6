package dev.ccui.application.memory.port.out;

import dev.ccui.domain.user.UserId;
import java.util.Optional;

/** Where an account's {@code CLAUDE.md} lives: the folder of its own CLI configuration, never the server's home. */
public interface UserMemoryFiles {
    /** Its bytes; empty when there is no file yet. A link in its place is refused, never followed. */
    Optional<byte[]> read(UserId user);

    /** Replaces it atomically (owner-only mode), making the folder when missing. */
    void write(UserId user, byte[] content);
}
