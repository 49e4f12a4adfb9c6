package dev.ccui.adapters.process.alert;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import dev.ccui.application.alert.port.out.Alert;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class WebhookAlertSinkTest {
    private static final Alert ALERT = new Alert(
            Alert.Kind.LOGIN_FAILURES,
            Alert.Severity.WARNING,
            "Repeated failed sign-ins from 203.0.113.7",
            "10 failed sign-ins from 203.0.113.7 within 5 min (threshold 10)",
            Instant.parse("2026-11-27T21:40:00Z"),
            "login-failures:203.0.113.7",
            false);

    private HttpServer receiver;
    private final AtomicInteger attempts = new AtomicInteger();
    private final BlockingQueue<String> accepted = new LinkedBlockingQueue<>();
    private final List<Map<String, String>> headers = new CopyOnWriteArrayList<>();
    private volatile int failFirst = 1;
    private volatile CountDownLatch hold = new CountDownLatch(0);

    private URI startReceiver() throws Exception {
        receiver = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        receiver.createContext("/hook", exchange -> {
            try {
                hold.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            int n = attempts.incrementAndGet();
            headers.add(Map.of(
                    "content-type",
                    String.valueOf(exchange.getRequestHeaders().getFirst("Content-Type")),
                    "signature",
                    String.valueOf(exchange.getRequestHeaders().getFirst("X-CCUI-Signature")),
                    "previous",
                    String.valueOf(exchange.getRequestHeaders().getFirst("X-CCUI-Signature-Previous"))));
            int status = n <= failFirst ? 500 : 204;
            if (status == 204) {
                accepted.add(body);
            }
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        receiver.start();
        return URI.create("http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook");
    }

    @AfterEach
    void stop() {
        if (receiver != null) {
            receiver.stop(0);
        }
    }

    private static WebhookAlertSink.Settings fast(URI url, String secret, int capacity) {
        return new WebhookAlertSink.Settings(url, secret, 3, Duration.ofMillis(50), Duration.ofSeconds(5), capacity);
    }

    @Test
    void aFailedFirstAttemptIsRetriedAndTheAlertArrivesOnce() throws Exception {
        URI url = startReceiver();
        try (var sink = new WebhookAlertSink(fast(url, "s3cret", 10))) {
            long before = System.nanoTime();
            sink.send(ALERT);
            assertThat(Duration.ofNanos(System.nanoTime() - before)).isLessThan(Duration.ofMillis(50)); // never blocks

            String body = accepted.poll(10, TimeUnit.SECONDS);
            assertThat(body).isNotNull();
            Thread.sleep(300); // would a third attempt come?
            assertThat(attempts.get()).isEqualTo(2);
            assertThat(accepted).isEmpty();
            assertThat(sink.delivered()).isEqualTo(1);

            System.out.println("[figure] delivered alert body (after one 500): " + body);
            var json = new ObjectMapper().readTree(body);
            assertThat(json.get("kind").asText()).isEqualTo("login_failures");
            assertThat(json.get("severity").asText()).isEqualTo("warning");
            assertThat(json.get("status").asText()).isEqualTo("firing");
            assertThat(json.get("fingerprint").asText()).isEqualTo("login-failures:203.0.113.7");
            assertThat(json.get("at").asText()).isEqualTo("2026-11-27T21:40:00Z");
            assertThat(json.get("text").asText())
                    .isEqualTo("[ccui WARNING] Repeated failed sign-ins from 203.0.113.7: "
                            + "10 failed sign-ins from 203.0.113.7 within 5 min (threshold 10)");
            assertThat(headers.get(1).get("content-type")).isEqualTo("application/json");
            assertThat(headers.get(1).get("signature")).isEqualTo("sha256=" + WebhookAlertSink.hmac("s3cret", body));
        }
    }

    /** While the secret is rotated out, a receiver still on it keeps verifying. */
    @Test
    void aRotatedOutSecretStillSignsBesideTheNewOne() throws Exception {
        failFirst = 0;
        URI url = startReceiver();
        try (var sink = new WebhookAlertSink(fast(url, "new-secret", 10).withPreviousSecret("old-secret"))) {
            sink.send(ALERT);
            String body = accepted.poll(10, TimeUnit.SECONDS);
            assertThat(body).isNotNull();
            assertThat(headers.get(0).get("signature"))
                    .isEqualTo("sha256=" + WebhookAlertSink.hmac("new-secret", body));
            assertThat(headers.get(0).get("previous")).isEqualTo("sha256=" + WebhookAlertSink.hmac("old-secret", body));
        }
        assertThat(fast(url, "only", 1).previousSecret()).isNull();
    }

    @Test
    void givesUpAfterThreeAttempts() throws Exception {
        failFirst = 100;
        URI url = startReceiver();
        try (var sink = new WebhookAlertSink(fast(url, null, 10))) {
            sink.send(ALERT);
            long deadline = System.currentTimeMillis() + 5000;
            while (attempts.get() < 3 && System.currentTimeMillis() < deadline) {
                Thread.sleep(20);
            }
            Thread.sleep(300);
            assertThat(attempts.get()).isEqualTo(3);
            assertThat(headers.get(0).get("signature")).isEqualTo("null");
            assertThat(sink.delivered()).isZero();
        }
    }

    @Test
    void aFullQueueDropsInsteadOfBlocking() throws Exception {
        failFirst = 0;
        hold = new CountDownLatch(1); // the receiver holds the first request: the worker is busy
        URI url = startReceiver();
        try (var sink = new WebhookAlertSink(fast(url, null, 2))) {
            sink.send(ALERT);
            Thread.sleep(200); // the worker took the first one and waits on the receiver
            long before = System.nanoTime();
            for (int i = 0; i < 10; i++) {
                sink.send(ALERT);
            }
            assertThat(Duration.ofNanos(System.nanoTime() - before)).isLessThan(Duration.ofMillis(100));
            assertThat(sink.dropped()).isEqualTo(8);
            hold.countDown();
            for (int i = 0; i < 3; i++) {
                assertThat(accepted.poll(5, TimeUnit.SECONDS)).isNotNull();
            }
        }
    }

    @Test
    void onlyHttpUrls() {
        Assertions.assertThatThrownBy(() -> WebhookAlertSink.Settings.defaults(URI.create("file:///etc/passwd"), null))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
