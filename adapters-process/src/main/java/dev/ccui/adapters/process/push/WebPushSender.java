package dev.ccui.adapters.process.push;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.zerodeplibs.webpush.VAPIDKeyPair;
import com.zerodeplibs.webpush.VAPIDKeyPairs;
import com.zerodeplibs.webpush.httpclient.StandardHttpClientRequestPreparer;
import com.zerodeplibs.webpush.key.PrivateKeySources;
import com.zerodeplibs.webpush.key.PublicKeySources;
import dev.ccui.application.push.PushEndpointPolicy;
import dev.ccui.application.push.port.out.PushSender;
import dev.ccui.domain.push.PushNotification;
import dev.ccui.domain.push.PushSubscription;
import dev.ccui.domain.push.VapidKeys;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends Web Push messages with zerodep-web-push-java, which does the RFC 8291 encryption
 * ({@code aes128gcm}) and signs the VAPID token (RFC 8292); this class only says what to send
 * where, over the JDK's HTTP client. Redirects are never followed and every endpoint is checked
 * against the policy again, so a stored subscription cannot make the server call elsewhere. Logs
 * name the push service's host only: the endpoint's path is the subscription's secret.
 */
public final class WebPushSender implements PushSender, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(WebPushSender.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final PushEndpointPolicy policy;
    private final Settings settings;
    /** Made at the first message: building the JDK's client (TLS set-up) took a tenth of a second of every start. */
    private HttpClient http;

    private boolean closed;
    private volatile Signer signer;

    /**
     * @param subject        the VAPID {@code sub} claim: a {@code mailto:} or {@code https:} contact for push services
     * @param timeToLive     how long a push service keeps a message for a device that is offline
     * @param requestTimeout per message, connect and answer
     */
    public record Settings(String subject, Duration timeToLive, Duration requestTimeout) {
        public Settings {
            if (subject == null || !(subject.startsWith("mailto:") || subject.startsWith("https:"))) {
                throw new IllegalArgumentException("the VAPID subject must be a mailto: or https: URL");
            }
        }
    }

    public WebPushSender(PushEndpointPolicy policy, Settings settings) {
        this.policy = policy;
        this.settings = settings;
    }

    /** Null once closed: a message sent while the server stops is not delivered. */
    private synchronized HttpClient http() {
        if (closed) {
            return null;
        }
        if (http == null) {
            http = HttpClient.newBuilder()
                    .followRedirects(HttpClient.Redirect.NEVER)
                    .connectTimeout(settings.requestTimeout())
                    .build();
        }
        return http;
    }

    @Override
    public VapidKeys generateKeys() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            KeyPair pair = generator.generateKeyPair();
            String publicKey = Base64.getUrlEncoder()
                    .withoutPadding()
                    .encodeToString(PublicKeySources.ofECPublicKey((ECPublicKey) pair.getPublic())
                            .extractBytesInUncompressedForm());
            return new VapidKeys(publicKey, pair.getPrivate().getEncoded());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("this JDK cannot make P-256 keys", e);
        }
    }

    @Override
    public Delivery send(PushSubscription to, PushNotification notification, VapidKeys keys) {
        URI endpoint = policy.check(to.endpoint());
        var subscription = new com.zerodeplibs.webpush.PushSubscription();
        subscription.setEndpoint(endpoint.toString());
        var subscriptionKeys = new com.zerodeplibs.webpush.PushSubscription.Keys();
        subscriptionKeys.setP256dh(to.p256dh());
        subscriptionKeys.setAuth(to.auth());
        subscription.setKeys(subscriptionKeys);
        HttpRequest request = StandardHttpClientRequestPreparer.getBuilder()
                .pushSubscription(subscription)
                .vapidJWTExpiresAfter(12, TimeUnit.HOURS)
                .vapidJWTSubject(settings.subject())
                .pushMessage(payload(notification))
                .ttl(settings.timeToLive().toSeconds(), TimeUnit.SECONDS)
                .urgencyHigh()
                .build(signer(keys).pair())
                .toRequestBuilder()
                .timeout(settings.requestTimeout())
                .build();
        HttpClient client = http();
        if (client == null) {
            return Delivery.FAILED;
        }
        try {
            int status =
                    client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
            if (status == 404 || status == 410) {
                return Delivery.GONE;
            }
            if (status >= 200 && status < 300) {
                return Delivery.DELIVERED;
            }
            LOG.warn("push service {} refused a message with status {}", endpoint.getHost(), status);
        } catch (IOException e) {
            LOG.warn(
                    "push service {} unreachable: {}",
                    endpoint.getHost(),
                    e.getClass().getSimpleName());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return Delivery.FAILED;
    }

    /** The library's key pair, made once per VAPID key pair (which never changes once stored). */
    private Signer signer(VapidKeys keys) {
        Signer current = signer;
        if (current == null || !current.keys().equals(keys)) {
            VAPIDKeyPair pair = VAPIDKeyPairs.of(
                    PrivateKeySources.ofPKCS8Bytes(keys.privateKeyPkcs8()),
                    PublicKeySources.ofUncompressedBytes(Base64.getUrlDecoder().decode(keys.publicKey())));
            current = new Signer(keys, pair);
            signer = current;
        }
        return current;
    }

    private record Signer(VapidKeys keys, VAPIDKeyPair pair) {}

    /** The JSON the service worker reads (web/public/sw.js). */
    private static byte[] payload(PushNotification notification) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("topic", notification.topic().wireName());
        body.put("title", notification.title());
        body.put("body", notification.body());
        body.put("url", notification.url());
        body.put("tag", notification.tag());
        try {
            return JSON.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public synchronized void close() {
        closed = true;
        if (http != null) {
            http.close();
        }
    }
}
