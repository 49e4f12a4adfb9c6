package dev.ccui.application.auth.cache;

import dev.ccui.application.auth.port.out.AuthTokenRepository;
import dev.ccui.domain.auth.TokenClaims;
import dev.ccui.domain.user.UserId;
import java.time.Instant;
import java.util.Optional;

/** The token store, telling the {@link PrincipalCache} of every revocation before it returns. */
public final class ForgettingTokenRepository implements AuthTokenRepository {
    private final AuthTokenRepository tokens;
    private final PrincipalCache cache;

    public ForgettingTokenRepository(AuthTokenRepository tokens, PrincipalCache cache) {
        this.tokens = tokens;
        this.cache = cache;
    }

    @Override
    public void record(TokenClaims claims) {
        tokens.record(claims);
    }

    @Override
    public Optional<UserId> activeOwner(String tokenId, Instant now) {
        return tokens.activeOwner(tokenId, now);
    }

    @Override
    public void revoke(String tokenId, Instant at) {
        tokens.revoke(tokenId, at);
        cache.forgetToken(tokenId);
    }

    @Override
    public int revokeAllOf(UserId userId, String keepTokenId, Instant at) {
        int revoked = tokens.revokeAllOf(userId, keepTokenId, at);
        // The kept token is forgotten too: it is checked afresh once, which costs one look-up.
        cache.forgetUser(userId);
        return revoked;
    }

    @Override
    public int purgeExpired(Instant now) {
        return tokens.purgeExpired(now);
    }
}
