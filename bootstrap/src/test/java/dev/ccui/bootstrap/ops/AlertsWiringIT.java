package dev.ccui.bootstrap.ops;

import static dev.ccui.bootstrap.ops.OpsTools.figure;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import dev.ccui.bootstrap.testing.ApiClient;
import dev.ccui.bootstrap.testing.TestApplication;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The alerting as the composition root wires it: ten failed sign-ins over HTTP reach a webhook
 * receiver as exactly one alert.
 */
class AlertsWiringIT {
    @TempDir
    Path folder;

    @Test
    void tenFailedSignInsSendOneWebhookAlert() throws Exception {
        BlockingQueue<String> received = new LinkedBlockingQueue<>();
        HttpServer receiver = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        receiver.createContext("/hook", exchange -> {
            received.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        receiver.start();
        String hook = "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook";
        try (var app = TestApplication.sqlite(folder, Map.of("CCUI_ALERT_WEBHOOK_URL", hook))) {
            String base = app.startHttp();
            ApiClient.setUpAdmin(base);
            var anonymous = new ApiClient(base, null);
            for (int i = 0; i < 25; i++) {
                var response =
                        anonymous.post("/api/auth/login", "{\"username\":\"admin\",\"password\":\"guess " + i + "\"}");
                assertThat(response.statusCode()).isIn(401, 429);
            }
            String body = received.poll(10, TimeUnit.SECONDS);
            assertThat(body).as("an alert at the webhook").isNotNull();
            figure("webhook received (10+ failed sign-ins over HTTP): " + body);
            JsonNode json = ApiClient.JSON.readTree(body);
            assertThat(json.get("kind").asText()).isEqualTo("login_failures");
            assertThat(json.get("fingerprint").asText()).isEqualTo("login-failures:127.0.0.1");
            assertThat(received.poll(1, TimeUnit.SECONDS))
                    .as("one incident, one alert")
                    .isNull();
        } finally {
            receiver.stop(0);
        }
    }
}
