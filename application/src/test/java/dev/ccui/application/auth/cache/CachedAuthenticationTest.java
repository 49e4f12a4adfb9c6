package dev.ccui.application.auth.cache;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ccui.application.apikey.ApiKeyService;
import dev.ccui.application.audit.Auditor;
import dev.ccui.application.auth.AuthService;
import dev.ccui.application.auth.AuthSettings;
import dev.ccui.application.auth.SignInSessions;
import dev.ccui.application.auth.port.in.AuthUseCase;
import dev.ccui.application.auth.port.in.Credentials;
import dev.ccui.application.auth.port.in.LoginResult;
import dev.ccui.application.auth.port.in.Session;
import dev.ccui.application.auth.port.out.SessionsEndedListener;
import dev.ccui.application.common.ClientInfo;
import dev.ccui.application.testing.CountingRateLimiter;
import dev.ccui.application.testing.FakePasswordHasher;
import dev.ccui.application.testing.FakeTokenIssuer;
import dev.ccui.application.testing.InMemoryApiKeyRepository;
import dev.ccui.application.testing.InMemoryAuditRepository;
import dev.ccui.application.testing.InMemoryAuthTokenRepository;
import dev.ccui.application.testing.InMemoryUserRepository;
import dev.ccui.application.testing.MutableClock;
import dev.ccui.application.testing.SyncEventBus;
import dev.ccui.application.user.UserAdminService;
import dev.ccui.application.user.port.in.CreateUserCommand;
import dev.ccui.application.user.port.in.UpdateUserCommand;
import dev.ccui.domain.auth.Principal;
import dev.ccui.domain.events.AppEvent;
import dev.ccui.domain.user.Role;
import dev.ccui.domain.user.User;
import dev.ccui.domain.user.UserId;
import dev.ccui.domain.user.Username;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The principal cache as the HTTP adapter uses it: repeated requests skip the look-ups, and every
 * way access ends on this node (sign-out, password change, disabling, demotion, key revocation)
 * takes effect on the very next request; what the node cannot see ends within the lifetime.
 */
class CachedAuthenticationTest {
    private static final ClientInfo CLIENT = new ClientInfo("10.0.0.1", "test");

    private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
    private final AtomicInteger userLookups = new AtomicInteger();
    private final InMemoryUserRepository storedUsers = new InMemoryUserRepository() {
        @Override
        public Optional<User> findById(UserId id) {
            userLookups.incrementAndGet();
            return super.findById(id);
        }
    };
    private final InMemoryAuthTokenRepository storedTokens = new InMemoryAuthTokenRepository();
    private final PrincipalCache cache = new PrincipalCache(clock, PrincipalCache.DEFAULT_TTL);
    private final ForgettingUserRepository users = new ForgettingUserRepository(storedUsers, cache);
    private final ForgettingTokenRepository tokens = new ForgettingTokenRepository(storedTokens, cache);
    private final ForgettingApiKeyRepository apiKeys =
            new ForgettingApiKeyRepository(new InMemoryApiKeyRepository(), cache);
    private final Auditor auditor = new Auditor(new InMemoryAuditRepository(), clock);
    private final AuthService auth = new AuthService(
            users,
            apiKeys,
            tokens,
            new FakePasswordHasher(),
            new FakeTokenIssuer(clock, Duration.ofDays(7)),
            new CountingRateLimiter(),
            auditor,
            clock,
            AuthSettings.defaults(),
            SessionsEndedListener.NONE,
            cache);
    private final UserAdminService userAdmin = new UserAdminService(
            users, new FakePasswordHasher(), auditor, clock, new SignInSessions(tokens, SessionsEndedListener.NONE));
    private final ApiKeyService keys = new ApiKeyService(apiKeys, auditor, clock);
    /** The cached checks, as the HTTP layer asks them. */
    private final AuthUseCase authentication = auth;

    private Session admin() {
        return auth.setup(new Credentials("alice", "correct horse battery", CLIENT));
    }

    private Principal adminPrincipal(Session session) {
        return authentication.byToken(session.token()).orElseThrow();
    }

    @Test
    void aRepeatedTokenIsAnsweredWithoutLookingTheUserUpAgainUntilTheLifetimeEnds() {
        Session session = admin();
        assertThat(authentication.byToken(session.token())).isPresent();
        int after = userLookups.get();
        for (int i = 0; i < 100; i++) {
            assertThat(authentication
                            .byToken(session.token())
                            .orElseThrow()
                            .username()
                            .value())
                    .isEqualTo("alice");
        }
        assertThat(userLookups.get()).as("look-ups for 100 more requests").isEqualTo(after);

        clock.advance(Duration.ofSeconds(1));
        assertThat(authentication.byToken(session.token())).isPresent();
        assertThat(userLookups.get()).as("checked afresh after the lifetime").isEqualTo(after + 1);
    }

    @Test
    void signingOutEndsTheTokenOnTheNextRequest() {
        Session session = admin();
        Principal principal = adminPrincipal(session);
        auth.logout(principal, CLIENT);
        assertThat(authentication.byToken(session.token())).isEmpty();
    }

    @Test
    void aPasswordChangeEndsTheOtherSessionsOnTheNextRequest() {
        Session first = admin();
        Session second = auth.login(new Credentials("alice", "correct horse battery", CLIENT))
                        instanceof LoginResult.Authenticated ok
                ? ok.session()
                : null;
        assertThat(authentication.byToken(first.token())).isPresent();
        assertThat(authentication.byToken(second.token())).isPresent();
        auth.changePassword(adminPrincipal(second), "correct horse battery", "a brand new secret", CLIENT);
        assertThat(authentication.byToken(first.token())).isEmpty();
    }

    @Test
    void disablingOrDemotingAMemberTakesEffectOnTheNextRequest() {
        Principal alice = adminPrincipal(admin());
        userAdmin.createUser(alice, new CreateUserCommand(new Username("bob"), "bobs password", Role.ADMIN), CLIENT);
        Session bob =
                auth.login(new Credentials("bob", "bobs password", CLIENT)) instanceof LoginResult.Authenticated ok
                        ? ok.session()
                        : null;
        Principal bobNow = authentication.byToken(bob.token()).orElseThrow();
        assertThat(bobNow.role()).isEqualTo(Role.ADMIN);

        userAdmin.updateUser(alice, bobNow.userId(), new UpdateUserCommand(Role.MEMBER, null, null), CLIENT);
        Optional<Principal> demoted = authentication.byToken(bob.token());
        assertThat(demoted.map(Principal::role))
                .as("bob right after his demotion")
                .isNotEqualTo(Optional.of(Role.ADMIN));

        userAdmin.updateUser(alice, bobNow.userId(), new UpdateUserCommand(null, true, null), CLIENT);
        assertThat(authentication.byToken(bob.token()))
                .as("bob right after being disabled")
                .isEmpty();
    }

    @Test
    void aRevokedApiKeyIsRefusedOnTheNextRequest() {
        Principal alice = adminPrincipal(admin());
        var created = keys.createKey(alice, "ci", Set.of(), CLIENT);
        assertThat(authentication.byApiKey(created.secret())).isPresent();
        keys.revokeKey(alice, created.key().id(), CLIENT);
        assertThat(authentication.byApiKey(created.secret())).isEmpty();
    }

    @Test
    void aRevocationThisNodeDoesNotSeeEndsWithinTheLifetime() {
        Session session = admin();
        Principal principal = adminPrincipal(session);
        // As another node or `ccui users` would: straight into the store, past this node's repositories.
        storedTokens.revoke(principal.tokenId(), clock.instant());
        clock.advance(PrincipalCache.DEFAULT_TTL);
        assertThat(authentication.byToken(session.token())).isEmpty();
    }

    @Test
    void aRevocationAnnouncedByAnotherNodeEndsTheSessionAtOnce() throws Exception {
        var bus = new SyncEventBus();
        cache.forgetOnRevocations(bus);
        Session session = admin();
        Principal principal = adminPrincipal(session);
        storedTokens.revoke(principal.tokenId(), clock.instant());
        bus.publish(new AppEvent.AccessRevoked(principal.userId(), principal.tokenId(), null, null, false));
        assertThat(authentication.byToken(session.token())).isEmpty();
    }

    @Test
    void refusedCredentialsAreNeverRemembered() {
        admin();
        assertThat(authentication.byToken("not.a.token")).isEmpty();
        assertThat(authentication.byApiKey("ccui_nothing")).isEmpty();
        assertThat(authentication.byToken("")).isEmpty();
        assertThat(cache.size()).isZero();
    }
}
