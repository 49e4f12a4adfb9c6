package dev.ccui.adapters.persistence.credentials;

import static org.assertj.core.api.Assertions.assertThat;

import com.auth0.jwt.JWT;
import com.auth0.jwt.algorithms.Algorithm;
import dev.ccui.domain.user.UserId;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Rotating JWT_SECRET: the previous secret keeps its tokens valid; nothing else gets in. */
class JwtRotationTest {
    private static final String OLD = "old-secret-old-secret-old-secret-0001";
    private static final String NEW = "new-secret-new-secret-new-secret-0002";
    private final Clock clock = Clock.fixed(Instant.parse("2026-12-03T08:00:00Z"), ZoneOffset.UTC);
    private final UserId user = UserId.random();

    @Test
    void tokensOfThePreviousSecretStayValidAfterRotationAndNewOnesCarryTheNewKeyId() {
        var before = new JwtTokenIssuer(OLD, Duration.ofDays(7), clock);
        String issuedBefore = before.issue(user).token();

        var rotated = new JwtTokenIssuer(NEW, List.of(OLD), Duration.ofDays(7), clock);
        assertThat(rotated.verify(issuedBefore))
                .hasValueSatisfying(claims -> assertThat(claims.userId()).isEqualTo(user));
        String issuedAfter = rotated.issue(user).token();
        assertThat(JWT.decode(issuedAfter).getKeyId())
                .isEqualTo(JwtTokenIssuer.keyId(NEW))
                .doesNotContain(NEW);
        assertThat(rotated.verify(issuedAfter)).isPresent();

        var withoutPrevious = new JwtTokenIssuer(NEW, Duration.ofDays(7), clock);
        assertThat(withoutPrevious.verify(issuedBefore))
                .as("once the previous secret is dropped")
                .isEmpty();
        assertThat(before.verify(issuedAfter))
                .as("an old node does not know the new key")
                .isEmpty();
    }

    @Test
    void aTokenWithoutKeyIdIsTriedAgainstEveryKey() {
        String legacy = JWT.create()
                .withIssuer("ccui")
                .withJWTId("legacy-1")
                .withSubject(user.toString())
                .withIssuedAt(Date.from(clock.instant()))
                .withExpiresAt(Date.from(clock.instant().plusSeconds(600)))
                .sign(Algorithm.HMAC256(OLD.getBytes(StandardCharsets.UTF_8)));
        assertThat(new JwtTokenIssuer(NEW, List.of(OLD), Duration.ofDays(7), clock).verify(legacy))
                .isPresent();
    }

    @Test
    void aForgedKeyIdOrNoSignatureGetsNowhere() {
        var rotated = new JwtTokenIssuer(NEW, List.of(OLD), Duration.ofDays(7), clock);
        String otherSecret = "someone-elses-secret-someone-elses-01";
        String forged = JWT.create()
                .withKeyId(JwtTokenIssuer.keyId(NEW))
                .withIssuer("ccui")
                .withJWTId("x")
                .withSubject(user.toString())
                .withIssuedAt(Date.from(clock.instant()))
                .withExpiresAt(Date.from(clock.instant().plusSeconds(600)))
                .sign(Algorithm.HMAC256(otherSecret.getBytes(StandardCharsets.UTF_8)));
        assertThat(rotated.verify(forged)).isEmpty();

        String header = Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(("{\"alg\":\"none\",\"kid\":\"" + JwtTokenIssuer.keyId(NEW) + "\"}")
                        .getBytes(StandardCharsets.UTF_8));
        String payload = Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(("{\"iss\":\"ccui\",\"jti\":\"x\",\"sub\":\"" + user
                                + "\",\"iat\":1796284800,\"exp\":1896284800}")
                        .getBytes(StandardCharsets.UTF_8));
        assertThat(rotated.verify(header + "." + payload + ".")).isEmpty();
        assertThat(rotated.verify("not-a-token")).isEmpty();
    }
}
