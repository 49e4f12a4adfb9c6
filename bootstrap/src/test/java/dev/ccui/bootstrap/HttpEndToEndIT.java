package dev.ccui.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ccui.bootstrap.testing.TestApplication;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The whole stack over HTTP: real server, real SQLite file, real bcrypt and JWT, the built UI. */
class HttpEndToEndIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient client = HttpClient.newHttpClient();

    @TempDir
    Path folder;

    private TestApplication app;
    private String base;

    @BeforeEach
    void start() {
        app = TestApplication.sqlite(folder);
        base = app.startHttp();
    }

    @AfterEach
    void stop() {
        app.close();
    }

    private HttpResponse<String> send(String method, String path, String body, String... headers) throws Exception {
        var request = HttpRequest.newBuilder(URI.create(base + path))
                .method(
                        method,
                        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        if (headers.length > 0) {
            request.headers(headers);
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode json(HttpResponse<String> response) throws Exception {
        return JSON.readTree(response.body());
    }

    @Test
    void aNewcomersFirstSession() throws Exception {
        var health = send("GET", "/api/health", null);
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(json(health).get("status").asText()).isEqualTo("degraded");
        // Anonymous callers (load balancers) learn the status, never versions, paths or figures.
        assertThat(json(health).has("checks")).isFalse();
        assertThat(json(health).has("version")).isFalse();

        assertThat(json(send("GET", "/api/auth/status", null))
                        .get("setupRequired")
                        .asBoolean())
                .isTrue();
        var setup = send("POST", "/api/auth/setup", "{\"username\":\"me\",\"password\":\"my long password\"}");
        assertThat(setup.statusCode()).isEqualTo(201);
        var login = send("POST", "/api/auth/login", "{\"username\":\"me\",\"password\":\"my long password\"}");
        String token = json(login).get("token").asText();
        assertThat(json(send("GET", "/api/auth/me", null, "Authorization", "Bearer " + token))
                        .get("role")
                        .asText())
                .isEqualTo("admin");
        assertThat(send("POST", "/api/auth/login", "{\"username\":\"me\",\"password\":\"nope nope nope\"}")
                        .statusCode())
                .isEqualTo(401);
        assertThat(send("GET", "/api/auth/me", null, "Authorization", "Bearer eyJhbGciOiJub25lIn0.e30.")
                        .statusCode())
                .isEqualTo(401);

        var page = send("GET", "/", null);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("<div id=\"root\"></div>").doesNotContain("<script>");
        assertThat(page.headers().firstValue("Cache-Control")).contains("no-cache");
    }
}
