package dev.ccui.application.testing;

import dev.ccui.application.auth.port.out.AuthTokenRepository;
import dev.ccui.domain.auth.TokenClaims;
import dev.ccui.domain.user.UserId;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

public final class InMemoryAuthTokenRepository implements AuthTokenRepository {
    private final Map<String, TokenClaims> issued = new ConcurrentHashMap<>();
    private final Map<String, Instant> revoked = new ConcurrentHashMap<>();

    @Override
    public void record(TokenClaims claims) {
        issued.put(claims.tokenId(), claims);
    }

    @Override
    public Optional<UserId> activeOwner(String tokenId, Instant now) {
        TokenClaims claims = issued.get(tokenId);
        return claims != null
                        && !revoked.containsKey(tokenId)
                        && claims.expiresAt().isAfter(now)
                ? Optional.of(claims.userId())
                : Optional.empty();
    }

    @Override
    public void revoke(String tokenId, Instant at) {
        if (issued.containsKey(tokenId)) {
            revoked.putIfAbsent(tokenId, at);
        }
    }

    @Override
    public int revokeAllOf(UserId userId, String keepTokenId, Instant at) {
        int count = 0;
        for (TokenClaims claims : issued.values()) {
            if (claims.userId().equals(userId)
                    && !Objects.equals(claims.tokenId(), keepTokenId)
                    && revoked.putIfAbsent(claims.tokenId(), at) == null) {
                count++;
            }
        }
        return count;
    }

    @Override
    public int purgeExpired(Instant now) {
        int before = issued.size();
        issued.values().removeIf(c -> !c.expiresAt().isAfter(now));
        return before - issued.size();
    }

    void userDeleted(UserId user) {
        issued.values().removeIf(claims -> claims.userId().equals(user));
    }
}
