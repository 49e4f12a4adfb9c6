package dev.ccui.application.auth;

import dev.ccui.domain.ratelimit.RateLimit;
import java.time.Duration;
import java.util.Objects;

/** Knobs of the auth service: attempts per username, and how long a WebSocket ticket lives. */
public record AuthSettings(RateLimit loginPerUsername, Duration wsTicketTtl, String setupCode) {
    /** Without a set-up code: the first admin may be created by whoever reaches the (loopback) server. */
    public AuthSettings(RateLimit loginPerUsername, Duration wsTicketTtl) {
        this(loginPerUsername, wsTicketTtl, null);
    }

    public AuthSettings {
        Objects.requireNonNull(loginPerUsername, "loginPerUsername");
        Objects.requireNonNull(wsTicketTtl, "wsTicketTtl");
    }

    public static AuthSettings defaults() {
        return new AuthSettings(new RateLimit("auth-username", 10, Duration.ofMinutes(15)), Duration.ofSeconds(30));
    }
}
