package dev.ccui.bootstrap.components;

import dev.ccui.adapters.http.HttpEdge;
import dev.ccui.adapters.http.HttpSettings;
import dev.ccui.adapters.http.RouteGroup;
import dev.ccui.adapters.http.apikey.ApiKeyRoutes;
import dev.ccui.adapters.http.auth.AuthRoutes;
import dev.ccui.adapters.http.user.UserRoutes;
import dev.ccui.adapters.persistence.credentials.BcryptPasswordHasher;
import dev.ccui.adapters.persistence.credentials.JwtTokenIssuer;
import dev.ccui.application.apikey.ApiKeyService;
import dev.ccui.application.audit.Auditor;
import dev.ccui.application.auth.AuthService;
import dev.ccui.application.auth.AuthSettings;
import dev.ccui.application.auth.ExpiredTokenPurge;
import dev.ccui.application.auth.RevocationAnnouncer;
import dev.ccui.application.auth.SignInSessions;
import dev.ccui.application.auth.port.out.SessionsEndedListener;
import dev.ccui.application.common.Secrets;
import dev.ccui.application.events.port.out.EventBus;
import dev.ccui.application.ratelimit.port.out.RateLimiter;
import dev.ccui.application.sandbox.port.out.ProcessSandbox;
import dev.ccui.application.user.UserAdminService;
import dev.ccui.bootstrap.config.AccountsConfig;
import dev.ccui.bootstrap.config.JwtSecretFile;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Users, sign-in and sessions, API keys: the services over the {@link AccountStore}, and their routes. */
public final class AccountsComponents {
    private static final Logger LOG = LoggerFactory.getLogger(AccountsComponents.class);

    private final AuthService auth;
    private final UserAdminService users;
    private final ApiKeyService apiKeys;
    private final ExpiredTokenPurge tokenPurge;

    private AccountsComponents(
            AuthService auth, UserAdminService users, ApiKeyService apiKeys, ExpiredTokenPurge tokenPurge) {
        this.auth = auth;
        this.users = users;
        this.apiKeys = apiKeys;
        this.tokenPurge = tokenPurge;
    }

    /**
     * @param dataDir       where the JWT secret is generated when none is configured
     * @param endedLocally this node's part of ending a session (its terminals); every node hears it through {@code events}
     * @param sandbox       checked before a second account is made (null: the admin command line, which starts no process)
     * @param setupCode     the first admin's one-time code, or null when none is needed
     */
    public static AccountsComponents build(
            AccountsConfig config,
            Path dataDir,
            AccountStore store,
            RateLimiter rateLimiter,
            Auditor auditor,
            EventBus events,
            Clock clock,
            SessionsEndedListener endedLocally,
            ProcessSandbox sandbox,
            String setupCode) {
        var hasher = new BcryptPasswordHasher(config.bcryptCost());
        String secret = config.jwtSecret().orElseGet(() -> JwtSecretFile.readOrCreate(dataDir));
        var issuer = new JwtTokenIssuer(secret, config.previousJwtSecrets(), config.jwtTtl(), clock);
        // Ended sessions end their terminals here and every open connection of them on every node.
        var sessionsEnded = new RevocationAnnouncer(endedLocally, events);
        store.principals().forgetOnRevocations(events);
        // Who a credential belongs to is asked on every request: remembered for a second in the principal cache.
        var auth = new AuthService(
                store.users(),
                store.apiKeys(),
                store.tokens(),
                hasher,
                issuer,
                rateLimiter,
                auditor,
                clock,
                new AuthSettings(config.loginPerUsername(), Duration.ofSeconds(30), setupCode),
                sessionsEnded,
                store.principals());
        return new AccountsComponents(
                auth,
                new UserAdminService(
                        store.users(),
                        hasher,
                        auditor,
                        clock,
                        new SignInSessions(store.tokens(), sessionsEnded),
                        sandbox),
                new ApiKeyService(store.apiKeys(), auditor, clock).announcingRevocationsTo(events),
                new ExpiredTokenPurge(store.tokens(), clock));
    }

    /**
     * The one-time code the first admin's set-up asks for when the server is reachable from other
     * machines (a non-loopback bind, or a proxy in front): otherwise whoever finds a fresh server
     * first would own it. Printed once in the log, as Jupyter and Grafana do; gone once an admin exists.
     */
    public static String firstAdminSetupCode(AccountsConfig config, HttpSettings http, boolean setupRequired) {
        if (!setupRequired) {
            return null;
        }
        if (config.setupCode().isPresent()) {
            // Preset by the operator (automated deployments): required wherever the server listens.
            return config.setupCode().get().strip();
        }
        boolean loopbackOnly = Set.of("127.0.0.1", "localhost", "::1", "[::1]").contains(http.host())
                && http.trustedProxies().isEmpty();
        if (loopbackOnly) {
            return null;
        }
        String code = Secrets.urlSafe(9);
        LOG.warn(
                "first-admin set-up code: {} (enter it on the set-up page; needed because this server is reachable "
                        + "beyond this machine)",
                code);
        return code;
    }

    public AuthService auth() {
        return auth;
    }

    public UserAdminService users() {
        return users;
    }

    public ApiKeyService apiKeys() {
        return apiKeys;
    }

    /** The job that forgets expired session tokens; the application schedules it. */
    public Runnable tokenPurge() {
        return tokenPurge;
    }

    public List<RouteGroup> routes(HttpEdge edge) {
        return List.of(
                new AuthRoutes(auth, edge.sessionCookie(), edge.metrics()),
                new UserRoutes(users),
                new ApiKeyRoutes(apiKeys));
    }
}
