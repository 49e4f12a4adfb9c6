package dev.ccui.bootstrap.security;

import com.auth0.jwt.JWT;
import com.auth0.jwt.algorithms.Algorithm;
import dev.ccui.bootstrap.testing.ApiClient;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

/** Tokens as an attacker holding the signing secret (or not) would make them. */
final class Tokens {
    private Tokens() {}

    static String secretOf(Path dataDir) {
        try {
            return Files.readString(dataDir.resolve("jwt-secret")).strip();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static String jtiOf(String token) {
        return JWT.decode(token).getId();
    }

    static String signed(String secret, String sub, String jti, Instant expiresAt) {
        return JWT.create()
                .withIssuer("ccui")
                .withJWTId(jti)
                .withSubject(sub)
                .withIssuedAt(Date.from(expiresAt.minus(Duration.ofHours(1))))
                .withExpiresAt(Date.from(expiresAt))
                .sign(Algorithm.HMAC256(secret.getBytes(StandardCharsets.UTF_8)));
    }

    /** The same claims as a real token of {@code sub}, unsigned ({@code alg: none}). */
    static String algNone(String realToken) {
        var decoded = JWT.decode(realToken);
        String header = Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString("{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
        return header + "." + decoded.getPayload() + ".";
    }

    /** The HTTP status of a WebSocket upgrade ({@code 101} when it opened). */
    static int upgrade(ApiClient client, String pathAndQuery) {
        URI uri = URI.create(client.base().replace("http://", "ws://") + pathAndQuery);
        try {
            WebSocket ws = HttpClient.newHttpClient()
                    .newWebSocketBuilder()
                    .buildAsync(uri, new WebSocket.Listener() {})
                    .get(10, TimeUnit.SECONDS);
            ws.abort();
            return 101;
        } catch (ExecutionException | CompletionException e) {
            if (e.getCause() instanceof WebSocketHandshakeException handshake) {
                return handshake.getResponse().statusCode();
            }
            throw new AssertionError(e);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
