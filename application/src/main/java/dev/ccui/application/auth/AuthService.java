package dev.ccui.application.auth;

import dev.ccui.application.apikey.ApiKeySecrets;
import dev.ccui.application.apikey.port.out.ApiKeyRepository;
import dev.ccui.application.audit.Auditor;
import dev.ccui.application.auth.cache.CachedAuthentication;
import dev.ccui.application.auth.cache.CredentialCheck;
import dev.ccui.application.auth.cache.PrincipalCache;
import dev.ccui.application.auth.port.in.AuthUseCase;
import dev.ccui.application.auth.port.in.Credentials;
import dev.ccui.application.auth.port.in.LoginResult;
import dev.ccui.application.auth.port.in.Session;
import dev.ccui.application.auth.port.out.AuthTokenRepository;
import dev.ccui.application.auth.port.out.SessionsEndedListener;
import dev.ccui.application.auth.port.out.TokenIssuer;
import dev.ccui.application.common.ClientInfo;
import dev.ccui.application.common.Secrets;
import dev.ccui.application.ratelimit.port.out.RateLimiter;
import dev.ccui.application.user.port.out.PasswordHasher;
import dev.ccui.application.user.port.out.UserRepository;
import dev.ccui.domain.apikey.ApiKey;
import dev.ccui.domain.apikey.ApiKeyScope;
import dev.ccui.domain.audit.AuditAction;
import dev.ccui.domain.auth.AuthMethod;
import dev.ccui.domain.auth.Principal;
import dev.ccui.domain.auth.TokenClaims;
import dev.ccui.domain.error.ConflictException;
import dev.ccui.domain.error.ForbiddenException;
import dev.ccui.domain.error.InvalidException;
import dev.ccui.domain.error.TooManyRequestsException;
import dev.ccui.domain.error.UnauthorizedException;
import dev.ccui.domain.user.PasswordPolicy;
import dev.ccui.domain.user.Role;
import dev.ccui.domain.user.User;
import dev.ccui.domain.user.UserId;
import dev.ccui.domain.user.Username;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Sign-in, sessions and the credentials of requests. Every failed login takes the same path
 * (a password verification against a real or a decoy hash) and gives the same answer, so
 * neither timing nor wording tells whether a username exists; only the right password of a
 * disabled account learns that it is disabled.
 */
public final class AuthService implements AuthUseCase {

    /** API keys are used often and are high-entropy: refresh lastUsedAt at most this often. */
    private static final Duration LAST_USED_RESOLUTION = Duration.ofMinutes(1);

    private final UserRepository users;
    private final ApiKeyRepository apiKeys;
    private final AuthTokenRepository tokens;
    private final PasswordHasher hasher;
    private final TokenIssuer issuer;
    private final RateLimiter rateLimiter;
    private final Auditor auditor;
    private final Clock clock;
    private final AuthSettings settings;
    private final SessionsEndedListener sessionsEnded;
    /** The credential checks below, or the same in front of a cache of their answers. */
    private final CredentialCheck authentication;

    private final Map<String, Ticket> tickets = new ConcurrentHashMap<>();
    private final Object setupLock = new Object();

    public AuthService(
            UserRepository users,
            ApiKeyRepository apiKeys,
            AuthTokenRepository tokens,
            PasswordHasher hasher,
            TokenIssuer issuer,
            RateLimiter rateLimiter,
            Auditor auditor,
            Clock clock,
            AuthSettings settings) {
        this(users, apiKeys, tokens, hasher, issuer, rateLimiter, auditor, clock, settings, SessionsEndedListener.NONE);
    }

    public AuthService(
            UserRepository users,
            ApiKeyRepository apiKeys,
            AuthTokenRepository tokens,
            PasswordHasher hasher,
            TokenIssuer issuer,
            RateLimiter rateLimiter,
            Auditor auditor,
            Clock clock,
            AuthSettings settings,
            SessionsEndedListener sessionsEnded) {
        this(users, apiKeys, tokens, hasher, issuer, rateLimiter, auditor, clock, settings, sessionsEnded, null);
    }

    /** With {@code principals} (not null), a credential's check is remembered there until it is revoked or expires. */
    public AuthService(
            UserRepository users,
            ApiKeyRepository apiKeys,
            AuthTokenRepository tokens,
            PasswordHasher hasher,
            TokenIssuer issuer,
            RateLimiter rateLimiter,
            Auditor auditor,
            Clock clock,
            AuthSettings settings,
            SessionsEndedListener sessionsEnded,
            PrincipalCache principals) {
        CredentialCheck direct = new CredentialCheck() {
            @Override
            public Optional<Principal> byToken(String token) {
                return checkToken(token);
            }

            @Override
            public Optional<Principal> byApiKey(String apiKey) {
                return checkApiKey(apiKey);
            }
        };
        this.authentication = principals == null ? direct : new CachedAuthentication(direct, principals);
        this.sessionsEnded = sessionsEnded;
        this.users = users;
        this.apiKeys = apiKeys;
        this.tokens = tokens;
        this.hasher = hasher;
        this.issuer = issuer;
        this.rateLimiter = rateLimiter;
        this.auditor = auditor;
        this.clock = clock;
        this.settings = settings;
    }

    @Override
    public boolean setupRequired() {
        return users.count() == 0;
    }

    @Override
    public boolean setupCodeRequired() {
        return settings.setupCode() != null && setupRequired();
    }

    @Override
    public Session setup(Credentials credentials) {
        return setup(credentials, null);
    }

    @Override
    public Session setup(Credentials credentials, String setupCode) {
        if (settings.setupCode() != null
                && (setupCode == null || !Secrets.constantTimeEquals(settings.setupCode(), setupCode.strip()))) {
            auditor.record(
                    AuditAction.SETUP,
                    null,
                    credentials.username(),
                    credentials.username(),
                    credentials.client(),
                    false,
                    "wrong or missing set-up code");
            throw new ForbiddenException(
                    "SETUP_CODE_REQUIRED", "enter the set-up code printed in the server's log when it started");
        }
        Username username = new Username(credentials.username());
        PasswordPolicy.check("password", credentials.password());
        synchronized (setupLock) {
            if (!setupRequired()) {
                throw new ConflictException("SETUP_DONE", "setup is already done: sign in instead");
            }
            Instant now = clock.instant();
            User admin = new User(
                    UserId.random(), username, Role.ADMIN, false, hasher.hash(credentials.password()), now, now, now);
            if (!users.insertFirst(admin)) {
                throw new ConflictException("SETUP_DONE", "setup is already done: sign in instead");
            }
            auditor.record(
                    AuditAction.SETUP,
                    admin.id(),
                    admin.username().value(),
                    admin.username().value(),
                    credentials.client(),
                    true,
                    null);
            return startSession(admin);
        }
    }

    @Override
    public LoginResult login(Credentials credentials) {
        String typed = credentials.username().strip();
        // Per (address, username): a flood against "admin" from one address slows that address down
        // for that name (and the per-address limit slows it for every name), never the real admin
        // signing in from elsewhere.
        String address = credentials.client() == null
                ? "?"
                : String.valueOf(credentials.client().ip());
        RateLimiter.Decision decision =
                rateLimiter.tryConsume(settings.loginPerUsername(), address + "|" + typed.toLowerCase(Locale.ROOT));
        if (!decision.allowed()) {
            auditor.record(AuditAction.LOGIN_FAILED, null, typed, typed, credentials.client(), false, "rate limited");
            throw new TooManyRequestsException("too many sign-in attempts for this account", decision.retryAfter());
        }
        Optional<User> found = findByTypedName(typed);
        String hash = found.map(User::passwordHash).orElseGet(hasher::decoyHash);
        boolean passwordMatches = hasher.verify(credentials.password(), hash);
        if (found.isEmpty() || !passwordMatches) {
            auditor.record(
                    AuditAction.LOGIN_FAILED,
                    found.map(User::id).orElse(null),
                    typed,
                    typed,
                    credentials.client(),
                    false,
                    null);
            return new LoginResult.Rejected();
        }
        if (found.get().disabled()) {
            auditor.record(
                    AuditAction.LOGIN_FAILED, found.get().id(), typed, typed, credentials.client(), false, "disabled");
            return new LoginResult.Disabled();
        }
        User user = found.get();
        Instant now = clock.instant();
        users.recordLogin(user.id(), now);
        auditor.record(
                AuditAction.LOGIN,
                user.id(),
                user.username().value(),
                user.username().value(),
                credentials.client(),
                true,
                null);
        return new LoginResult.Authenticated(startSession(user.withLastLoginAt(now)));
    }

    private Optional<User> findByTypedName(String typed) {
        try {
            return users.findByUsername(new Username(typed));
        } catch (InvalidException notAUsername) {
            return Optional.empty();
        }
    }

    private Session startSession(User user) {
        TokenIssuer.IssuedToken issued = issuer.issue(user.id());
        tokens.record(issued.claims());
        return new Session(issued.token(), issued.claims().expiresAt(), user);
    }

    @Override
    public void logout(Principal principal, ClientInfo client) {
        if (principal.tokenId() != null) {
            tokens.revoke(principal.tokenId(), clock.instant());
            tickets.values()
                    .removeIf(ticket ->
                            principal.tokenId().equals(ticket.principal().tokenId()));
            sessionsEnded.sessionEnded(principal.userId(), principal.tokenId());
        }
        auditor.record(AuditAction.LOGOUT, principal, principal.username().value(), client, true, null);
    }

    @Override
    public Optional<Principal> byToken(String token) {
        return authentication.byToken(token);
    }

    @Override
    public Optional<Principal> byApiKey(String apiKey) {
        return authentication.byApiKey(apiKey);
    }

    private Optional<Principal> checkToken(String token) {
        if (token == null || token.isBlank() || token.length() > 4096) {
            return Optional.empty();
        }
        Optional<TokenClaims> claims = issuer.verify(token);
        if (claims.isEmpty()) {
            return Optional.empty();
        }
        Optional<UserId> owner = tokens.activeOwner(claims.get().tokenId(), clock.instant());
        if (owner.isEmpty()) {
            return Optional.empty();
        }
        if (!owner.get().equals(claims.get().userId())) {
            // Signed with our secret, yet naming someone else than the user the id was issued to:
            // the secret is known outside. Refuse, and say so where admins look.
            auditor.record(
                    AuditAction.TOKEN_FORGED,
                    owner.get(),
                    null,
                    claims.get().userId().toString(),
                    null,
                    false,
                    "token id issued to " + owner.get() + " presented as "
                            + claims.get().userId());
            return Optional.empty();
        }
        return users.findById(claims.get().userId())
                .filter(user -> !user.disabled())
                .map(user -> new Principal(
                        user.id(),
                        user.username(),
                        user.role(),
                        AuthMethod.BEARER,
                        claims.get().tokenId(),
                        null,
                        Set.of(),
                        user.capabilities()));
    }

    private Optional<Principal> checkApiKey(String presented) {
        Optional<String> prefix = ApiKeySecrets.prefixOf(presented);
        if (prefix.isEmpty()) {
            return Optional.empty();
        }
        Optional<ApiKey> key = apiKeys.findByPrefix(prefix.get())
                .filter(candidate -> Secrets.constantTimeEquals(candidate.secretHash(), Secrets.sha256Hex(presented)));
        if (key.isEmpty()) {
            return Optional.empty();
        }
        Optional<User> owner = users.findById(key.get().userId()).filter(user -> !user.disabled());
        if (owner.isEmpty()) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        Instant lastUsed = key.get().lastUsedAt();
        if (lastUsed == null || lastUsed.plus(LAST_USED_RESOLUTION).isBefore(now)) {
            apiKeys.touch(key.get().id(), now);
        }
        User user = owner.get();
        // An admin's key without the admin scope acts as a member everywhere, not only on admin routes.
        Role role = user.role() == Role.ADMIN && !key.get().scopes().contains(ApiKeyScope.ADMIN)
                ? Role.MEMBER
                : user.role();
        return Optional.of(new Principal(
                user.id(),
                user.username(),
                role,
                AuthMethod.API_KEY,
                null,
                key.get().id(),
                key.get().scopes(),
                user.capabilities()));
    }

    @Override
    public void changePassword(Principal principal, String currentPassword, String newPassword, ClientInfo client) {
        if (currentPassword == null || currentPassword.isEmpty()) {
            throw new InvalidException("currentPassword", "currentPassword is required");
        }
        PasswordPolicy.check("newPassword", newPassword);
        User user = users.findById(principal.userId())
                .orElseThrow(() -> new InvalidException("currentPassword", "the current password is wrong"));
        if (!hasher.verify(currentPassword, user.passwordHash())) {
            auditor.record(
                    AuditAction.PASSWORD_CHANGED,
                    principal,
                    user.username().value(),
                    client,
                    false,
                    "wrong current password");
            throw new InvalidException("currentPassword", "the current password is wrong");
        }
        Instant now = clock.instant();
        users.update(user.withPasswordHash(hasher.hash(newPassword), now));
        int revoked = tokens.revokeAllOf(user.id(), principal.tokenId(), now);
        if (principal.tokenId() != null) {
            sessionsEnded.sessionsEnded(user.id(), principal.tokenId());
        }
        auditor.record(
                AuditAction.PASSWORD_CHANGED,
                principal,
                user.username().value(),
                client,
                true,
                "revoked " + revoked + " other session(s)");
    }

    @Override
    public User currentUser(Principal principal) {
        return users.findById(principal.userId())
                .orElseThrow(() -> new UnauthorizedException("the account no longer exists"));
    }

    @Override
    public String issueTicket(Principal principal) {
        Instant now = clock.instant();
        tickets.values().removeIf(ticket -> ticket.expiresAt().isBefore(now));
        String value = Secrets.urlSafe(32);
        tickets.put(value, new Ticket(principal, now.plus(settings.wsTicketTtl())));
        return value;
    }

    @Override
    public Optional<Principal> redeemTicket(String value) {
        if (value == null) {
            return Optional.empty();
        }
        Ticket ticket = tickets.remove(value);
        Instant now = clock.instant();
        if (ticket == null || ticket.expiresAt().isBefore(now)) {
            return Optional.empty();
        }
        Principal asked = ticket.principal();
        // A ticket lives no longer than what asked for it: the session (logged out, password
        // changed) or the API key (revoked), and the account (disabled, deleted).
        if (asked.tokenId() != null
                && !tokens.activeOwner(asked.tokenId(), now)
                        .map(asked.userId()::equals)
                        .orElse(false)) {
            return Optional.empty();
        }
        if (asked.apiKeyId() != null
                && apiKeys.findById(asked.apiKeyId())
                        .filter(key -> key.userId().equals(asked.userId()))
                        .isEmpty()) {
            return Optional.empty();
        }
        // The same user, scopes and session, with the role they have now (a demoted admin is a member).
        return users.findById(asked.userId())
                .filter(user -> !user.disabled())
                .map(user -> new Principal(
                        user.id(),
                        user.username(),
                        user.role(),
                        asked.method(),
                        asked.tokenId(),
                        asked.apiKeyId(),
                        asked.scopes(),
                        user.capabilities()));
    }

    @Override
    public boolean stillValid(Principal principal) {
        if (principal.tokenId() != null
                && !tokens.activeOwner(principal.tokenId(), clock.instant())
                        .map(principal.userId()::equals)
                        .orElse(false)) {
            return false;
        }
        if (principal.apiKeyId() != null
                && apiKeys.findById(principal.apiKeyId()).isEmpty()) {
            return false;
        }
        return users.findById(principal.userId())
                .filter(user -> !user.disabled())
                .isPresent();
    }

    private record Ticket(Principal principal, Instant expiresAt) {}
}
