package dev.ccui.bootstrap.preferences;

import static dev.ccui.bootstrap.testing.ApiClient.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ccui.bootstrap.testing.ApiClient;
import dev.ccui.bootstrap.testing.TestApplication;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** A person's theme and language through the public API of the real application on SQLite. */
@Timeout(120)
class PreferencesHttpIT {
    private static final String PATH = "/api/me/preferences";

    @TempDir
    Path folder;

    private TestApplication app;
    private String base;
    private ApiClient admin;
    private ApiClient olga;

    @BeforeEach
    void start() {
        app = TestApplication.sqlite(folder);
        base = app.startHttp();
        admin = ApiClient.setUpAdmin(base);
        olga = admin.createMember("olga");
    }

    @AfterEach
    void stop() {
        app.close();
    }

    private static void assertPreferences(HttpResponse<String> response, String theme, String language) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode body = json(response);
        assertThat(body.get("theme").asText()).isEqualTo(theme);
        assertThat(body.has("language"))
                .as("language is always there, null for the browser's")
                .isTrue();
        assertThat(body.get("language").isNull() ? null : body.get("language").asText())
                .isEqualTo(language);
    }

    private static void assertRefused(HttpResponse<String> response, String code, String field) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        JsonNode error = json(response).get("error");
        assertThat(error.get("code").asText()).isEqualTo(code);
        assertThat(error.get("field").asText()).isEqualTo(field);
        assertThat(error.get("message").asText()).isNotBlank().doesNotContain("Exception");
    }

    @Test
    void aChoiceIsRememberedForThePersonOnEveryBrowserAndChangesOnlyWhatItNames() {
        assertPreferences(olga.get(PATH), "system", null);

        assertPreferences(olga.send("PUT", PATH, "{\"theme\":\"dark\"}"), "dark", null);
        ApiClient olgaElsewhere = signIn("olga");
        assertPreferences(olgaElsewhere.get(PATH), "dark", null);

        assertPreferences(olgaElsewhere.send("PUT", PATH, "{\"language\":\"EN\"}"), "dark", "en");
        assertPreferences(olga.get(PATH), "dark", "en");
        assertPreferences(olga.send("PUT", PATH, "{\"language\":\"De\"}"), "dark", "de");
        assertPreferences(olgaElsewhere.send("PUT", PATH, "{\"language\":\"es\"}"), "dark", "es");
        assertPreferences(olga.get(PATH), "dark", "es");
        assertPreferences(olga.send("PUT", PATH, "{\"theme\":\"light\",\"language\":null}"), "light", null);
        assertPreferences(olga.send("PUT", PATH, "{}"), "light", null);

        assertPreferences(admin.get(PATH), "system", null);
        assertPreferences(admin.createMember("sam").get(PATH), "system", null);
    }

    @Test
    void anApiKeyReadsAndChangesItsOwnersPreferences() {
        var created = olga.post("/api/api-keys", "{\"name\":\"script\"}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String key = json(created).get("secret").asText();

        assertPreferences(withKey(key, "PUT", "{\"theme\":\"dark\"}"), "dark", null);
        assertPreferences(olga.get(PATH), "dark", null);
        assertPreferences(withKey(key, "GET", null), "dark", null);
    }

    @Test
    void badInputIsRefusedWithItsCodeAndChangesNothing() {
        olga.send("PUT", PATH, "{\"theme\":\"dark\",\"language\":\"en\"}");

        assertRefused(olga.send("PUT", PATH, "{\"theme\":\"blue\"}"), "UNKNOWN_THEME", "theme");
        assertRefused(olga.send("PUT", PATH, "{\"theme\":\"Dark\"}"), "UNKNOWN_THEME", "theme");
        assertRefused(olga.send("PUT", PATH, "{\"theme\":null}"), "UNKNOWN_THEME", "theme");
        assertRefused(olga.send("PUT", PATH, "{\"theme\":1}"), "UNKNOWN_THEME", "theme");
        assertRefused(
                olga.send("PUT", PATH, "{\"theme\":\"light\",\"language\":\"fr\"}"),
                "UNSUPPORTED_LANGUAGE",
                "language");
        assertRefused(olga.send("PUT", PATH, "{\"language\":\"en_US\"}"), "UNSUPPORTED_LANGUAGE", "language");
        assertRefused(olga.send("PUT", PATH, "{\"language\":[\"en\"]}"), "UNSUPPORTED_LANGUAGE", "language");
        assertRefused(olga.send("PUT", PATH, "{\"colour\":\"red\"}"), "INVALID", "colour");
        for (String body : new String[] {"[]", "\"dark\"", "{\"theme\":", "null"}) {
            var response = olga.send("PUT", PATH, body);
            assertThat(response.statusCode()).as(body).isEqualTo(400);
            assertThat(json(response).at("/error/code").asText()).isEqualTo("INVALID");
        }

        assertPreferences(olga.get(PATH), "dark", "en");
    }

    @Test
    void anonymousCallersAreRefused() {
        var anonymous = new ApiClient(base, null);
        for (var response :
                new HttpResponse[] {anonymous.get(PATH), anonymous.send("PUT", PATH, "{\"theme\":\"dark\"}")}) {
            assertThat(response.statusCode()).isEqualTo(401);
        }
    }

    private ApiClient signIn(String name) {
        var login = new ApiClient(base, null)
                .post("/api/auth/login", "{\"username\":\"" + name + "\",\"password\":\"" + name + " password 1\"}");
        assertThat(login.statusCode()).as(login.body()).isEqualTo(200);
        return new ApiClient(base, json(login).get("token").asText());
    }

    private HttpResponse<String> withKey(String key, String method, String body) {
        var request = HttpRequest.newBuilder(URI.create(base + PATH))
                .timeout(Duration.ofSeconds(30))
                .header("X-API-Key", key)
                .method(
                        method,
                        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        try (HttpClient http = HttpClient.newHttpClient()) {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
