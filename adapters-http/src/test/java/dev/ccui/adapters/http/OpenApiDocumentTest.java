package dev.ccui.adapters.http;

import static dev.ccui.adapters.http.TestHttp.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** The hand-written OpenAPI document and the registered routes must name the same operations. */
class OpenApiDocumentTest {
    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch", "head", "options");

    @Test
    void everyRouteIsDocumentedAndEveryDocumentedRouteExists() {
        try (var http = new TestHttp()) {
            var response = http.get("/api/openapi.json");
            assertThat(response.statusCode()).isEqualTo(200);
            JsonNode document = json(response);
            assertThat(document.get("openapi").asText()).startsWith("3.1");

            Set<String> documented = new TreeSet<>();
            document.get("paths")
                    .fields()
                    .forEachRemaining(path -> path.getValue().fieldNames().forEachRemaining(method -> {
                        if (METHODS.contains(method)) {
                            documented.add(method.toUpperCase(Locale.ROOT) + " " + path.getKey());
                        }
                    }));
            Set<String> registered = new TreeSet<>();
            http.server.routes().forEach(route -> registered.add(route.method() + " " + route.path()));

            assertThat(registered).as("routes without an OpenAPI entry").isSubsetOf(documented);
            assertThat(documented).as("OpenAPI entries without a route").isSubsetOf(registered);
            assertThat(registered).hasSizeGreaterThan(15);
        }
    }

    @Test
    void everyOperationHasAnIdAndEveryReferenceResolves() {
        try (var http = new TestHttp()) {
            JsonNode document = json(http.get("/api/openapi.json"));
            Set<String> ids = new TreeSet<>();
            document.get("paths")
                    .forEach(path -> path.fields().forEachRemaining(op -> {
                        assertThat(op.getValue().has("operationId"))
                                .as(op.getKey())
                                .isTrue();
                        assertThat(ids.add(op.getValue().get("operationId").asText()))
                                .as("unique operationId")
                                .isTrue();
                    }));
            document.findValuesAsText("$ref").forEach(ref -> {
                String[] parts = ref.substring(2).split("/");
                JsonNode target = document;
                for (String part : parts) {
                    target = target.get(part);
                    assertThat(target).as(ref).isNotNull();
                }
            });
        }
    }
}
