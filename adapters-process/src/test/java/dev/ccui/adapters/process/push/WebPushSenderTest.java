package dev.ccui.adapters.process.push;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ccui.application.push.PushEndpointPolicy;
import dev.ccui.application.push.port.out.PushSender.Delivery;
import dev.ccui.domain.error.InvalidException;
import dev.ccui.domain.push.PushNotification;
import dev.ccui.domain.push.PushSubscription;
import dev.ccui.domain.push.PushSubscriptionId;
import dev.ccui.domain.push.PushTopic;
import dev.ccui.domain.push.VapidKeys;
import dev.ccui.domain.user.UserId;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The sender against a push service on 127.0.0.1: the message that arrives is decrypted with the
 * subscription's own keys (the test's key pair and auth secret) and its VAPID token verified with
 * the server's public key. Nothing leaves loopback.
 */
class WebPushSenderTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final PushNotification NOTIFICATION = new PushNotification(
            PushTopic.APPROVAL_NEEDED, "Approval needed in app", "Bash: rm -rf build", "/#/p/x/s/y", "session-y");

    private LoopbackPushService service;
    private WebPushSender sender;
    private VapidKeys keys;

    @BeforeEach
    void setUp() throws Exception {
        service = new LoopbackPushService();
        sender = new WebPushSender(
                new PushEndpointPolicy(PushEndpointPolicy.KNOWN_PUSH_SERVICES, true),
                new WebPushSender.Settings("mailto:ops@example.org", Duration.ofHours(1), Duration.ofSeconds(5)));
        keys = sender.generateKeys();
    }

    @AfterEach
    void tearDown() {
        sender.close();
        service.close();
    }

    private static PushSubscription subscription(String endpoint, PushSubscriberKeys browser) {
        return new PushSubscription(
                PushSubscriptionId.random(),
                UserId.random(),
                endpoint,
                browser.p256dh(),
                browser.auth(),
                "test",
                Instant.now());
    }

    @Test
    void theMessageDecryptsWithTheSubscriptionsKeysAndCarriesTheSessionLink() throws Exception {
        PushSubscriberKeys browser = new PushSubscriberKeys();

        assertThat(sender.send(subscription(service.endpoint("olga"), browser), NOTIFICATION, keys))
                .isEqualTo(Delivery.DELIVERED);

        LoopbackPushService.Received message = service.next(Duration.ofSeconds(5));
        assertThat(message).isNotNull();
        assertThat(message.path()).isEqualTo("/push/olga");
        assertThat(message.header("Content-Encoding")).isEqualTo("aes128gcm");
        assertThat(message.header("TTL")).isEqualTo("3600");
        assertThat(message.header("Urgency")).isEqualTo("high");
        assertThat(new String(message.body(), StandardCharsets.ISO_8859_1))
                .as("the payload travels encrypted")
                .doesNotContain("Approval");

        JsonNode payload = JSON.readTree(browser.decrypt(message.body()));
        assertThat(payload.get("topic").asText()).isEqualTo("approvalNeeded");
        assertThat(payload.get("title").asText()).isEqualTo("Approval needed in app");
        assertThat(payload.get("body").asText()).isEqualTo("Bash: rm -rf build");
        assertThat(payload.get("url").asText()).isEqualTo("/#/p/x/s/y");
        assertThat(payload.get("tag").asText()).isEqualTo("session-y");

        assertThat(new PushSubscriberKeys().decryptFails(message.body()))
                .as("another browser's keys cannot read it")
                .isTrue();
        verifyVapid(message.header("Authorization"), service.endpoint("olga"));
    }

    /** RFC 8292: {@code vapid t=<ES256 JWT>, k=<public key>}, the token for the endpoint's origin, signed by that key. */
    private void verifyVapid(String authorization, String endpoint) throws Exception {
        assertThat(authorization).startsWith("vapid t=").contains(", k=" + keys.publicKey());
        String token = authorization.substring("vapid t=".length(), authorization.indexOf(','));
        String[] parts = token.split("\\.");
        JsonNode claims = JSON.readTree(Base64.getUrlDecoder().decode(parts[1]));
        assertThat(claims.get("aud").asText()).isEqualTo(endpoint.substring(0, endpoint.indexOf("/push/")));
        assertThat(claims.get("sub").asText()).isEqualTo("mailto:ops@example.org");
        assertThat(claims.get("exp").asLong()).isGreaterThan(Instant.now().getEpochSecond());

        byte[] point = Base64.getUrlDecoder().decode(keys.publicKey());
        Signature es256 = Signature.getInstance("SHA256withECDSAinP1363Format");
        es256.initVerify(KeyFactory.getInstance("EC").generatePublic(new X509EncodedKeySpec(x509(point))));
        es256.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
        assertThat(es256.verify(Base64.getUrlDecoder().decode(parts[2])))
                .as("the VAPID token is signed with the server's private key")
                .isTrue();
    }

    /** The DER of a P-256 SubjectPublicKeyInfo around an uncompressed point. */
    private static byte[] x509(byte[] point) {
        byte[] prefix = Base64.getDecoder().decode("MFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgA=");
        byte[] der = Arrays.copyOf(prefix, prefix.length + point.length);
        System.arraycopy(point, 0, der, prefix.length, point.length);
        return der;
    }

    @Test
    void goneSubscriptionsAreToldApartFromFailures() throws Exception {
        PushSubscription to = subscription(service.endpoint("gone"), new PushSubscriberKeys());
        service.answerWith(410);
        assertThat(sender.send(to, NOTIFICATION, keys)).isEqualTo(Delivery.GONE);
        service.answerWith(404);
        assertThat(sender.send(to, NOTIFICATION, keys)).isEqualTo(Delivery.GONE);
        service.answerWith(500);
        assertThat(sender.send(to, NOTIFICATION, keys)).isEqualTo(Delivery.FAILED);
        service.answerWith(302);
        assertThat(sender.send(to, NOTIFICATION, keys))
                .as("a redirect is not followed")
                .isEqualTo(Delivery.FAILED);
        assertThat(service.drained()).hasSize(4);
    }

    @Test
    void endpointsOutsideThePolicyAreNeverCalled() throws Exception {
        var production = new WebPushSender(
                new PushEndpointPolicy(PushEndpointPolicy.KNOWN_PUSH_SERVICES, false),
                new WebPushSender.Settings("mailto:ops@example.org", Duration.ofHours(1), Duration.ofSeconds(5)));
        try (production) {
            PushSubscriberKeys browser = new PushSubscriberKeys();
            for (String endpoint : List.of(
                    service.endpoint("plain-http"),
                    "https://127.0.0.1:1/push",
                    "https://internal.example.org/push",
                    "https://fcm.googleapis.com.evil.example/push",
                    "ftp://fcm.googleapis.com/x")) {
                assertThatThrownBy(() -> production.send(subscription(endpoint, browser), NOTIFICATION, keys))
                        .as(endpoint)
                        .isInstanceOf(InvalidException.class);
            }
        }
        assertThat(service.next(Duration.ofMillis(200))).isNull();
    }

    @Test
    void theKeysAreAP256PairAndThePrivateKeyIsNeverPrinted() {
        assertThat(Base64.getUrlDecoder().decode(keys.publicKey())).hasSize(65).startsWith(4);
        assertThat(keys.toString())
                .doesNotContain(Base64.getEncoder().encodeToString(keys.privateKeyPkcs8()))
                .contains("hidden");
        assertThat(sender.generateKeys().publicKey()).isNotEqualTo(keys.publicKey());
    }
}
