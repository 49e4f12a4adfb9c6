package dev.ccui.adapters.http.auth;

import static dev.ccui.adapters.http.security.Authentication.caller;
import static dev.ccui.adapters.http.security.Authentication.client;

import dev.ccui.adapters.http.RouteGroup;
import dev.ccui.adapters.http.json.Json;
import dev.ccui.adapters.http.metrics.HttpMetrics;
import dev.ccui.adapters.http.security.Access;
import dev.ccui.adapters.http.security.SessionCookie;
import dev.ccui.adapters.http.user.UserView;
import dev.ccui.application.auth.port.in.AuthUseCase;
import dev.ccui.application.auth.port.in.Credentials;
import dev.ccui.application.auth.port.in.LoginResult;
import dev.ccui.application.auth.port.in.Session;
import dev.ccui.domain.error.ForbiddenException;
import dev.ccui.domain.error.UnauthorizedException;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.Instant;
import java.util.Map;

/** {@code /api/auth/*}: first-run setup, sign in and out, the current user, password, WebSocket tickets. */
public final class AuthRoutes implements RouteGroup {
    private final AuthUseCase auth;
    private final SessionCookie cookie;
    private final HttpMetrics metrics;

    public AuthRoutes(AuthUseCase auth, SessionCookie cookie, HttpMetrics metrics) {
        this.auth = auth;
        this.cookie = cookie;
        this.metrics = metrics;
    }

    record SetupBody(String username, String password, String setupCode) {}

    record CredentialsBody(String username, String password) {}

    record PasswordBody(String currentPassword, String newPassword) {}

    record SessionView(String token, Instant expiresAt, UserView user) {}

    @Override
    public void register(RoutesConfig routes) {
        routes.get(
                "/api/auth/status",
                ctx -> ctx.json(
                        Map.of("setupRequired", auth.setupRequired(), "setupCodeRequired", auth.setupCodeRequired())),
                Access.ANYONE);
        routes.post("/api/auth/setup", this::setup, Access.ANYONE);
        routes.post("/api/auth/login", this::login, Access.ANYONE);
        routes.post("/api/auth/logout", this::logout, Access.USER);
        routes.get("/api/auth/me", ctx -> ctx.json(UserView.of(auth.currentUser(caller(ctx)))), Access.USER);
        routes.post("/api/auth/password", this::changePassword, Access.USER);
        routes.post(
                "/api/auth/ws-ticket", ctx -> ctx.json(Map.of("ticket", auth.issueTicket(caller(ctx)))), Access.USER);
    }

    private void setup(Context ctx) {
        SetupBody body = Json.body(ctx, SetupBody.class);
        Session session = auth.setup(new Credentials(body.username(), body.password(), client(ctx)), body.setupCode());
        signedIn(ctx.status(201), session);
    }

    private void login(Context ctx) {
        CredentialsBody body = Json.body(ctx, CredentialsBody.class);
        LoginResult result = auth.login(new Credentials(body.username(), body.password(), client(ctx)));
        switch (result) {
            case LoginResult.Authenticated authenticated -> signedIn(ctx, authenticated.session());
            case LoginResult.Rejected rejected -> {
                metrics.loginFailed();
                throw new UnauthorizedException("INVALID_CREDENTIALS", "wrong username or password");
            }
            case LoginResult.Disabled disabled -> {
                metrics.loginFailed();
                throw new ForbiddenException("ACCOUNT_DISABLED", "this account is disabled: ask an admin to enable it");
            }
        }
    }

    private void signedIn(Context ctx, Session session) {
        cookie.set(ctx, session.token());
        ctx.json(new SessionView(session.token(), session.expiresAt(), UserView.of(session.user())));
    }

    private void logout(Context ctx) {
        auth.logout(caller(ctx), client(ctx));
        cookie.clear(ctx);
        ctx.status(204);
    }

    private void changePassword(Context ctx) {
        PasswordBody body = Json.body(ctx, PasswordBody.class);
        auth.changePassword(caller(ctx), body.currentPassword(), body.newPassword(), client(ctx));
        ctx.status(204);
    }
}
