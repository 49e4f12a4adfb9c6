package dev.ccui.application.auth.port.out;

import dev.ccui.domain.auth.TokenClaims;
import dev.ccui.domain.user.UserId;
import java.time.Instant;
import java.util.Optional;

/**
 * Every session token issued, so any one of them can be revoked before it expires (logout,
 * password change, disabled account) on every node that shares the store.
 */
public interface AuthTokenRepository {

    void record(TokenClaims claims);

    /**
     * The user the token was issued to, when it was issued here and is neither revoked nor expired.
     * Callers must compare it with the token's {@code sub}: a signed token naming another user
     * with this id is forged.
     */
    Optional<UserId> activeOwner(String tokenId, Instant now);

    /** True when the token was issued here and is neither revoked nor expired. */
    default boolean isActive(String tokenId, Instant now) {
        return activeOwner(tokenId, now).isPresent();
    }

    void revoke(String tokenId, Instant at);

    /** Revokes every token of the user except {@code keepTokenId} (may be null); returns how many. */
    int revokeAllOf(UserId userId, String keepTokenId, Instant at);

    /** Forgets tokens that expired before {@code now}; they fail verification anyway. */
    int purgeExpired(Instant now);
}
