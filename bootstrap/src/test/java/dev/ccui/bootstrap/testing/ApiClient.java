package dev.ccui.bootstrap.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;

/** A small JSON client for the public API, as an automation script would use it. */
public final class ApiClient {
    public static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http;
    private final String base;
    private final String token;
    private final Duration timeout;

    public ApiClient(String base, String token) {
        this(
                base,
                token,
                Duration.ofSeconds(30),
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build());
    }

    private ApiClient(String base, String token, Duration timeout, HttpClient http) {
        this.base = base;
        this.token = token;
        this.timeout = timeout;
        this.http = http;
    }

    public ApiClient as(String newToken) {
        return new ApiClient(base, newToken, timeout, http);
    }

    /** The same caller, waiting up to {@code newTimeout} for each answer (load tests on a busy machine). */
    public ApiClient waitingUpTo(Duration newTimeout) {
        return new ApiClient(base, token, newTimeout, http);
    }

    /** The same caller at another address (a proxy in front), through {@code client} (e.g. one trusting its certificate). */
    public ApiClient via(String newBase, HttpClient client) {
        return new ApiClient(newBase, token, timeout, client);
    }

    public String base() {
        return base;
    }

    /** The bearer token this client sends (null when anonymous). */
    public String token() {
        return token;
    }

    public HttpResponse<String> send(String method, String path, String body) {
        var request = HttpRequest.newBuilder(URI.create(base + path))
                .timeout(timeout)
                .method(
                        method,
                        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public HttpResponse<String> get(String path) {
        return send("GET", path, null);
    }

    public HttpResponse<String> post(String path, String body) {
        return send("POST", path, body);
    }

    public static JsonNode json(HttpResponse<String> response) {
        try {
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new AssertionError("not JSON (" + response.statusCode() + "): " + response.body(), e);
        }
    }

    /** A JSON text (a WebSocket frame, say) as a tree; a test failure when it is not JSON. */
    public static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + text, e);
        }
    }

    /** Sets up the first admin and returns a client signed in as it. */
    public static ApiClient setUpAdmin(String base) {
        var anonymous = new ApiClient(base, null);
        var response = anonymous.post("/api/auth/setup", "{\"username\":\"admin\",\"password\":\"admin password 1\"}");
        if (response.statusCode() != 201) {
            throw new AssertionError("setup failed: " + response.body());
        }
        return new ApiClient(base, json(response).get("token").asText());
    }

    /** Creates a member (as this admin) and returns a client signed in as them. */
    /** A member, with the capabilities named ({@code terminal}, {@code bypassPermissions}) given by this admin. */
    public ApiClient createMember(String name, String... capabilities) {
        var created = post("/api/users", "{\"username\":\"" + name + "\",\"password\":\"" + name + " password 1\"}");
        if (created.statusCode() != 201) {
            throw new AssertionError("create user failed: " + created.body());
        }
        if (capabilities.length > 0) {
            var granted = send(
                    "PATCH",
                    "/api/users/" + json(created).get("id").asText(),
                    "{\"capabilities\":" + JSON.valueToTree(capabilities) + "}");
            if (granted.statusCode() != 200) {
                throw new AssertionError("granting " + String.join(", ", capabilities) + " failed: " + granted.body());
            }
        }
        var login = new ApiClient(base, null)
                .post("/api/auth/login", "{\"username\":\"" + name + "\",\"password\":\"" + name + " password 1\"}");
        return new ApiClient(base, json(login).get("token").asText());
    }

    /** Adds the existing folder as a project of this client's user and returns the project's id. */
    public String addProject(Path folder) {
        var created = post("/api/projects", "{\"path\":\"" + folder + "\"}");
        if (created.statusCode() != 201) {
            throw new AssertionError("adding project " + folder + " failed: " + created.body());
        }
        return json(created).get("id").asText();
    }

    public String userId() {
        return json(get("/api/auth/me")).get("id").asText();
    }
}
