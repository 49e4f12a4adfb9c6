package dev.ccui.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ccui.application.audit.port.in.AuditItem;
import dev.ccui.application.auth.port.in.Credentials;
import dev.ccui.application.auth.port.in.LoginResult;
import dev.ccui.application.common.ClientInfo;
import dev.ccui.application.user.port.in.CreateUserCommand;
import dev.ccui.application.user.port.in.UpdateUserCommand;
import dev.ccui.bootstrap.testing.TestApplication;
import dev.ccui.domain.apikey.ApiKeyScope;
import dev.ccui.domain.audit.AuditFilter;
import dev.ccui.domain.auth.Principal;
import dev.ccui.domain.error.ConflictException;
import dev.ccui.domain.user.Role;
import dev.ccui.domain.user.Username;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The account flows through the in-ports, wired by the real composition root on a real
 * database. Run once per database by the subclasses.
 */
abstract class AccountsFlowContract {
    private static final ClientInfo CLIENT = new ClientInfo("192.0.2.10", "it");

    @TempDir
    Path folder;

    private TestApplication app;

    /** The application on the database under test. */
    protected abstract TestApplication open(Path folder);

    @BeforeEach
    void start() {
        app = open(folder);
    }

    @AfterEach
    void stop() {
        app.close();
    }

    private TestApplication app() {
        return app;
    }

    private Principal signIn(String name, String password) {
        LoginResult result = app().application().accounts().auth().login(new Credentials(name, password, CLIENT));
        assertThat(result).isInstanceOf(LoginResult.Authenticated.class);
        String token = ((LoginResult.Authenticated) result).session().token();
        Principal principal =
                app().application().accounts().auth().byToken(token).orElseThrow();
        tokens.put(principal.tokenId(), token);
        return principal;
    }

    @Test
    void firstRunSetupThenSignInAndAudit() {
        var accounts = app().application().accounts();
        assertThat(accounts.auth().setupRequired()).isTrue();
        accounts.auth().setup(new Credentials("root", "root password 1", CLIENT));
        assertThatThrownBy(() -> accounts.auth().setup(new Credentials("again", "again password", CLIENT)))
                .isInstanceOf(ConflictException.class);

        assertThat(accounts.auth().login(new Credentials("root", "wrong password", CLIENT)))
                .isInstanceOf(LoginResult.Rejected.class);
        Principal root = signIn("root", "root password 1");
        assertThat(root.role()).isEqualTo(Role.ADMIN);

        var audit = app().application().operations().audit().listAudit(root, 10, null, AuditFilter.ALL).items().stream()
                .map(AuditItem::entry)
                .toList();
        assertThat(audit)
                .extracting(e -> e.action().code())
                .containsSubsequence("auth.login", "auth.login_failed", "auth.setup");
        assertThat(audit.getFirst().ip()).isEqualTo("192.0.2.10");
        var failures = app().application()
                .operations()
                .audit()
                .listAudit(root, 10, null, new AuditFilter("ROOT", null, false))
                .items();
        assertThat(failures).extracting(i -> i.entry().action().code()).containsExactly("auth.login_failed");
    }

    @Test
    void sessionsEndOnLogoutPasswordChangeAndDisable() {
        var accounts = app().application().accounts();
        accounts.auth().setup(new Credentials("root", "root password 1", CLIENT));
        Principal root = signIn("root", "root password 1");
        accounts.users()
                .createUser(root, new CreateUserCommand(new Username("mia"), "mia password 1", Role.MEMBER), CLIENT);

        Principal first = signIn("mia", "mia password 1");
        Principal second = signIn("mia", "mia password 1");
        accounts.auth().logout(first, CLIENT);
        assertThat(stillValid(first)).isFalse();
        assertThat(stillValid(second)).isTrue();

        Principal third = signIn("mia", "mia password 1");
        accounts.auth().changePassword(third, "mia password 1", "mia password 2", CLIENT);
        assertThat(stillValid(second)).isFalse();
        assertThat(stillValid(third)).isTrue();

        String key = accounts.apiKeys()
                .createKey(third, "script", Set.of(ApiKeyScope.API), CLIENT)
                .secret();
        assertThat(accounts.auth().byApiKey(key)).isPresent();
        accounts.users().updateUser(root, third.userId(), new UpdateUserCommand(null, true, null), CLIENT);
        assertThat(stillValid(third)).isFalse();
        assertThat(accounts.auth().byApiKey(key)).isEmpty();
    }

    @Test
    void theAdminCommandLineIsTheWayBackIn() {
        var accounts = app().application().accounts();
        accounts.users().createUserLocally("ops", "ops password 1", Role.ADMIN);
        assertThat(accounts.auth().setupRequired()).isFalse();
        accounts.users().resetPasswordLocally("ops", "ops password 2");
        signIn("ops", "ops password 2");
        assertThat(accounts.users().listUsersLocally())
                .extracting(user -> user.username().value())
                .containsExactly("ops");
    }

    private boolean stillValid(Principal principal) {
        // Tokens are checked again from scratch, as each request does.
        return app().application().accounts().auth().byToken(tokenOf(principal)).isPresent();
    }

    private final Map<String, String> tokens = new HashMap<>();

    private String tokenOf(Principal principal) {
        return tokens.get(principal.tokenId());
    }
}
