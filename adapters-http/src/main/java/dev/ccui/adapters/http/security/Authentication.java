package dev.ccui.adapters.http.security;

import dev.ccui.application.auth.port.in.AuthUseCase;
import dev.ccui.application.common.ClientInfo;
import dev.ccui.domain.apikey.ApiKeyScope;
import dev.ccui.domain.auth.AuthMethod;
import dev.ccui.domain.auth.Principal;
import dev.ccui.domain.error.ForbiddenException;
import dev.ccui.domain.error.UnauthorizedException;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.javalin.security.RouteRole;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import org.slf4j.MDC;

/**
 * Finds who is calling (Bearer token, then API key, then the session cookie) and enforces each
 * route's {@link Access}. Cookie-authenticated unsafe requests must carry the CSRF header: a
 * page on another site can make the browser send our cookie, but not a custom header.
 */
public final class Authentication {
    public static final String COOKIE = "ccui_session";
    public static final String CSRF_HEADER = "X-CCUI-CSRF";
    public static final String MDC_USER = "userId";
    private static final String PRINCIPAL = "ccui.principal";
    private static final String CLIENT = "ccui.client";
    private static final Set<HandlerType> SAFE = Set.of(HandlerType.GET, HandlerType.HEAD, HandlerType.OPTIONS);

    private final AuthUseCase authenticate;
    private final ClientAddresses addresses;
    private final Predicate<String> metricsToken;

    public Authentication(AuthUseCase authenticate, ClientAddresses addresses) {
        this(authenticate, addresses, token -> false);
    }

    /** @param metricsToken recognises the scrape token, a bearer that names no user (health details, metrics) */
    public Authentication(AuthUseCase authenticate, ClientAddresses addresses, Predicate<String> metricsToken) {
        this.authenticate = authenticate;
        this.addresses = addresses;
        this.metricsToken = metricsToken;
    }

    /** True when the request carries the metrics token as its bearer. */
    public boolean hasMetricsToken(Context ctx) {
        String authorization = ctx.header("Authorization");
        return authorization != null
                && authorization.regionMatches(true, 0, "Bearer ", 0, 7)
                && metricsToken.test(authorization.substring(7).strip());
    }

    /** Runs before every request: records the client address and the caller, if any. */
    public void identify(Context ctx) {
        String ip = addresses.resolve(ctx.req().getRemoteAddr(), ctx.header("X-Forwarded-For"));
        ctx.attribute(CLIENT, new ClientInfo(ip, ctx.userAgent()));
        if (!ctx.path().startsWith("/api/") && !ctx.path().startsWith("/ws")) {
            return;
        }
        resolve(ctx).ifPresent(principal -> {
            ctx.attribute(PRINCIPAL, principal);
            MDC.put(MDC_USER, principal.userId().toString());
        });
    }

    private Optional<Principal> resolve(Context ctx) {
        String authorization = ctx.header("Authorization");
        if (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            if (metricsToken.test(authorization.substring(7).strip())) {
                return Optional.empty();
            }
            return Optional.of(authenticate
                    .byToken(authorization.substring(7).strip())
                    .orElseThrow(() ->
                            new UnauthorizedException("INVALID_TOKEN", "the token is invalid, expired or revoked")));
        }
        String apiKey = ctx.header("X-API-Key");
        if (apiKey != null) {
            return Optional.of(authenticate
                    .byApiKey(apiKey.strip())
                    .orElseThrow(
                            () -> new UnauthorizedException("INVALID_API_KEY", "the API key is invalid or revoked")));
        }
        String cookie = ctx.cookie(COOKIE);
        if (cookie != null && !cookie.isBlank()) {
            // A stale cookie is not an error: the browser simply is not signed in any more.
            return authenticate.byToken(cookie).map(principal -> principal.via(AuthMethod.COOKIE));
        }
        return Optional.empty();
    }

    /** Runs before a matched route: applies its access rule and the CSRF rule. */
    public void authorize(Context ctx) {
        Set<RouteRole> roles = ctx.routeRoles();
        Optional<Principal> principal = principal(ctx);
        if (principal.isPresent() && principal.get().method() == AuthMethod.COOKIE && !SAFE.contains(ctx.method())) {
            String csrf = ctx.header(CSRF_HEADER);
            if (csrf == null || csrf.isBlank()) {
                throw new ForbiddenException(
                        "CSRF_REQUIRED", "requests signed in by cookie must send the " + CSRF_HEADER + " header");
            }
        }
        if (roles.isEmpty()) {
            // Refused rather than open: HttpServer does not start with such a route, this is the second lock.
            throw new ForbiddenException("ROUTE_WITHOUT_RULE", "this route has no access rule");
        }
        if (roles.contains(Access.ANYONE)) {
            return;
        }
        if (principal.isEmpty()) {
            throw new UnauthorizedException("sign in first");
        }
        if (roles.contains(Access.ADMIN)
                && principal.get().method() == AuthMethod.API_KEY
                && !principal.get().scopes().contains(ApiKeyScope.ADMIN)) {
            // A script's key leaking must not hand over the server: admin work needs a key made for it.
            throw new ForbiddenException("SCOPE_REQUIRED", "this API key does not have the admin scope");
        }
        if (roles.contains(Access.ADMIN) && !principal.get().isAdmin()) {
            throw new ForbiddenException("admins only");
        }
    }

    public static Optional<Principal> principal(Context ctx) {
        return Optional.ofNullable(ctx.attribute(PRINCIPAL));
    }

    /** The caller of a route that requires one (the access rule already checked it is there). */
    public static Principal caller(Context ctx) {
        return principal(ctx).orElseThrow(() -> new UnauthorizedException("sign in first"));
    }

    public static ClientInfo client(Context ctx) {
        ClientInfo client = ctx.attribute(CLIENT);
        return client == null ? new ClientInfo(ctx.ip(), ctx.userAgent()) : client;
    }
}
