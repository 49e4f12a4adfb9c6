package dev.ccui.adapters.persistence.credentials;

import com.auth0.jwt.JWT;
import com.auth0.jwt.JWTVerifier;
import com.auth0.jwt.algorithms.Algorithm;
import com.auth0.jwt.exceptions.JWTVerificationException;
import com.auth0.jwt.interfaces.DecodedJWT;
import dev.ccui.application.auth.port.out.TokenIssuer;
import dev.ccui.domain.auth.TokenClaims;
import dev.ccui.domain.user.UserId;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * HS256 tokens with {@code jti}, {@code sub}, {@code iat} and {@code exp}. The verifier is bound
 * to HS256 with our secret, so {@code alg:none} and tokens signed with another algorithm (the
 * RS/HS confusion) fail like any bad signature.
 *
 * <p>Rotation without signing everyone out: tokens are signed with the current secret and carry
 * its key id ({@code kid}, a fingerprint that does not reveal the secret); the previous secrets
 * ({@code JWT_SECRET_PREVIOUS}) still verify the tokens they signed until those expire or an admin
 * revokes every session. A token without {@code kid} (signed before rotation existed) is tried
 * against each key.
 */
public final class JwtTokenIssuer implements TokenIssuer {
    private static final String ISSUER = "ccui";

    private record SigningKey(String id, Algorithm algorithm, JWTVerifier verifier) {}

    private final List<SigningKey> keys;
    private final Clock clock;
    private final Duration ttl;

    public JwtTokenIssuer(String secret, Duration ttl, Clock clock) {
        this(secret, List.of(), ttl, clock);
    }

    public JwtTokenIssuer(String secret, List<String> previousSecrets, Duration ttl, Clock clock) {
        List<SigningKey> all = new ArrayList<>();
        for (String each : concat(secret, previousSecrets)) {
            if (each == null || each.getBytes(StandardCharsets.UTF_8).length < 32) {
                throw new IllegalArgumentException("the JWT secret must have at least 32 bytes");
            }
            Algorithm algorithm = Algorithm.HMAC256(each.getBytes(StandardCharsets.UTF_8));
            JWTVerifier verifier = ((JWTVerifier.BaseVerification) JWT.require(algorithm)
                            .withIssuer(ISSUER)
                            .withClaimPresence("jti")
                            .withClaimPresence("sub")
                            .withClaimPresence("iat")
                            .withClaimPresence("exp"))
                    .build(clock);
            all.add(new SigningKey(keyId(each), algorithm, verifier));
        }
        this.keys = List.copyOf(all);
        this.clock = clock;
        this.ttl = ttl;
    }

    private static List<String> concat(String current, List<String> previous) {
        List<String> all = new ArrayList<>();
        all.add(current);
        all.addAll(previous);
        return all;
    }

    /** The first 12 hex digits of SHA-256 over a label and the secret: names the key, tells nothing of it. */
    static String keyId(String secret) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(("ccui-jwt-key:" + secret).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 6);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
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
                .withKeyId(keys.getFirst().id())
                .sign(keys.getFirst().algorithm());
        return new IssuedToken(token, new TokenClaims(tokenId, userId, now, expiresAt));
    }

    @Override
    public Optional<TokenClaims> verify(String token) {
        try {
            String keyId = JWT.decode(token).getKeyId();
            DecodedJWT decoded = null;
            for (SigningKey key : keys) {
                if (keyId != null && !keyId.equals(key.id())) {
                    continue;
                }
                try {
                    decoded = key.verifier().verify(token);
                    break;
                } catch (JWTVerificationException wrongKey) {
                    // With a kid, the one key named; without, the next key may have signed it.
                }
            }
            if (decoded == null) {
                return Optional.empty();
            }
            Optional<UserId> userId = UserId.parse(decoded.getSubject());
            if (userId.isEmpty()) {
                return Optional.empty();
            }
            return Optional.of(new TokenClaims(
                    decoded.getId(), userId.get(), decoded.getIssuedAtAsInstant(), decoded.getExpiresAtAsInstant()));
        } catch (JWTVerificationException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
