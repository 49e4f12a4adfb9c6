package dev.ccui.application.auth.port.out;

import dev.ccui.domain.auth.TokenClaims;
import dev.ccui.domain.user.UserId;
import java.time.Instant;

/**
 * Every session token issued, so any one of them can be revoked before it expires (logout,
 * password change, disabled account) on every node that shares the store.
 */
public interface AuthTokenRepository {

    void record(TokenClaims claims);

    /** True when the token was issued here and is neither revoked nor expired. */
    boolean isActive(String tokenId, Instant now);

    void revoke(String tokenId, Instant at);

    /** Revokes every token of the user except {@code keepTokenId} (may be null); returns how many. */
    int revokeAllOf(UserId userId, String keepTokenId, Instant at);

    /** Forgets tokens that expired before {@code now}; they fail verification anyway. */
    int purgeExpired(Instant now);
}
