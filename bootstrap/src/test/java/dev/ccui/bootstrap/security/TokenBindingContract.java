package dev.ccui.bootstrap.security;

import static dev.ccui.bootstrap.testing.ApiClient.json;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ccui.bootstrap.testing.ApiClient;
import dev.ccui.bootstrap.testing.TestApplication;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 11, case 1 (second half) replayed over HTTP: with the signing secret, a member signs
 * {@code {sub: <admin id>, jti: <her own jti>}}. The jti row is active, but it is hers, not the
 * admin's: {@code 401} and an {@code auth.token_forged} audit entry. WebSocket tickets die with
 * the session that asked for them.
 */
abstract class TokenBindingContract {
    @TempDir
    Path folder;

    private TestApplication app;
    private ApiClient admin;
    private ApiClient mia;
    private String miaToken;

    protected abstract TestApplication open(Path folder);

    @BeforeEach
    void start() {
        app = open(folder);
        String base = app.startHttp();
        admin = ApiClient.setUpAdmin(base);
        admin.createMember("mia");
        miaToken = ApiClient.json(new ApiClient(base, null)
                        .post("/api/auth/login", "{\"username\":\"mia\",\"password\":\"mia password 1\"}"))
                .get("token")
                .asText();
        mia = admin.as(miaToken);
    }

    @AfterEach
    void stop() {
        app.close();
    }

    @Test
    void aTokenNamingTheAdminWithTheMembersJtiIsRefusedAndAudited() {
        String secret = Tokens.secretOf(folder.resolve("data"));
        String forged = Tokens.signed(
                secret, admin.userId(), Tokens.jtiOf(miaToken), Instant.now().plus(Duration.ofHours(1)));
        // Before issue 11: 200 with the user list, and every admin route open.
        var response = admin.as(forged).get("/api/users");
        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(json(response).at("/error/code").asText()).isEqualTo("INVALID_TOKEN");
        assertThat(mia.get("/api/auth/me").statusCode())
                .as("her own token still works")
                .isEqualTo(200);

        var audit = json(admin.get("/api/audit?action=auth.token_forged")).get("items");
        assertThat(audit).hasSize(1);
        assertThat(audit.get(0).get("target").asText()).isEqualTo(admin.userId());
    }

    @Test
    void unsignedExpiredAndUnknownTokensAreRefused() {
        String secret = Tokens.secretOf(folder.resolve("data"));
        assertThat(admin.as(Tokens.algNone(miaToken)).get("/api/auth/me").statusCode())
                .isEqualTo(401);
        String expired = Tokens.signed(
                secret, mia.userId(), Tokens.jtiOf(miaToken), Instant.now().minusSeconds(5));
        assertThat(admin.as(expired).get("/api/auth/me").statusCode()).isEqualTo(401);
        String unknownJti =
                Tokens.signed(secret, mia.userId(), "not-issued", Instant.now().plusSeconds(600));
        assertThat(admin.as(unknownJti).get("/api/auth/me").statusCode()).isEqualTo(401);
    }

    @Test
    void aWebSocketTicketDiesWithTheSessionThatAskedForIt() {
        String unused =
                json(mia.post("/api/auth/ws-ticket", null)).get("ticket").asText();
        String used = json(mia.post("/api/auth/ws-ticket", null)).get("ticket").asText();
        assertThat(Tokens.upgrade(mia, "/ws?ticket=" + used)).isEqualTo(101);
        assertThat(Tokens.upgrade(mia, "/ws?ticket=" + used)).as("single use").isEqualTo(401);

        assertThat(mia.post("/api/auth/logout", null).statusCode()).isEqualTo(204);
        // Before issue 11: 101, a socket opened for a signed-out session.
        assertThat(Tokens.upgrade(mia, "/ws?ticket=" + unused)).isEqualTo(401);
    }
}
