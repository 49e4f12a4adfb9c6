package dev.ccui.domain.auth;

import dev.ccui.domain.user.UserId;
import java.time.Instant;
import java.util.Objects;

/** What a verified session token says: its id, its subject and its lifetime. */
public record TokenClaims(String tokenId, UserId userId, Instant issuedAt, Instant expiresAt) {
    public TokenClaims {
        Objects.requireNonNull(tokenId, "tokenId");
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(issuedAt, "issuedAt");
        Objects.requireNonNull(expiresAt, "expiresAt");
    }
}
