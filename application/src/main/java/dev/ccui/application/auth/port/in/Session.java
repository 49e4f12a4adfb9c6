package dev.ccui.application.auth.port.in;

import dev.ccui.domain.user.User;
import java.time.Instant;

/** A signed-in session: the token to present and the user it belongs to. */
public record Session(String token, Instant expiresAt, User user) {
    @Override
    public String toString() {
        return "Session[user=" + user.username() + ", expiresAt=" + expiresAt + "]";
    }
}
