package dev.ccui.application.auth.port.in;

import dev.ccui.application.common.ClientInfo;
import dev.ccui.domain.error.InvalidException;
import java.util.Objects;

/** A username and password as typed, with where they came from. Not validated beyond presence. */
public record Credentials(String username, String password, ClientInfo client) {
    public Credentials {
        if (username == null || username.isBlank()) {
            throw new InvalidException("username", "username is required");
        }
        if (password == null || password.isEmpty()) {
            throw new InvalidException("password", "password is required");
        }
        Objects.requireNonNull(client, "client");
    }

    @Override
    public String toString() {
        return "Credentials[username=" + username + ", password=***]";
    }
}
