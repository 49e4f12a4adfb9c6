package dev.ccui.adapters.persistence.credentials;

import static org.assertj.core.api.Assertions.assertThat;

import com.auth0.jwt.JWT;
import com.auth0.jwt.algorithms.Algorithm;
import dev.ccui.domain.user.UserId;
import java.nio.charset.StandardCharsets;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** A session token is believed only when this server signed it: every way to make one up is refused. */
class JwtForgeryTest {
    private static final String SECRET = "test-secret-of-at-least-32-bytes-long!!";
    private final JwtTokenIssuer issuer = new JwtTokenIssuer(SECRET, Duration.ofDays(7), Clock.systemUTC());

    @Test
    void forgedTokensAreRefused() throws Exception {
        UserId user = UserId.random();
        String real = issuer.issue(user).token();
        assertThat(issuer.verify(real))
                .hasValueSatisfying(claims -> assertThat(claims.userId()).isEqualTo(user));
        String sub = user.toString();
        String[] parts = real.split("\\.");
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();

        String algNone = b64.encodeToString("{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8)) + "."
                + parts[1] + ".";
        String otherSecret = JWT.create()
                .withIssuer("ccui")
                .withJWTId(UUID.randomUUID().toString())
                .withSubject(sub)
                .withIssuedAt(new Date())
                .withExpiresAt(Date.from(Instant.now().plusSeconds(600)))
                .sign(Algorithm.HMAC256("another-secret-that-is-long-enough-123456"));
        var generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        var pair = generator.generateKeyPair();
        String rsa = JWT.create()
                .withIssuer("ccui")
                .withJWTId(UUID.randomUUID().toString())
                .withSubject(sub)
                .withIssuedAt(new Date())
                .withExpiresAt(Date.from(Instant.now().plusSeconds(600)))
                .sign(Algorithm.RSA256((RSAPublicKey) pair.getPublic(), (RSAPrivateKey) pair.getPrivate()));
        String tamperedPayload = parts[0] + "."
                + b64.encodeToString(
                        ("{\"sub\":\"" + sub + "\",\"jti\":\"x\",\"iss\":\"ccui\",\"iat\":1,\"exp\":9999999999}")
                                .getBytes(StandardCharsets.UTF_8))
                + "." + parts[2];

        for (String forged : new String[] {algNone, otherSecret, rsa, tamperedPayload, "garbage", real + "x"}) {
            assertThat(issuer.verify(forged)).as(forged).isEmpty();
        }
    }
}
