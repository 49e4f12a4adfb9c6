package dev.ccui.application.auth;

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
import dev.ccui.application.ratelimit.port.out.RateLimiter;
import dev.ccui.application.user.port.out.PasswordHasher;
import dev.ccui.application.user.port.out.UserRepository;
import dev.ccui.domain.auth.Principal;
import dev.ccui.domain.error.UnauthorizedException;
import dev.ccui.domain.user.User;
import java.time.Clock;
import java.util.Optional;

/**
 * Sign-in, sessions and the credentials of requests, as the one auth use case the HTTP edge sees.
 * It only delegates, so each concern can be read on its own: {@link SignIn} (passwords, the set-up
 * lock, sessions started and ended), {@link StoredCredentialCheck} (a request's token or key
 * checked against the stores, with the principal cache in front when there is one) and
 * {@link WsTickets} (the one-time socket tickets held in memory).
 */
public final class AuthService implements AuthUseCase {
    private final UserRepository users;
    private final AuthSettings settings;
    private final SignIn signIn;
    private final StoredCredentialCheck stored;
    /** {@link #stored}, or the same in front of a cache of its answers. */
    private final CredentialCheck authentication;

    private final WsTickets tickets;

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
        this.users = users;
        this.settings = settings;
        this.tickets = new WsTickets(users, apiKeys, tokens, clock, settings.wsTicketTtl());
        this.signIn = new SignIn(
                users, tokens, hasher, issuer, rateLimiter, auditor, clock, settings, sessionsEnded, tickets);
        this.stored = new StoredCredentialCheck(users, apiKeys, tokens, issuer, auditor, clock);
        this.authentication = principals == null ? stored : new CachedAuthentication(stored, principals);
    }

    @Override
    public boolean setupRequired() {
        return signIn.setupRequired();
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
        return signIn.setup(credentials, setupCode);
    }

    @Override
    public LoginResult login(Credentials credentials) {
        return signIn.login(credentials);
    }

    @Override
    public void logout(Principal principal, ClientInfo client) {
        signIn.logout(principal, client);
    }

    @Override
    public Optional<Principal> byToken(String token) {
        return authentication.byToken(token);
    }

    @Override
    public Optional<Principal> byApiKey(String apiKey) {
        return authentication.byApiKey(apiKey);
    }

    @Override
    public void changePassword(Principal principal, String currentPassword, String newPassword, ClientInfo client) {
        signIn.changePassword(principal, currentPassword, newPassword, client);
    }

    @Override
    public User currentUser(Principal principal) {
        return users.findById(principal.userId())
                .orElseThrow(() -> new UnauthorizedException("the account no longer exists"));
    }

    @Override
    public String issueTicket(Principal principal) {
        return tickets.issue(principal);
    }

    @Override
    public Optional<Principal> redeemTicket(String value) {
        return tickets.redeem(value);
    }

    @Override
    public boolean stillValid(Principal principal) {
        return stored.stillValid(principal);
    }
}
