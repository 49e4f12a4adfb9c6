package dev.ccui.application.memory.port.in;

import dev.ccui.application.common.ClientInfo;
import dev.ccui.domain.auth.Principal;

/** Each account's own {@code CLAUDE.md}: only its owner reads or writes it, admins included. */
public interface UserMemoryUseCase {
    UserMemory read(Principal caller);

    /**
     * Replaces the file. With {@code baseSha} (what it was read with), a file changed since is not
     * overwritten ({@code 409 FILE_CHANGED}).
     *
     * @return the SHA-256 of the new content
     */
    String write(Principal caller, String content, String baseSha, ClientInfo client);
}
