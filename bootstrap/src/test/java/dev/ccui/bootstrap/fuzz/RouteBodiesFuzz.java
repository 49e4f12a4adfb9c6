package dev.ccui.bootstrap.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import com.fasterxml.jackson.databind.JsonNode;
import dev.ccui.bootstrap.testing.ApiClient;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Any body on every documented route that takes JSON (POST, PUT, PATCH in openapi.json), sent by
 * an admin over real HTTP, through the JSON mapper, validation and use case the route uses: the
 * answer is never a 5xx, and an error is our JSON {@code {error: {code}}}.
 *
 * <p>On demand ({@code ops/fuzz/fuzz.sh}); named out of the CI's test patterns until its
 * regression replay has been timed in CI (it starts a whole app).
 */
class RouteBodiesFuzz {
    /** Routes that would end the fuzzing session itself (sign-out, revoking every token, read-only mode). */
    private static final Set<String> SKIPPED = Set.of(
            "/api/auth/logout",
            "/api/auth/password",
            "/api/admin/sessions/revoke-all",
            "/api/admin/maintenance",
            "/api/maintenance");

    private static final List<String[]> ROUTES = routes();

    @FuzzTest(maxDuration = "10s")
    void everyJsonBodyIsAnsweredWithoutA5xx(FuzzedDataProvider data) {
        FuzzApp app = FuzzApp.get();
        String[] route = data.pickValue(ROUTES);
        String path = route[1].replace("{projectId}", app.projectId)
                .replaceAll("^/api/projects/\\{id}", "/api/projects/" + app.projectId)
                .replaceAll("\\{[^}]+}", "00000000-0000-4000-8000-000000000000");
        String body = FuzzedText.of(data);

        var response = app.admin.send(route[0], path, body);

        assertThat(response.statusCode())
                .as(route[0] + " " + path + " with " + body + " -> " + response.body())
                .isLessThan(500);
        if (response.statusCode() >= 400) {
            JsonNode error = ApiClient.json(response).path("error");
            assertThat(error.path("code").asText()).as(response.body()).isNotEmpty();
        }
    }

    /** {method, path} of every operation with a JSON request body. */
    private static List<String[]> routes() {
        try (InputStream in =
                RouteBodiesFuzz.class.getResourceAsStream("/dev/ccui/adapters/http/openapi/openapi.json")) {
            JsonNode paths = ApiClient.JSON.readTree(in).path("paths");
            List<String[]> routes = new ArrayList<>();
            paths.properties().forEach(entry -> {
                if (SKIPPED.contains(entry.getKey())) {
                    return;
                }
                for (String method : List.of("post", "put", "patch")) {
                    JsonNode operation = entry.getValue().path(method);
                    if (operation.path("requestBody").path("content").has("application/json")) {
                        routes.add(new String[] {method.toUpperCase(java.util.Locale.ROOT), entry.getKey()});
                    }
                }
            });
            if (routes.isEmpty()) {
                throw new IllegalStateException("no JSON routes in openapi.json");
            }
            return routes;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
