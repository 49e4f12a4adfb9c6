package dev.ccui.application.preferences;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ccui.application.preferences.port.in.UpdatePreferencesCommand;
import dev.ccui.application.testing.InMemoryUserPreferencesStore;
import dev.ccui.domain.apikey.ApiKeyId;
import dev.ccui.domain.apikey.ApiKeyScope;
import dev.ccui.domain.auth.AuthMethod;
import dev.ccui.domain.auth.Principal;
import dev.ccui.domain.error.InvalidException;
import dev.ccui.domain.preferences.Language;
import dev.ccui.domain.preferences.Preferences;
import dev.ccui.domain.preferences.Theme;
import dev.ccui.domain.user.Role;
import dev.ccui.domain.user.UserId;
import dev.ccui.domain.user.Username;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PreferencesServiceTest {
    private final InMemoryUserPreferencesStore store = new InMemoryUserPreferencesStore();
    private final PreferencesService service = new PreferencesService(store);

    private static Principal person(String name, Role role) {
        return new Principal(UserId.random(), new Username(name), role, AuthMethod.BEARER, "t", null, Set.of());
    }

    @Test
    void someoneWhoNeverChoseFollowsTheSystemAndTheBrowser() {
        assertThat(service.preferences(person("olga", Role.MEMBER)))
                .isEqualTo(Preferences.DEFAULT)
                .isEqualTo(new Preferences(Theme.SYSTEM, null));
    }

    @Test
    void aPartialChangeKeepsWhatItDoesNotName() {
        Principal olga = person("olga", Role.MEMBER);
        assertThat(service.update(olga, UpdatePreferencesCommand.language(Language.of("EN"))))
                .isEqualTo(new Preferences(Theme.SYSTEM, new Language("en")));
        assertThat(service.update(olga, UpdatePreferencesCommand.theme(Theme.DARK)))
                .isEqualTo(new Preferences(Theme.DARK, new Language("en")));
        assertThat(service.update(olga, UpdatePreferencesCommand.language(null)))
                .as("null: back to the browser's language")
                .isEqualTo(new Preferences(Theme.DARK, null));
        assertThat(service.preferences(olga)).isEqualTo(new Preferences(Theme.DARK, null));
        assertThat(service.update(olga, new UpdatePreferencesCommand(null, false, null)))
                .as("an empty change changes nothing")
                .isEqualTo(new Preferences(Theme.DARK, null));
    }

    @Test
    void anApiKeyActsOnItsOwnersPreferencesAndNobodyElseSeesThem() {
        Principal olga = person("olga", Role.MEMBER);
        Principal olgasKey = new Principal(
                olga.userId(),
                olga.username(),
                Role.MEMBER,
                AuthMethod.API_KEY,
                null,
                ApiKeyId.random(),
                Set.of(ApiKeyScope.API));
        service.update(olgasKey, UpdatePreferencesCommand.theme(Theme.LIGHT));

        assertThat(service.preferences(olga).theme()).isEqualTo(Theme.LIGHT);
        assertThat(service.preferences(person("root", Role.ADMIN)))
                .as("an admin has their own, not the last one saved")
                .isEqualTo(Preferences.DEFAULT);
    }

    @Test
    void anUnknownThemeOrAnUnsupportedLanguageIsRefusedWithItsOwnCode() {
        for (String name : new String[] {"Dark", "blue", "", " dark", "auto"}) {
            assertThatThrownBy(() -> Theme.fromWire(name))
                    .as(name)
                    .isInstanceOfSatisfying(InvalidException.class, e -> {
                        assertThat(e.code()).isEqualTo("UNKNOWN_THEME");
                        assertThat(e.field()).contains("theme");
                        assertThat(e.getMessage()).isEqualTo("theme must be one of system, light, dark");
                    });
        }
        for (String tag : new String[] {"fr", "de-DE", "en_US", "english", "", "x", "e\u0000n", "en-".repeat(20)}) {
            assertThatThrownBy(() -> Language.of(tag)).as(tag).isInstanceOfSatisfying(InvalidException.class, e -> {
                assertThat(e.code()).isEqualTo("UNSUPPORTED_LANGUAGE");
                assertThat(e.field()).contains("language");
            });
        }
        assertThat(Language.of("En").tag()).isEqualTo("en");
        assertThat(Language.of("ES").tag()).isEqualTo("es");
        assertThat(Language.of("de").tag()).isEqualTo("de");
    }
}
