package dev.ccui.adapters.process.alert;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ccui.application.alert.port.out.Alert;
import dev.ccui.application.alert.port.out.AlertSink;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Posts each alert as JSON to a webhook (Slack/Mattermost-compatible {@code text} plus the
 * structured fields). {@link #send} only queues: a bounded queue and one worker thread deliver,
 * with up to {@code attempts} tries and exponential backoff; a full queue drops the alert with a
 * log line. With a secret, the body is signed: {@code X-CCUI-Signature: sha256=<hex HMAC>}.
 */
public final class WebhookAlertSink implements AlertSink, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(WebhookAlertSink.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Settings settings;
    private final HttpClient http;
    private final AlertQueue queue;
    private final AtomicLong delivered = new AtomicLong();

    /**
     * @param url             the webhook (http or https)
     * @param secret          HMAC-SHA256 key for {@code X-CCUI-Signature}, or null
     * @param attempts        tries per alert (3)
     * @param firstBackoff    wait before the 2nd try, doubled for each further one (1 s)
     * @param requestTimeout  per try, connect and response (10 s)
     * @param queueCapacity   alerts waiting at most (100)
     */
    public record Settings(
            URI url,
            String secret,
            int attempts,
            Duration firstBackoff,
            Duration requestTimeout,
            int queueCapacity,
            String previousSecret) {
        public Settings(
                URI url,
                String secret,
                int attempts,
                Duration firstBackoff,
                Duration requestTimeout,
                int queueCapacity) {
            this(url, secret, attempts, firstBackoff, requestTimeout, queueCapacity, null);
        }

        public Settings {
            Objects.requireNonNull(url, "url");
            if (!"http".equals(url.getScheme()) && !"https".equals(url.getScheme())) {
                throw new IllegalArgumentException("the alert webhook must be an http(s) URL");
            }
            if (attempts < 1 || queueCapacity < 1) {
                throw new IllegalArgumentException("attempts and queueCapacity must be positive");
            }
            secret = secret == null || secret.isBlank() ? null : secret;
            previousSecret =
                    secret == null || previousSecret == null || previousSecret.isBlank() ? null : previousSecret;
        }

        /** While a secret is rotated out, alerts are also signed with it ({@code X-CCUI-Signature-Previous}). */
        public Settings withPreviousSecret(String previous) {
            return new Settings(url, secret, attempts, firstBackoff, requestTimeout, queueCapacity, previous);
        }

        public static Settings defaults(URI url, String secret) {
            return new Settings(url, secret, 3, Duration.ofSeconds(1), Duration.ofSeconds(10), 100);
        }
    }

    public WebhookAlertSink(Settings settings) {
        this.settings = settings;
        this.http = HttpClient.newBuilder()
                .connectTimeout(settings.requestTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        this.queue = new AlertQueue(LOG, "alert webhook", settings.queueCapacity(), this::deliver);
    }

    @Override
    public void send(Alert alert) {
        queue.offer(alert);
    }

    public long delivered() {
        return delivered.get();
    }

    public long dropped() {
        return queue.dropped();
    }

    /** The JSON body posted for {@code alert}. */
    public static String body(Alert alert) {
        Map<String, Object> body = new LinkedHashMap<>();
        String state = alert.resolved() ? "RESOLVED" : alert.severity().name();
        body.put(
                "text",
                "[ccui " + state + "] " + alert.title() + (alert.detail().isEmpty() ? "" : ": " + alert.detail()));
        body.put("kind", alert.kind().code());
        body.put("severity", alert.severity().code());
        body.put("status", alert.resolved() ? "resolved" : "firing");
        body.put("title", alert.title());
        body.put("detail", alert.detail());
        body.put("at", alert.at().toString());
        body.put("fingerprint", alert.fingerprint());
        try {
            return JSON.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Tries the alert up to {@code attempts} times; false only when interrupted. */
    private boolean deliver(Alert alert) {
        String body = body(alert);
        HttpRequest.Builder request = HttpRequest.newBuilder(settings.url())
                .timeout(settings.requestTimeout())
                .header("Content-Type", "application/json")
                .header("User-Agent", "ccui-alerts")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (settings.secret() != null) {
            request.header("X-CCUI-Signature", "sha256=" + hmac(settings.secret(), body));
            if (settings.previousSecret() != null) {
                // A receiver still on the old secret keeps verifying until it switches.
                request.header("X-CCUI-Signature-Previous", "sha256=" + hmac(settings.previousSecret(), body));
            }
        }
        HttpRequest built = request.build();
        Retries.Result result = Retries.deliver(
                LOG, "alert webhook", alert.fingerprint(), settings.attempts(), settings.firstBackoff(), attempt -> {
                    try {
                        int status = http.send(built, HttpResponse.BodyHandlers.discarding())
                                .statusCode();
                        if (status >= 200 && status < 300) {
                            return null;
                        }
                        // A 4xx other than timeout/too-many is the receiver's final word.
                        return new Retries.Failure(
                                "HTTP " + status, status >= 400 && status < 500 && status != 408 && status != 429);
                    } catch (IOException | RuntimeException e) {
                        return new Retries.Failure(
                                e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()),
                                false);
                    }
                });
        if (result.delivered()) {
            delivered.incrementAndGet();
            LOG.debug("alert {} delivered to the webhook (attempt {})", alert.fingerprint(), result.attempts());
        } else if (!result.interrupted()) {
            LOG.warn(
                    "alert webhook failed for alert {} after {} attempt(s), last: {}",
                    alert.fingerprint(),
                    result.attempts(),
                    result.last().outcome());
        }
        return !result.interrupted();
    }

    static String hmac(String secret, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Stops taking alerts, delivers what is queued for up to {@code grace}, then stops the worker. */
    public void close(Duration grace) {
        queue.close(grace);
        http.close();
    }

    @Override
    public void close() {
        close(Duration.ofSeconds(5));
    }
}
