package dev.ccui.application.testing;

import dev.ccui.application.apikey.ApiKeyService;
import dev.ccui.application.audit.AuditService;
import dev.ccui.application.audit.Auditor;
import dev.ccui.application.auth.AuthService;
import dev.ccui.application.auth.AuthSettings;
import dev.ccui.application.auth.SignInSessions;
import dev.ccui.application.auth.port.out.SessionsEndedListener;
import dev.ccui.application.auth.port.out.TokenIssuer;
import dev.ccui.application.ratelimit.port.out.RateLimiter;
import dev.ccui.application.user.UserAdminService;
import dev.ccui.application.user.port.out.PasswordHasher;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Function;

/** The auth, user, API-key and audit services wired over in-memory out-ports, for fast tests. */
public final class InMemoryAuthFixture {
    public final MutableClock clock;
    public final InMemoryUserRepository users = new InMemoryUserRepository();
    public final InMemoryApiKeyRepository apiKeys = new InMemoryApiKeyRepository();
    public final InMemoryAuthTokenRepository tokens = new InMemoryAuthTokenRepository();
    public final InMemoryAuditRepository audit = new InMemoryAuditRepository();
    public final InMemoryRunStore runs = new InMemoryRunStore();
    public final PasswordHasher hasher;
    public final TokenIssuer issuer;
    public final RateLimiter rateLimiter;
    public final Auditor auditor;
    public final AuthService auth;
    public final UserAdminService userAdmin;
    public final ApiKeyService apiKeyService;
    public final AuditService auditService;

    public InMemoryAuthFixture() {
        this(
                new MutableClock(Instant.parse("2026-01-01T00:00:00Z")),
                new FakePasswordHasher(),
                clock -> new FakeTokenIssuer(clock, Duration.ofDays(7)),
                new CountingRateLimiter(),
                AuthSettings.defaults());
    }

    public InMemoryAuthFixture(
            MutableClock clock,
            PasswordHasher hasher,
            Function<MutableClock, TokenIssuer> issuer,
            RateLimiter rateLimiter,
            AuthSettings settings) {
        this.clock = clock;
        this.hasher = hasher;
        this.issuer = issuer.apply(clock);
        this.rateLimiter = rateLimiter;
        this.auditor = new Auditor(audit, clock);
        this.auth = new AuthService(users, apiKeys, tokens, hasher, this.issuer, rateLimiter, auditor, clock, settings);
        this.userAdmin = new UserAdminService(
                users, hasher, auditor, clock, new SignInSessions(tokens, SessionsEndedListener.NONE));
        this.apiKeyService = new ApiKeyService(apiKeys, auditor, clock);
        this.auditService = new AuditService(audit, runs::findById);
    }

    public FakePasswordHasher fakeHasher() {
        return (FakePasswordHasher) hasher;
    }
}
