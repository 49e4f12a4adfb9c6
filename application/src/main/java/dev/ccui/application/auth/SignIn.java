package dev.ccui.application.auth;

import dev.ccui.application.audit.Auditor;
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
import dev.ccui.domain.audit.AuditAction;
import dev.ccui.domain.auth.Principal;
import dev.ccui.domain.error.ConflictException;
import dev.ccui.domain.error.ForbiddenException;
import dev.ccui.domain.error.InvalidException;
import dev.ccui.domain.error.TooManyRequestsException;
import dev.ccui.domain.user.PasswordPolicy;
import dev.ccui.domain.user.Role;
import dev.ccui.domain.user.User;
import dev.ccui.domain.user.UserId;
import dev.ccui.domain.user.Username;
import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

/**
 * Where a password is what is checked: the first admin's set-up, login and logout, and changing
 * one's own password; each success starts or ends sign-in sessions. Every failed login takes the
 * same path (a password verification against a real or a decoy hash) and gives the same answer,
 * so neither timing nor wording tells whether a username exists; only the right password of a
 * disabled account learns that it is disabled.
 */
final class SignIn {
    private final UserRepository users;
    private final AuthTokenRepository tokens;
    private final PasswordHasher hasher;
    private final TokenIssuer issuer;
    private final RateLimiter rateLimiter;
    private final Auditor auditor;
    private final Clock clock;
    private final AuthSettings settings;
    private final SessionsEndedListener sessionsEnded;
    /** Logout drops the session's unredeemed tickets. */
    private final WsTickets tickets;
    /** Two set-ups racing on an empty store: one creates the admin, the other is told it is done. */
    private final Object setupLock = new Object();

    SignIn(
            UserRepository users,
            AuthTokenRepository tokens,
            PasswordHasher hasher,
            TokenIssuer issuer,
            RateLimiter rateLimiter,
            Auditor auditor,
            Clock clock,
            AuthSettings settings,
            SessionsEndedListener sessionsEnded,
            WsTickets tickets) {
        this.users = users;
        this.tokens = tokens;
        this.hasher = hasher;
        this.issuer = issuer;
        this.rateLimiter = rateLimiter;
        this.auditor = auditor;
        this.clock = clock;
        this.settings = settings;
        this.sessionsEnded = sessionsEnded;
        this.tickets = tickets;
    }

    boolean setupRequired() {
        return users.count() == 0;
    }

    Session setup(Credentials credentials, String setupCode) {
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
            recordSignedIn(AuditAction.SETUP, admin, credentials.client());
            return startSession(admin);
        }
    }

    LoginResult login(Credentials credentials) {
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
        recordSignedIn(AuditAction.LOGIN, user, credentials.client());
        return new LoginResult.Authenticated(startSession(user.withLastLoginAt(now)));
    }

    private Optional<User> findByTypedName(String typed) {
        try {
            return users.findByUsername(new Username(typed));
        } catch (InvalidException notAUsername) {
            return Optional.empty();
        }
    }

    /** A user acting on their own account: they are both the actor and the target. */
    private void recordSignedIn(AuditAction action, User user, ClientInfo client) {
        String name = user.username().value();
        auditor.record(action, user.id(), name, name, client, true, null);
    }

    private Session startSession(User user) {
        TokenIssuer.IssuedToken issued = issuer.issue(user.id());
        tokens.record(issued.claims());
        return new Session(issued.token(), issued.claims().expiresAt(), user);
    }

    void logout(Principal principal, ClientInfo client) {
        if (principal.tokenId() != null) {
            tokens.revoke(principal.tokenId(), clock.instant());
            tickets.forgetSession(principal.tokenId());
            sessionsEnded.sessionEnded(principal.userId(), principal.tokenId());
        }
        auditor.record(AuditAction.LOGOUT, principal, principal.username().value(), client, true, null);
    }

    void changePassword(Principal principal, String currentPassword, String newPassword, ClientInfo client) {
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
}
