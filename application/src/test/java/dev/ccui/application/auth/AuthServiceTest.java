package dev.ccui.application.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ccui.application.auth.port.in.Credentials;
import dev.ccui.application.auth.port.in.LoginResult;
import dev.ccui.application.auth.port.in.Session;
import dev.ccui.application.common.ClientInfo;
import dev.ccui.application.testing.InMemoryAuthFixture;
import dev.ccui.application.user.port.in.CreateUserCommand;
import dev.ccui.application.user.port.in.UpdateUserCommand;
import dev.ccui.domain.apikey.ApiKeyScope;
import dev.ccui.domain.audit.AuditAction;
import dev.ccui.domain.audit.AuditEntry;
import dev.ccui.domain.auth.AuthMethod;
import dev.ccui.domain.auth.Principal;
import dev.ccui.domain.error.ConflictException;
import dev.ccui.domain.error.InvalidException;
import dev.ccui.domain.error.TooManyRequestsException;
import dev.ccui.domain.user.Role;
import dev.ccui.domain.user.Username;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AuthServiceTest {
    private static final ClientInfo CLIENT = new ClientInfo("10.0.0.1", "test");
    private final InMemoryAuthFixture f = new InMemoryAuthFixture();

    private Session setUpAdmin() {
        return f.auth.setup(new Credentials("Alice", "correct horse battery", CLIENT));
    }

    private Principal principalOf(Session session) {
        return f.auth.byToken(session.token()).orElseThrow();
    }

    @Test
    void setupCreatesTheFirstAdminOnceAndThenConflicts() {
        assertThat(f.auth.setupRequired()).isTrue();
        Session session = setUpAdmin();
        assertThat(session.user().role()).isEqualTo(Role.ADMIN);
        assertThat(session.user().username().value()).isEqualTo("alice");
        assertThat(f.auth.setupRequired()).isFalse();
        assertThatThrownBy(() -> f.auth.setup(new Credentials("mallory", "another password", CLIENT)))
                .isInstanceOf(ConflictException.class);
        assertThat(f.users.count()).isEqualTo(1);
    }

    @Test
    void setupRefusesACommonPasswordAsEveryPasswordIs() {
        assertThatThrownBy(() -> f.auth.setup(new Credentials("alice", "password12345", CLIENT)))
                .isInstanceOf(InvalidException.class)
                .hasMessageContaining("too common");
        assertThat(f.auth.setupRequired()).isTrue();
    }

    @Test
    void setupRefusesAShortPassword() {
        assertThatThrownBy(() -> f.auth.setup(new Credentials("alice", "short", CLIENT)))
                .isInstanceOf(InvalidException.class)
                .hasMessageContaining("at least 10");
        assertThat(f.auth.setupRequired()).isTrue();
    }

    @Test
    void loginWithTheRightPasswordGivesAWorkingToken() {
        setUpAdmin();
        LoginResult result = f.auth.login(new Credentials("ALICE", "correct horse battery", CLIENT));
        assertThat(result).isInstanceOf(LoginResult.Authenticated.class);
        Session session = ((LoginResult.Authenticated) result).session();
        Principal principal = principalOf(session);
        assertThat(principal.username().value()).isEqualTo("alice");
        assertThat(principal.method()).isEqualTo(AuthMethod.BEARER);
        assertThat(f.audit.all()).extracting(AuditEntry::action).contains(AuditAction.LOGIN);
    }

    @Test
    void unknownUserAndWrongPasswordTakeTheSamePathAndAnswer() {
        setUpAdmin();
        int before = f.fakeHasher().verifications.get();
        LoginResult unknown = f.auth.login(new Credentials("nobody", "whatever password", CLIENT));
        LoginResult wrong = f.auth.login(new Credentials("alice", "wrong password!", CLIENT));
        LoginResult malformed = f.auth.login(new Credentials("bad name with spaces", "whatever password", CLIENT));
        assertThat(unknown).isEqualTo(wrong).isEqualTo(malformed).isInstanceOf(LoginResult.Rejected.class);
        // Each attempt verified exactly one password, real or decoy: the same work either way.
        assertThat(f.fakeHasher().verifications.get() - before).isEqualTo(3);
        assertThat(f.audit.all())
                .filteredOn(e -> e.action() == AuditAction.LOGIN_FAILED)
                .hasSize(3);
    }

    @Test
    void repeatedAttemptsOnOneUsernameAreRateLimited() {
        setUpAdmin();
        for (int i = 0; i < 10; i++) {
            f.auth.login(new Credentials("alice", "wrong password!", CLIENT));
        }
        assertThatThrownBy(() -> f.auth.login(new Credentials("alice", "correct horse battery", CLIENT)))
                .isInstanceOf(TooManyRequestsException.class);
    }

    @Test
    void logoutRevokesOnlyThatToken() {
        Session first = setUpAdmin();
        Session second = ((LoginResult.Authenticated)
                        f.auth.login(new Credentials("alice", "correct horse battery", CLIENT)))
                .session();
        f.auth.logout(principalOf(first), CLIENT);
        assertThat(f.auth.byToken(first.token())).isEmpty();
        assertThat(f.auth.byToken(second.token())).isPresent();
    }

    @Test
    void changingThePasswordRevokesTheOtherTokensButNotTheCurrentOne() {
        Session current = setUpAdmin();
        Session other = ((LoginResult.Authenticated)
                        f.auth.login(new Credentials("alice", "correct horse battery", CLIENT)))
                .session();
        f.auth.changePassword(principalOf(current), "correct horse battery", "a brand new secret", CLIENT);
        assertThat(f.auth.byToken(current.token())).isPresent();
        assertThat(f.auth.byToken(other.token())).isEmpty();
        assertThat(f.auth.login(new Credentials("alice", "correct horse battery", CLIENT)))
                .isInstanceOf(LoginResult.Rejected.class);
        assertThat(f.auth.login(new Credentials("alice", "a brand new secret", CLIENT)))
                .isInstanceOf(LoginResult.Authenticated.class);
    }

    @Test
    void changingThePasswordNeedsTheCurrentOne() {
        Session current = setUpAdmin();
        assertThatThrownBy(() ->
                        f.auth.changePassword(principalOf(current), "not it at all", "a brand new secret", CLIENT))
                .isInstanceOf(InvalidException.class)
                .hasMessageContaining("current password");
    }

    @Test
    void expiredTokensStopWorking() {
        Session session = setUpAdmin();
        f.clock.advance(Duration.ofDays(8));
        assertThat(f.auth.byToken(session.token())).isEmpty();
    }

    @Test
    void disablingAUserCutsOffTheirTokensAndKeysAndLogin() {
        Session admin = setUpAdmin();
        Principal adminPrincipal = principalOf(admin);
        var bob = f.userAdmin.createUser(
                adminPrincipal, new CreateUserCommand(new Username("bob"), "bobs password 1", Role.MEMBER), CLIENT);
        Session bobSession =
                ((LoginResult.Authenticated) f.auth.login(new Credentials("bob", "bobs password 1", CLIENT))).session();
        String key = f.apiKeyService
                .createKey(principalOf(bobSession), "ci", Set.of(), CLIENT)
                .secret();
        assertThat(f.auth.byApiKey(key)).isPresent();

        f.userAdmin.updateUser(adminPrincipal, bob.id(), new UpdateUserCommand(null, true, null), CLIENT);

        assertThat(f.auth.byToken(bobSession.token())).isEmpty();
        assertThat(f.auth.byApiKey(key)).isEmpty();
        // Told it is disabled only with the right password; a wrong one learns nothing more than for anyone.
        assertThat(f.auth.login(new Credentials("bob", "bobs password 1", CLIENT)))
                .isInstanceOf(LoginResult.Disabled.class);
        assertThat(f.auth.login(new Credentials("bob", "not bobs password", CLIENT)))
                .isInstanceOf(LoginResult.Rejected.class);
    }

    @Test
    void apiKeysAuthenticateTheirOwnerAndCarryScopes() {
        Session admin = setUpAdmin();
        var created = f.apiKeyService.createKey(principalOf(admin), "deploy", Set.of(ApiKeyScope.TERMINAL), CLIENT);
        assertThat(created.secret())
                .startsWith("ccui_")
                .startsWith(created.key().prefix() + "_");
        assertThat(created.key().secretHash()).doesNotContain(created.secret());
        Principal viaKey = f.auth.byApiKey(created.secret()).orElseThrow();
        assertThat(viaKey.method()).isEqualTo(AuthMethod.API_KEY);
        assertThat(viaKey.scopes()).containsExactlyInAnyOrder(ApiKeyScope.API, ApiKeyScope.TERMINAL);
        assertThat(f.apiKeys.findById(created.key().id()).orElseThrow().lastUsedAt())
                .isNotNull();

        String tampered = created.secret().substring(0, created.secret().length() - 1)
                + (created.secret().endsWith("a") ? "b" : "a");
        assertThat(f.auth.byApiKey(tampered)).isEmpty();

        f.apiKeyService.revokeKey(principalOf(admin), created.key().id(), CLIENT);
        assertThat(f.auth.byApiKey(created.secret())).isEmpty();
    }

    @Test
    void wsTicketsWorkOnceAndExpire() {
        Principal admin = principalOf(setUpAdmin());
        String ticket = f.auth.issueTicket(admin);
        assertThat(f.auth.redeemTicket(ticket)).contains(admin);
        assertThat(f.auth.redeemTicket(ticket)).isEmpty();

        String late = f.auth.issueTicket(admin);
        f.clock.advance(Duration.ofSeconds(31));
        assertThat(f.auth.redeemTicket(late)).isEmpty();
    }
}
