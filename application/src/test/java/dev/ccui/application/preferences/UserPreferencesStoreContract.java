package dev.ccui.application.preferences;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ccui.application.preferences.port.out.UserPreferencesStore;
import dev.ccui.application.user.port.out.UserRepository;
import dev.ccui.domain.preferences.Language;
import dev.ccui.domain.preferences.Preferences;
import dev.ccui.domain.preferences.Theme;
import dev.ccui.domain.user.Role;
import dev.ccui.domain.user.User;
import dev.ccui.domain.user.UserId;
import dev.ccui.domain.user.Username;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * One contract for the preferences store, run against every database we support and against the
 * in-memory fake: the users it refers to share its store.
 */
public abstract class UserPreferencesStoreContract {
    private static final Instant T0 = Instant.parse("2026-12-03T10:00:00Z");

    public record Ports(UserPreferencesStore preferences, UserRepository users) {}

    /** Fresh, empty ports over one store; called once before each test. */
    protected abstract Ports ports();

    protected Ports ports;

    @BeforeEach
    void open() {
        ports = ports();
    }

    protected UserId user(String name) {
        User user = new User(UserId.random(), new Username(name), Role.MEMBER, false, "$2a$12$hash", T0, T0, null);
        ports.users().insert(user);
        return user.id();
    }

    @Test
    void someoneWhoNeverChoseHasNothingStored() {
        assertThat(ports.preferences().load(user("olga"))).isEmpty();
    }

    @Test
    void whatIsSavedIsReadBackAndTheNextSaveReplacesIt() {
        UserId olga = user("olga");
        var dark = new Preferences(Theme.DARK, Language.of("en"));
        ports.preferences().save(olga, dark);
        assertThat(ports.preferences().load(olga)).contains(dark);

        var light = new Preferences(Theme.LIGHT, null);
        ports.preferences().save(olga, light);
        assertThat(ports.preferences().load(olga)).contains(light);
    }

    @Test
    void eachPersonHasTheirOwn() {
        UserId olga = user("olga");
        UserId sam = user("sam");
        ports.preferences().save(olga, new Preferences(Theme.DARK, null));
        ports.preferences().save(sam, new Preferences(Theme.LIGHT, Language.of("en")));

        assertThat(ports.preferences().load(olga)).contains(new Preferences(Theme.DARK, null));
        assertThat(ports.preferences().load(sam)).contains(new Preferences(Theme.LIGHT, Language.of("en")));
        assertThat(ports.preferences().load(user("bystander"))).isEmpty();
    }
}
