package dev.ccui.application.testing;

import dev.ccui.application.auth.port.out.TokenIssuer;
import dev.ccui.domain.auth.TokenClaims;
import dev.ccui.domain.user.UserId;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/** Opaque random tokens remembered in memory; expiry checked against the given clock. */
public final class FakeTokenIssuer implements TokenIssuer {
    private final Map<String, TokenClaims> byToken = new ConcurrentHashMap<>();
    private final Clock clock;
    private final Duration ttl;

    public FakeTokenIssuer(Clock clock, Duration ttl) {
        this.clock = clock;
        this.ttl = ttl;
    }

    @Override
    public IssuedToken issue(UserId userId) {
        var now = clock.instant();
        TokenClaims claims = new TokenClaims(UUID.randomUUID().toString(), userId, now, now.plus(ttl));
        String token = "tok-" + UUID.randomUUID();
        byToken.put(token, claims);
        return new IssuedToken(token, claims);
    }

    @Override
    public Optional<TokenClaims> verify(String token) {
        return Optional.ofNullable(byToken.get(token)).filter(c -> c.expiresAt().isAfter(clock.instant()));
    }
}
