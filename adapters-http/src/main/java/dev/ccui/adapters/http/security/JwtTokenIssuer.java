package dev.ccui.adapters.http.security;

import com.auth0.jwt.JWT;
import com.auth0.jwt.JWTVerifier;
import com.auth0.jwt.algorithms.Algorithm;
import com.auth0.jwt.exceptions.JWTVerificationException;
import com.auth0.jwt.interfaces.DecodedJWT;
import dev.ccui.application.auth.port.out.TokenIssuer;
import dev.ccui.domain.auth.TokenClaims;
import dev.ccui.domain.user.UserId;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.Optional;
import java.util.UUID;

/**
 * HS256 tokens with {@code jti}, {@code sub}, {@code iat} and {@code exp}. The verifier is bound
 * to HS256 with our secret, so {@code alg:none} and tokens signed with another algorithm (the
 * RS/HS confusion) fail like any bad signature.
 */
public final class JwtTokenIssuer implements TokenIssuer {
    private static final String ISSUER = "ccui";

    private final Algorithm algorithm;
    private final JWTVerifier verifier;
    private final Clock clock;
    private final Duration ttl;

    public JwtTokenIssuer(String secret, Duration ttl, Clock clock) {
        if (secret == null || secret.getBytes(StandardCharsets.UTF_8).length < 32) {
            throw new IllegalArgumentException("the JWT secret must have at least 32 bytes");
        }
        this.algorithm = Algorithm.HMAC256(secret.getBytes(StandardCharsets.UTF_8));
        this.clock = clock;
        this.ttl = ttl;
        this.verifier = ((JWTVerifier.BaseVerification) JWT.require(algorithm).withIssuer(ISSUER)
                .withClaimPresence("jti").withClaimPresence("sub").withClaimPresence("iat").withClaimPresence("exp"))
                .build(clock);
    }

    @Override
    public IssuedToken issue(UserId userId) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        Instant expiresAt = now.plus(ttl);
        String tokenId = UUID.randomUUID().toString();
        String token = JWT.create()
                .withIssuer(ISSUER)
                .withJWTId(tokenId)
                .withSubject(userId.toString())
                .withIssuedAt(Date.from(now))
                .withExpiresAt(Date.from(expiresAt))
                .sign(algorithm);
        return new IssuedToken(token, new TokenClaims(tokenId, userId, now, expiresAt));
    }

    @Override
    public Optional<TokenClaims> verify(String token) {
        try {
            DecodedJWT decoded = verifier.verify(token);
            Optional<UserId> userId = UserId.parse(decoded.getSubject());
            if (userId.isEmpty()) {
                return Optional.empty();
            }
            return Optional.of(new TokenClaims(decoded.getId(), userId.get(), decoded.getIssuedAtAsInstant(),
                    decoded.getExpiresAtAsInstant()));
        } catch (JWTVerificationException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
