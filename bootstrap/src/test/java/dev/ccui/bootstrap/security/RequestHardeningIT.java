package dev.ccui.bootstrap.security;

import static dev.ccui.bootstrap.testing.ApiClient.json;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ccui.bootstrap.testing.ApiClient;
import dev.ccui.bootstrap.testing.TestApplication;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 11's request-level cases over HTTP against the app: DNS rebinding ({@code Host}), cross-site
 * form posts ({@code Content-Type}), and the first-admin set-up of a server reachable from elsewhere.
 */
class RequestHardeningIT {
    @TempDir
    Path folder;

    @Test
    void foreignHostNamesAreRefusedConfiguredAndLoopbackOnesAnswered() throws Exception {
        try (var app = TestApplication.sqlite(folder, Map.of("CCUI_ALLOWED_HOSTS", "ui.example"))) {
            URI base = URI.create(app.startHttp());
            // Before issue 11: 200 for any Host, so a rebinding page could drive the API.
            String refused = raw(
                    base,
                    "GET /api/auth/status HTTP/1.1\r\nHost: rebind.evil.example:" + base.getPort()
                            + "\r\nConnection: close\r\n\r\n");
            assertThat(refused).startsWith("HTTP/1.1 403").contains("HOST_NOT_ALLOWED");
            String upgrade = raw(
                    base,
                    "GET /ws HTTP/1.1\r\nHost: rebind.evil.example\r\nConnection: Upgrade\r\n"
                            + "Upgrade: websocket\r\nSec-WebSocket-Version: 13\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n\r\n");
            assertThat(upgrade).startsWith("HTTP/1.1 403");
            assertThat(raw(base, "GET /api/auth/status HTTP/1.1\r\nHost: ui.example\r\nConnection: close\r\n\r\n"))
                    .startsWith("HTTP/1.1 200");
            assertThat(raw(base, "GET /api/auth/status HTTP/1.1\r\nHost: localhost:1\r\nConnection: close\r\n\r\n"))
                    .startsWith("HTTP/1.1 200");
            // Probes call by IP: health answers whatever the Host.
            assertThat(raw(base, "GET /api/health HTTP/1.1\r\nHost: 10.1.2.3:3001\r\nConnection: close\r\n\r\n"))
                    .startsWith("HTTP/1.1 200");
        }
    }

    @Test
    void bodiesMustBeJson() throws Exception {
        try (var app = TestApplication.sqlite(folder)) {
            String base = app.startHttp();
            ApiClient.setUpAdmin(base);
            // A cross-site <form enctype="text/plain"> needs no preflight; before issue 11 it reached the route.
            var form = HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(URI.create(base + "/api/auth/login"))
                                    .header("Content-Type", "text/plain")
                                    .POST(HttpRequest.BodyPublishers.ofString(
                                            "{\"username\":\"admin\",\"password\":\"admin password 1\"}"))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
            assertThat(form.statusCode()).isEqualTo(415);
            assertThat(json(form).at("/error/code").asText()).isEqualTo("UNSUPPORTED_MEDIA_TYPE");
        }
    }

    @Test
    void aServerReachableFromElsewhereAsksForTheSetUpCode() {
        try (var app = TestApplication.sqlite(folder, Map.of("CCUI_TRUSTED_PROXIES", "127.0.0.1"))) {
            var anonymous = new ApiClient(app.startHttp(), null);
            assertThat(json(anonymous.get("/api/auth/status"))
                            .get("setupCodeRequired")
                            .asBoolean())
                    .isTrue();
            // Before issue 11: 201, the first visitor became admin.
            var without =
                    anonymous.post("/api/auth/setup", "{\"username\":\"first\",\"password\":\"first password 1\"}");
            assertThat(without.statusCode()).isEqualTo(403);
            assertThat(json(without).at("/error/code").asText()).isEqualTo("SETUP_CODE_REQUIRED");
            var wrong = anonymous.post(
                    "/api/auth/setup",
                    "{\"username\":\"first\",\"password\":\"first password 1\",\"setupCode\":\"guessed-code\"}");
            assertThat(wrong.statusCode()).isEqualTo(403);
            assertThat(json(anonymous.get("/api/auth/status"))
                            .get("setupRequired")
                            .asBoolean())
                    .isTrue();
        }
    }

    @Test
    void thePresetSetUpCodeLetsTheOperatorIn() {
        try (var app = TestApplication.sqlite(
                folder, Map.of("CCUI_HOST", "127.0.0.1", "CCUI_SETUP_CODE", "preset-code-123"))) {
            var anonymous = new ApiClient(app.startHttp(), null);
            assertThat(anonymous
                            .post("/api/auth/setup", "{\"username\":\"first\",\"password\":\"first password 1\"}")
                            .statusCode())
                    .isEqualTo(403);
            var ok = anonymous.post(
                    "/api/auth/setup",
                    "{\"username\":\"first\",\"password\":\"first password 1\",\"setupCode\":\"preset-code-123\"}");
            assertThat(ok.statusCode()).as(ok.body()).isEqualTo(201);
            assertThat(json(anonymous.get("/api/auth/status"))
                            .get("setupCodeRequired")
                            .asBoolean())
                    .isFalse();
        }
    }

    private static String raw(URI base, String request) throws IOException {
        try (var socket = new Socket(base.getHost(), base.getPort())) {
            socket.setSoTimeout(5_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = socket.getInputStream();
            byte[] buffer = new byte[8192];
            StringBuilder text = new StringBuilder();
            int read;
            try {
                while ((read = in.read(buffer)) > 0) {
                    text.append(new String(buffer, 0, read, StandardCharsets.ISO_8859_1));
                    if (text.indexOf("\r\n\r\n") > 0
                            && (text.indexOf("}") > 0 || text.toString().startsWith("HTTP/1.1 101"))) {
                        break;
                    }
                }
            } catch (SocketTimeoutException enough) {
                // What came is what we assert on.
            }
            return text.toString();
        }
    }
}
