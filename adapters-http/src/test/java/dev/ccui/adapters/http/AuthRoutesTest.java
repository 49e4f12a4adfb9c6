package dev.ccui.adapters.http;

import static dev.ccui.adapters.http.TestHttp.json;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class AuthRoutesTest {
    private TestHttp http;

    @BeforeEach
    void start() {
        http = new TestHttp();
    }

    @AfterEach
    void stop() {
        http.close();
    }

    private static String cookieOf(HttpResponse<String> response) {
        String header = response.headers().allValues("Set-Cookie").stream()
                .filter(c -> c.startsWith("ccui_session="))
                .findFirst()
                .orElseThrow();
        return header.substring(0, header.indexOf(';'));
    }

    @Test
    void setupOnceThenLoginMeAndLogout() {
        assertThat(json(http.get("/api/auth/status")).get("setupRequired").asBoolean())
                .isTrue();
        var weak = http.post("/api/auth/setup", "{\"username\":\"Admin\",\"password\":\"password12345\"}");
        assertThat(weak.statusCode()).isEqualTo(400);
        assertThat(json(weak).get("error").get("field").asText()).isEqualTo("password");
        assertThat(json(weak).get("error").get("message").asText()).contains("too common");
        var setup = http.post("/api/auth/setup", "{\"username\":\"Admin\",\"password\":\"admin password 1\"}");
        assertThat(setup.statusCode()).isEqualTo(201);
        assertThat(json(setup).get("user").get("role").asText()).isEqualTo("admin");
        assertThat(json(setup).get("user").has("passwordHash")).isFalse();
        String setCookie = setup.headers().firstValue("Set-Cookie").orElseThrow();
        assertThat(setCookie).contains("HttpOnly", "SameSite=Strict", "Path=/").doesNotContain("Secure");

        assertThat(http.post("/api/auth/setup", "{\"username\":\"other\",\"password\":\"other password 1\"}")
                        .statusCode())
                .isEqualTo(409);
        assertThat(json(http.get("/api/auth/status")).get("setupRequired").asBoolean())
                .isFalse();

        var login = http.post("/api/auth/login", "{\"username\":\"admin\",\"password\":\"admin password 1\"}");
        assertThat(login.statusCode()).isEqualTo(200);
        String token = json(login).get("token").asText();
        assertThat(json(login).get("expiresAt").asText()).endsWith("Z");

        var me = http.get("/api/auth/me", "Authorization", "Bearer " + token);
        assertThat(me.statusCode()).isEqualTo(200);
        assertThat(json(me).get("username").asText()).isEqualTo("admin");

        assertThat(http.post("/api/auth/logout", "", "Authorization", "Bearer " + token)
                        .statusCode())
                .isEqualTo(204);
        assertThat(http.get("/api/auth/me", "Authorization", "Bearer " + token).statusCode())
                .isEqualTo(401);
    }

    @Test
    void wrongPasswordAndUnknownUserGetTheSame401() {
        http.setUpAdmin();
        var wrong = http.post("/api/auth/login", "{\"username\":\"admin\",\"password\":\"not the password\"}");
        var unknown = http.post("/api/auth/login", "{\"username\":\"ghost\",\"password\":\"not the password\"}");
        assertThat(wrong.statusCode()).isEqualTo(401);
        assertThat(unknown.statusCode()).isEqualTo(401);
        assertThat(json(wrong).get("error").get("message"))
                .isEqualTo(json(unknown).get("error").get("message"));
        assertThat(wrong.headers().firstValue("Set-Cookie")).isEmpty();
    }

    /** Which tokens are forgeries is the issuer's to say (JwtForgeryTest); here, how any of them is answered. */
    @Test
    void aTokenTheIssuerDoesNotVouchForIsRefused() {
        String real = http.setUpAdmin();
        for (String forged : new String[] {"garbage", real + "x", "eyJhbGciOiJub25lIn0.e30."}) {
            var response = http.get("/api/auth/me", "Authorization", "Bearer " + forged);
            assertThat(response.statusCode()).as(forged).isEqualTo(401);
            assertThat(json(response).get("error").get("code").asText()).isEqualTo("INVALID_TOKEN");
        }
    }

    @Test
    void cookieSessionsNeedTheCsrfHeaderForUnsafeMethods() {
        var setup = http.post("/api/auth/setup", "{\"username\":\"admin\",\"password\":\"admin password 1\"}");
        String cookie = cookieOf(setup);
        assertThat(http.get("/api/auth/me", "Cookie", cookie).statusCode()).isEqualTo(200);

        var withoutCsrf = http.post("/api/api-keys", "{\"name\":\"k\"}", "Cookie", cookie);
        assertThat(withoutCsrf.statusCode()).isEqualTo(403);
        assertThat(json(withoutCsrf).get("error").get("code").asText()).isEqualTo("CSRF_REQUIRED");

        var withCsrf = http.post("/api/api-keys", "{\"name\":\"k\"}", "Cookie", cookie, "X-CCUI-CSRF", "1");
        assertThat(withCsrf.statusCode()).isEqualTo(201);

        var logout = http.post("/api/auth/logout", "", "Cookie", cookie, "X-CCUI-CSRF", "1");
        assertThat(logout.statusCode()).isEqualTo(204);
        assertThat(logout.headers().firstValue("Set-Cookie").orElseThrow()).contains("Max-Age=0");
        assertThat(http.get("/api/auth/me", "Cookie", cookie).statusCode()).isEqualTo(401);
    }

    @Test
    void changingThePasswordKeepsThisSessionAndEndsTheOthers() {
        String first = http.setUpAdmin();
        String second = json(http.post("/api/auth/login", "{\"username\":\"admin\",\"password\":\"admin password 1\"}"))
                .get("token")
                .asText();
        var changed = http.post(
                "/api/auth/password",
                "{\"currentPassword\":\"admin password 1\",\"newPassword\":\"a new admin password\"}",
                "Authorization",
                "Bearer " + first);
        assertThat(changed.statusCode()).isEqualTo(204);
        assertThat(http.get("/api/auth/me", "Authorization", "Bearer " + first).statusCode())
                .isEqualTo(200);
        assertThat(http.get("/api/auth/me", "Authorization", "Bearer " + second).statusCode())
                .isEqualTo(401);

        var tooShort = http.post(
                "/api/auth/password",
                "{\"currentPassword\":\"a new admin password\",\"newPassword\":\"short\"}",
                "Authorization",
                "Bearer " + first);
        assertThat(tooShort.statusCode()).isEqualTo(400);
        assertThat(json(tooShort).get("error").get("field").asText()).isEqualTo("newPassword");
    }

    @Test
    void apiKeysWorkUntilRevokedAndTheirSecretIsShownOnce() {
        String admin = http.setUpAdmin();
        var created = http.post("/api/api-keys", "{\"name\":\"ci\"}", "Authorization", "Bearer " + admin);
        assertThat(created.statusCode()).isEqualTo(201);
        String secret = json(created).get("secret").asText();
        String id = json(created).get("id").asText();
        assertThat(secret).startsWith("ccui_");

        var listed = http.get("/api/api-keys", "Authorization", "Bearer " + admin);
        assertThat(listed.body())
                .doesNotContain(secret)
                .contains(json(created).get("prefix").asText());

        var viaKey = http.get("/api/auth/me", "X-API-Key", secret);
        assertThat(viaKey.statusCode()).isEqualTo(200);
        assertThat(json(http.get("/api/api-keys", "Authorization", "Bearer " + admin))
                        .get(0)
                        .get("lastUsedAt")
                        .isNull())
                .isFalse();

        assertThat(http.send(http.request("/api/api-keys/" + id).DELETE().header("Authorization", "Bearer " + admin))
                        .statusCode())
                .isEqualTo(204);
        assertThat(http.get("/api/auth/me", "X-API-Key", secret).statusCode()).isEqualTo(401);
        assertThat(http.get("/api/auth/me", "X-API-Key", "ccui_nonsense").statusCode())
                .isEqualTo(401);
    }

    @Test
    void membersCannotReachAdminRoutesAndAnonymousCallersMustSignIn() {
        String admin = http.setUpAdmin();
        String member = http.createMember(admin, "bob");
        assertThat(http.get("/api/users", "Authorization", "Bearer " + member).statusCode())
                .isEqualTo(403);
        assertThat(http.get("/api/audit", "Authorization", "Bearer " + member).statusCode())
                .isEqualTo(403);
        assertThat(http.get("/api/users").statusCode()).isEqualTo(401);
        assertThat(http.get("/api/auth/me").statusCode()).isEqualTo(401);
        assertThat(http.get("/api/users", "Authorization", "Bearer " + admin).statusCode())
                .isEqualTo(200);
    }

    @Test
    void adminsManageUsersAndDisablingCutsOffTheUser() {
        String admin = http.setUpAdmin();
        String member = http.createMember(admin, "carol");
        String carolId = json(http.get("/api/auth/me", "Authorization", "Bearer " + member))
                .get("id")
                .asText();

        var disabled = http.send(http.request("/api/users/" + carolId)
                .method("PATCH", HttpRequest.BodyPublishers.ofString("{\"disabled\":true}"))
                .header("Authorization", "Bearer " + admin)
                .header("Content-Type", "application/json"));
        assertThat(disabled.statusCode()).isEqualTo(200);
        assertThat(json(disabled).get("disabled").asBoolean()).isTrue();
        assertThat(http.get("/api/auth/me", "Authorization", "Bearer " + member).statusCode())
                .isEqualTo(401);
        var carolSignsIn = http.post("/api/auth/login", "{\"username\":\"carol\",\"password\":\"carol password 1\"}");
        assertThat(carolSignsIn.statusCode()).isEqualTo(403);
        assertThat(json(carolSignsIn).get("error").get("code").asText()).isEqualTo("ACCOUNT_DISABLED");
        assertThat(json(carolSignsIn).get("error").get("message").asText()).contains("disabled");
        var wrongPassword = http.post("/api/auth/login", "{\"username\":\"carol\",\"password\":\"not her password\"}");
        assertThat(wrongPassword.statusCode()).isEqualTo(401);
        assertThat(json(wrongPassword).get("error").get("code").asText()).isEqualTo("INVALID_CREDENTIALS");

        var badRole = http.post(
                "/api/users",
                "{\"username\":\"dan\",\"password\":\"dan password 1\",\"role\":\"root\"}",
                "Authorization",
                "Bearer " + admin);
        assertThat(badRole.statusCode()).isEqualTo(400);
        assertThat(json(badRole).get("error").get("field").asText()).isEqualTo("role");

        var audit = json(http.get("/api/audit?limit=100", "Authorization", "Bearer " + admin));
        assertThat(audit.get("items").findValuesAsText("action"))
                .contains("auth.setup", "user.created", "user.updated", "auth.login");
        assertThat(http.get("/api/audit?limit=abc", "Authorization", "Bearer " + admin)
                        .statusCode())
                .isEqualTo(400);
        assertThat(http.get("/api/users/not-a-uuid", "Authorization", "Bearer " + admin)
                        .statusCode())
                .isEqualTo(404);
    }

    @Test
    void wsTicketsAreIssuedToSignedInUsers() {
        String admin = http.setUpAdmin();
        var ticket = http.post("/api/auth/ws-ticket", "", "Authorization", "Bearer " + admin);
        assertThat(ticket.statusCode()).isEqualTo(200);
        assertThat(json(ticket).get("ticket").asText()).hasSizeGreaterThan(30);
    }
}
