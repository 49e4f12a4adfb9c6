package dev.ccui.adapters.http;

import static dev.ccui.adapters.http.TestHttp.json;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The service-wide behaviour: headers, request ids, errors, limits, CORS, static UI. */
class HttpServiceTest {
    private static TestHttp http;

    @BeforeAll
    static void start() {
        http = new TestHttp(s -> new HttpSettings(
                s.host(),
                s.port(),
                false,
                s.corsOrigins(),
                s.trustedProxies(),
                2048,
                s.apiLimit(),
                s.authLimit(),
                s.sessionTtl(),
                s.version(),
                s.webRoot(),
                s.shutdownGrace()));
    }

    @AfterAll
    static void stop() {
        http.close();
    }

    private static void assertErrorShape(HttpResponse<String> response, int status, String code) {
        assertThat(response.statusCode()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).startsWith("application/json"));
        var error = json(response).get("error");
        assertThat(error.get("code").asText()).isEqualTo(code);
        assertThat(error.get("message").asText()).isNotBlank();
        assertThat(error.get("requestId").asText())
                .isEqualTo(response.headers().firstValue("X-Request-Id").orElseThrow());
        assertThat(response.body()).doesNotContain("Exception", "\tat ", "java.", "io.javalin");
    }

    @Test
    void everyResponseCarriesTheSecurityHeadersAndARequestId() {
        for (var response : new HttpResponse[] {http.get("/api/health"), http.get("/api/nope"), http.get("/")}) {
            var headers = response.headers();
            assertThat(headers.firstValue("Content-Security-Policy").orElseThrow())
                    .contains("script-src 'self'")
                    .doesNotContain("unsafe-inline");
            assertThat(headers.firstValue("X-Frame-Options")).contains("DENY");
            assertThat(headers.firstValue("X-Content-Type-Options")).contains("nosniff");
            assertThat(headers.firstValue("Referrer-Policy")).isPresent();
            assertThat(headers.firstValue("Permissions-Policy")).isPresent();
            assertThat(headers.firstValue("X-Request-Id").orElseThrow()).hasSizeGreaterThan(8);
            assertThat(headers.firstValue("Strict-Transport-Security")).isEmpty();
            assertThat(headers.firstValue("Server")).isEmpty();
        }
    }

    @Test
    void aWellFormedIncomingRequestIdIsKeptAndAHostileOneReplaced() {
        assertThat(http.get("/api/health", "X-Request-Id", "abc-123-def-456")
                        .headers()
                        .firstValue("X-Request-Id"))
                .contains("abc-123-def-456");
        String replaced = http.get("/api/health", "X-Request-Id", "<script>alert(1)</script>")
                .headers()
                .firstValue("X-Request-Id")
                .orElseThrow();
        assertThat(replaced).doesNotContain("<").hasSize(36);
    }

    @Test
    void healthAnswersWithTheContractShape() {
        var anonymous = json(http.get("/api/health"));
        assertThat(anonymous.get("status").asText()).isEqualTo("up");
        assertThat(anonymous.has("version"))
                .as("versions and figures are for admins")
                .isFalse();
        assertThat(anonymous.has("checks")).isFalse();
        var response = http.get("/api/health", "Authorization", "Bearer " + http.setUpAdmin());
        assertThat(response.statusCode()).isEqualTo(200);
        var body = json(response);
        assertThat(body.get("status").asText()).isEqualTo("up");
        assertThat(body.get("version").asText()).isEqualTo("test");
        assertThat(body.has("uptimeSeconds")).isTrue();
        assertThat(body.get("checks").get("database").get("status").asText()).isEqualTo("up");
        assertThat(response.headers().firstValue("Cache-Control")).contains("no-store");
    }

    @Test
    void unknownApiRoutesAreJson404AndWrongMethods405() {
        assertErrorShape(http.get("/api/does-not-exist"), 404, "NOT_FOUND");
        assertErrorShape(http.get("/api/auth/login"), 405, "METHOD_NOT_ALLOWED");
        assertErrorShape(http.send(http.request("/api/health").DELETE()), 405, "METHOD_NOT_ALLOWED");
    }

    @Test
    void oversizedBodiesAre413() {
        String big = "{\"username\":\"" + "a".repeat(5000) + "\",\"password\":\"x\"}";
        assertErrorShape(http.post("/api/auth/login", big), 413, "PAYLOAD_TOO_LARGE");
    }

    @Test
    void malformedJsonIs400AndSaysWhere() {
        var response = http.post("/api/auth/login", "{\"username\": \"a\", ");
        assertErrorShape(response, 400, "INVALID");
        assertThat(json(response).get("error").get("message").asText()).contains("malformed JSON");

        var wrongType = http.post("/api/auth/login", "{\"username\": {\"x\":1}, \"password\":\"p\"}");
        assertErrorShape(wrongType, 400, "INVALID");
        assertThat(json(wrongType).get("error").get("field").asText()).isEqualTo("username");

        var missing = http.post("/api/auth/login", "{\"username\":\"bob\"}");
        assertErrorShape(missing, 400, "INVALID");
        assertThat(json(missing).get("error").get("field").asText()).isEqualTo("password");

        assertErrorShape(http.post("/api/auth/login", ""), 400, "INVALID");
        assertErrorShape(http.post("/api/auth/login", "[1,2]"), 400, "INVALID");
        assertErrorShape(http.post("/api/auth/login", "null"), 400, "INVALID");
        assertErrorShape(
                http.post("/api/auth/login", "{\"username\":\"a\",\"password\":\"b\"} trailing"), 400, "INVALID");
    }

    @Test
    void corsAllowsOnlyListedOrigins() {
        var allowed = http.send(http.request("/api/auth/login")
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .header("Origin", "https://allowed.example")
                .header("Access-Control-Request-Method", "POST"));
        assertThat(allowed.statusCode()).isEqualTo(204);
        assertThat(allowed.headers().firstValue("Access-Control-Allow-Origin")).contains("https://allowed.example");
        assertThat(allowed.headers().firstValue("Access-Control-Allow-Methods")).isPresent();

        var other = http.send(http.request("/api/auth/login")
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .header("Origin", "https://evil.example")
                .header("Access-Control-Request-Method", "POST"));
        assertThat(other.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
        assertThat(other.headers().firstValue("Access-Control-Allow-Methods")).isEmpty();
        assertThat(other.headers().firstValue("Access-Control-Allow-Credentials"))
                .isEmpty();

        var simple = http.get("/api/health", "Origin", "https://evil.example");
        assertThat(simple.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
    }

    @Test
    void theUiIsServedWithCachingRulesAndPrecompressedAssets() {
        var page = http.get("/");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("<div id=\"root\">");
        assertThat(page.headers().firstValue("Cache-Control")).contains("no-cache");

        var clientRoute = http.get("/projects/123");
        assertThat(clientRoute.statusCode()).isEqualTo(200);
        assertThat(clientRoute.body()).contains("<div id=\"root\">");

        var asset = http.get("/assets/app-abc123.js");
        assertThat(asset.headers().firstValue("Cache-Control")).contains("public, max-age=31536000, immutable");
        assertThat(asset.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/javascript");
        assertThat(asset.body()).contains("console.log");

        var brotli = http.get("/assets/app-abc123.js", "Accept-Encoding", "br");
        assertThat(brotli.headers().firstValue("Content-Encoding")).contains("br");
        assertThat(brotli.body()).isEqualTo("BR-BYTES");
        assertThat(String.join(",", brotli.headers().allValues("Vary"))).contains("Accept-Encoding");

        // The service worker must be revalidated on every load, or a fixed version could take a day to arrive.
        var worker = http.get("/sw.js");
        assertThat(worker.headers().firstValue("Cache-Control")).contains("no-cache");
        assertThat(worker.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/javascript");
        var manifest = http.get("/manifest.webmanifest");
        assertThat(manifest.headers().firstValue("Content-Type")).contains("application/manifest+json");

        assertThat(http.get("/assets/missing-file.js").statusCode()).isEqualTo(404);
        assertThat(http.get("/..%2f..%2fetc/passwd").statusCode()).isEqualTo(404);
    }
}
