package dev.ccui.application.user;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ccui.application.auth.port.in.Credentials;
import dev.ccui.application.auth.port.in.LoginResult;
import dev.ccui.application.common.ClientInfo;
import dev.ccui.application.testing.InMemoryAuthFixture;
import dev.ccui.application.user.port.in.CreateUserCommand;
import dev.ccui.application.user.port.in.UpdateUserCommand;
import dev.ccui.domain.auth.Principal;
import dev.ccui.domain.error.ConflictException;
import dev.ccui.domain.error.ForbiddenException;
import dev.ccui.domain.error.NotFoundException;
import dev.ccui.domain.user.Role;
import dev.ccui.domain.user.UserId;
import dev.ccui.domain.user.Username;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class UserAdminServiceTest {
    private static final ClientInfo CLIENT = new ClientInfo("127.0.0.1", "test");
    private final InMemoryAuthFixture f = new InMemoryAuthFixture();
    private Principal admin;

    @BeforeEach
    void setUp() {
        String token =
                f.auth.setup(new Credentials("root", "root password 1", CLIENT)).token();
        admin = f.auth.byToken(token).orElseThrow();
    }

    @Test
    void theLastEnabledAdminCannotBeDemotedDisabledOrDeleted() {
        UserId id = admin.userId();
        assertThatThrownBy(
                        () -> f.userAdmin.updateUser(admin, id, new UpdateUserCommand(Role.MEMBER, null, null), CLIENT))
                .isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> f.userAdmin.updateUser(admin, id, new UpdateUserCommand(null, true, null), CLIENT))
                .isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> f.userAdmin.deleteUser(admin, id, CLIENT)).isInstanceOf(ConflictException.class);
    }

    @Test
    void membersCannotManageUsers() {
        f.userAdmin.createUser(admin, new CreateUserCommand(new Username("bob"), "bobs password", Role.MEMBER), CLIENT);
        Principal bob = f.auth.byToken(
                        ((LoginResult.Authenticated) f.auth.login(new Credentials("bob", "bobs password", CLIENT)))
                                .session()
                                .token())
                .orElseThrow();
        assertThatThrownBy(() -> f.userAdmin.listUsers(bob)).isInstanceOf(ForbiddenException.class);
    }

    @Test
    void usernamesAreUniqueIgnoringCase() {
        f.userAdmin.createUser(admin, new CreateUserCommand(new Username("bob"), "bobs password", Role.MEMBER), CLIENT);
        assertThatThrownBy(() -> f.userAdmin.createUser(
                        admin, new CreateUserCommand(new Username("BOB"), "bobs password", Role.MEMBER), CLIENT))
                .isInstanceOf(ConflictException.class);
    }

    @Test
    void unknownIdsAreNotFound() {
        // A malformed id never gets here: the HTTP edge answers it with the same 404.
        assertThatThrownBy(() -> f.userAdmin.getUser(
                        admin,
                        UserId.parse("00000000-0000-0000-0000-000000000000").orElseThrow()))
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    void cliResetPasswordIsTheWayBackIn() {
        f.userAdmin.resetPasswordLocally("root", "a fresh password");
        assertThat(f.auth.login(new Credentials("root", "a fresh password", CLIENT)))
                .isInstanceOf(LoginResult.Authenticated.class);
    }
}
