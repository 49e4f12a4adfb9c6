package dev.ccui.bootstrap.ops;

import static dev.ccui.bootstrap.ops.OpsTools.figure;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ccui.bootstrap.testing.ApiClient;
import dev.ccui.bootstrap.testing.TestApplication;
import dev.ccui.bootstrap.testing.WsFrames;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The project's nginx config (ops/nginx, rendered by render.sh) run by Debian's nginx, unprivileged
 * on free loopback ports with a certificate made now, in front of the real app. {@code .ci/run}
 * installs nginx and openssl.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class NginxIT {
    private static final String HSTS = "max-age=63072000; includeSubDomains; preload";

    private Path folder;
    private TestApplication app;
    private String direct;
    private int httpPort;
    private int httpsPort;
    private NginxFront nginx;
    private HttpClient tls;
    private HttpClient plain;
    private ApiClient admin;
    private String adminToken;

    @BeforeAll
    void start() throws Exception {
        assertThat(OpsTools.onPath("nginx"))
                .as("nginx is installed (.ci/run: apt-get install nginx-light)")
                .isTrue();
        assertThat(OpsTools.onPath("openssl")).as("openssl is installed").isTrue();
        folder = Files.createTempDirectory("ccui-nginx-it");
        // Behind a proxy the first admin's set-up needs the set-up code (preset here, else printed in the log).
        app = TestApplication.sqlite(
                folder.resolve("app"),
                Map.of("CCUI_TRUSTED_PROXIES", "127.0.0.1", "CCUI_SETUP_CODE", "nginx-it-setup-code"));
        direct = app.startHttp();
        var setup = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(direct + "/api/auth/setup"))
                                .header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString(
                                        "{\"username\":\"admin\",\"password\":\"admin password 1\","
                                                + "\"setupCode\":\"nginx-it-setup-code\"}"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(setup.statusCode()).as(setup.body()).isEqualTo(201);
        adminToken = ApiClient.json(setup).get("token").asText();
        admin = new ApiClient(direct, adminToken);

        nginx = NginxFront.start(folder.resolve("nginx"), List.of(direct.replace("http://", "")));
        httpPort = nginx.httpPort();
        httpsPort = nginx.httpsPort();

        tls = HttpClient.newBuilder()
                .sslContext(OpsTools.trustAll("TLS"))
                .connectTimeout(Duration.ofSeconds(5))
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        plain = HttpClient.newBuilder()
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
    }

    @AfterAll
    void stop() throws Exception {
        if (nginx != null) {
            nginx.close();
        }
        if (app != null) {
            app.close();
        }
        if (folder != null) {
            OpsTools.run(List.of("rm", "-rf", folder.toString()), 30);
        }
    }

    private String https(String path) {
        return "https://127.0.0.1:" + httpsPort + path;
    }

    private HttpResponse<String> get(HttpClient client, String url, String... headers) throws Exception {
        var request = HttpRequest.newBuilder(URI.create(url))
                .timeout(Duration.ofSeconds(10))
                .GET();
        if (headers.length > 0) {
            request.headers(headers);
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> login(String username, String... headers) throws Exception {
        var request = HttpRequest.newBuilder(URI.create(https("/api/auth/login")))
                .timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(
                        "{\"username\":\"" + username + "\",\"password\":\"wrong password 1\"}"));
        if (headers.length > 0) {
            request.headers(headers);
        }
        return tls.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    @Order(1)
    void plainHttpRedirectsToHttps() throws Exception {
        var response = get(plain, "http://127.0.0.1:" + httpPort + "/api/health?x=1");
        figure("GET http://127.0.0.1:" + httpPort + "/api/health?x=1 -> " + response.statusCode() + " Location: "
                + response.headers().firstValue("Location").orElse("-"));
        assertThat(response.statusCode()).isEqualTo(301);
        assertThat(response.headers().firstValue("Location")).hasValue(https("/api/health?x=1"));
    }

    @Test
    @Order(2)
    void tls11IsRefusedTls12And13Accepted() throws Exception {
        String target = "127.0.0.1:" + httpsPort;
        // SECLEVEL=0 lets OpenSSL 3 *offer* TLS 1.1, so a refusal is nginx's, not the client's.
        var v11 = OpsTools.run(
                List.of("openssl", "s_client", "-connect", target, "-tls1_1", "-cipher", "DEFAULT@SECLEVEL=0"), 30);
        var v12 = OpsTools.run(
                List.of("openssl", "s_client", "-connect", target, "-tls1_2", "-servername", "localhost"), 30);
        var v13 = OpsTools.run(
                List.of("openssl", "s_client", "-connect", target, "-tls1_3", "-servername", "localhost"), 30);
        figure("openssl s_client -tls1_1: exit " + v11.exit() + ", "
                + firstLine(v11.output(), "alert", "error", "Cipher is"));
        figure("openssl s_client -tls1_2: exit " + v12.exit() + ", " + firstLine(v12.output(), "Cipher is"));
        figure("openssl s_client -tls1_3: exit " + v13.exit() + ", " + firstLine(v13.output(), "Cipher is"));
        assertThat(v11.exit()).isNotZero();
        assertThat(v11.output())
                .doesNotContain("New, TLSv1.1")
                .containsAnyOf(
                        "alert protocol version",
                        "no protocols available",
                        "unsupported protocol",
                        "wrong version number");
        assertThat(v12.exit()).isZero();
        assertThat(v12.output()).contains("New, TLSv1.2, Cipher is ECDHE-RSA-AES");
        assertThat(v13.exit()).isZero();
        assertThat(v13.output()).contains("New, TLSv1.3, Cipher is TLS_");

        // The JDK's client agrees: TLS 1.2 pinned works.
        var pinned =
                HttpClient.newBuilder().sslContext(OpsTools.trustAll("TLSv1.2")).build();
        var response = get(pinned, https("/api/health"));
        figure("JDK client pinned to TLSv1.2: GET /api/health -> " + response.statusCode());
        assertThat(response.statusCode()).isEqualTo(200);
    }

    private static String firstLine(String output, String... needles) {
        for (String line : output.split("\n")) {
            for (String needle : needles) {
                if (line.contains(needle)) {
                    return line.strip();
                }
            }
        }
        return "(no line with " + String.join("/", needles) + ")";
    }

    @Test
    @Order(3)
    void hstsAndTheAppsSecurityHeadersComeThrough() throws Exception {
        var response = get(tls, https("/api/health"), "X-Request-Id", "nginx-it-request-0001");
        for (String name : List.of(
                "strict-transport-security",
                "x-content-type-options",
                "x-frame-options",
                "referrer-policy",
                "content-security-policy",
                "x-request-id")) {
            figure("GET /api/health via nginx (" + response.version() + ") " + response.statusCode() + " " + name + ": "
                    + response.headers().allValues(name));
        }
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().allValues("strict-transport-security")).containsExactly(HSTS);
        assertThat(response.headers().firstValue("x-content-type-options")).hasValue("nosniff");
        assertThat(response.headers().firstValue("x-frame-options")).hasValue("DENY");
        assertThat(response.headers().firstValue("referrer-policy")).hasValue("no-referrer");
        assertThat(response.headers().firstValue("content-security-policy")).isPresent();
        assertThat(response.headers().firstValue("x-request-id")).hasValue("nginx-it-request-0001");
        assertThat(response.headers().firstValue("server")).hasValue("nginx"); // server_tokens off: no version
        assertThat(get(tls, https("/metrics")).statusCode()).isEqualTo(404); // never exposed through the proxy
    }

    @Test
    @Order(4)
    void jsonAndJavascriptAreGzipped() throws Exception {
        var request = HttpRequest.newBuilder(URI.create(https("/api/openapi.json")))
                .header("Accept-Encoding", "gzip")
                .build();
        var response = tls.send(request, HttpResponse.BodyHandlers.ofByteArray());
        String body = new String(
                new GZIPInputStream(new ByteArrayInputStream(response.body())).readAllBytes(), StandardCharsets.UTF_8);
        figure("GET /api/openapi.json via nginx: " + response.statusCode() + " content-encoding: "
                + response.headers().firstValue("content-encoding").orElse("-") + ", " + response.body().length
                + " bytes on the wire for " + body.length() + " bytes of JSON; vary: "
                + response.headers().allValues("vary"));
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("content-encoding")).hasValue("gzip");
        // nginx's gzip, not the app's: only nginx adds this Vary (the proxy asks the app for identity).
        assertThat(String.join(",", response.headers().allValues("vary"))).contains("Accept-Encoding");
        assertThat(body).startsWith("{");
        assertThat(response.body().length).isLessThan(body.length() / 2);

        // A script of the built UI, when the web module was built (the UI is optional in dev builds).
        var index = get(tls, https("/"));
        var script = Pattern.compile("src=\"(/assets/[^\"]+\\.js)\"").matcher(index.body());
        if (script.find()) {
            var js = tls.send(
                    HttpRequest.newBuilder(URI.create(https(script.group(1))))
                            .header("Accept-Encoding", "gzip")
                            .build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            figure("GET " + script.group(1) + " via nginx: " + js.statusCode() + " content-encoding: "
                    + js.headers().firstValue("content-encoding").orElse("-") + ", cache-control: "
                    + js.headers().firstValue("cache-control").orElse("-"));
            assertThat(js.headers().firstValue("content-encoding")).hasValue("gzip");
            assertThat(js.headers().firstValue("cache-control")).hasValue("public, max-age=31536000, immutable");
        } else {
            figure("no built UI script in / (web module skipped): JS gzip not checked");
        }
    }

    @Test
    @Order(5)
    void webSocketUpgradesAndStreamsThroughTheProxy() throws Exception {
        var ticketResponse = tlsPost("/api/auth/ws-ticket", "", adminToken);
        assertThat(ticketResponse.statusCode()).as(ticketResponse.body()).isIn(200, 201);
        String ticket = ApiClient.json(ticketResponse).get("ticket").asText();
        try (WsFrames frames =
                WsFrames.connect(tls, URI.create("wss://127.0.0.1:" + httpsPort + "/ws?ticket=" + ticket))) {
            List<String> seen = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                frames.send("{\"type\":\"ping\"}");
                seen.add(frames.await("pong", 10_000));
            }
            figure("wss://127.0.0.1:" + httpsPort + "/ws via nginx: upgraded; 3 x ping -> pong; frames seen: " + seen);
        }
    }

    private HttpResponse<String> tlsPost(String path, String body, String token) throws Exception {
        var request = HttpRequest.newBuilder(URI.create(https(path)))
                .timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + token)
                .POST(HttpRequest.BodyPublishers.ofString(body));
        return tls.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    @Order(6)
    void theClientAddressReachesTheAppAndCannotBeForged() throws Exception {
        // Through nginx, with a forged X-Forwarded-For: nginx overwrites it with the real peer.
        var failed = login("nobody-via-proxy", "X-Forwarded-For", "203.0.113.99");
        assertThat(failed.statusCode()).isEqualTo(401);
        // Straight to the app from the trusted proxy address: the app takes the forwarded address.
        var direct = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(this.direct + "/api/auth/login"))
                                .header("Content-Type", "application/json")
                                .header("X-Forwarded-For", "198.51.100.4")
                                .POST(HttpRequest.BodyPublishers.ofString(
                                        "{\"username\":\"nobody-direct\",\"password\":\"wrong password 1\"}"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(direct.statusCode()).isEqualTo(401);

        JsonNode items = ApiClient.json(admin.get("/api/audit?limit=20")).get("items");
        Map<String, String> ipByUser = new HashMap<>();
        for (JsonNode item : items) {
            if ("auth.login_failed".equals(item.get("action").asText())) {
                ipByUser.putIfAbsent(item.get("target").asText(), item.get("ip").asText());
            }
        }
        figure("audit auth.login_failed via nginx (client sent X-Forwarded-For: 203.0.113.99): ip "
                + ipByUser.get("nobody-via-proxy"));
        figure("audit auth.login_failed direct from the trusted proxy with X-Forwarded-For 198.51.100.4: ip "
                + ipByUser.get("nobody-direct"));
        assertThat(ipByUser)
                .containsEntry("nobody-via-proxy", "127.0.0.1")
                .containsEntry("nobody-direct", "198.51.100.4");
    }

    @Test
    @Order(7)
    void theProxyRateLimitAnswers429OnRepeatedLogins() throws Exception {
        List<Integer> statuses = new ArrayList<>();
        String limitedBody = null;
        for (int i = 0; i < 20; i++) {
            var response = login("flood");
            statuses.add(response.statusCode());
            if (response.statusCode() == 429 && limitedBody == null) {
                limitedBody = response.body();
            }
        }
        figure("20 x POST /api/auth/login via nginx (zone ccui_auth 10r/m burst 5): " + statuses);
        assertThat(statuses).contains(401).contains(429);
        assertThat(statuses.subList(statuses.size() - 5, statuses.size())).containsOnly(429);
        assertThat(limitedBody).contains("429 Too Many Requests").contains("nginx"); // nginx's page, not the app's JSON
        // The app's router takes "/api/auth/login/" for the login route: so does the proxy's limit.
        var slashed = tls.send(
                HttpRequest.newBuilder(URI.create(https("/api/auth/login/")))
                        .timeout(Duration.ofSeconds(10))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(
                                "{\"username\":\"flood\",\"password\":\"wrong password 1\"}"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(slashed.statusCode()).isEqualTo(429);
        assertThat(get(tls, https("/metrics/")).statusCode()).isEqualTo(404);
        // Other API routes have their own, looser zone.
        assertThat(get(tls, https("/api/health")).statusCode()).isEqualTo(200);
    }
}
