package dev.ccui.adapters.persistence.preferences;

import dev.ccui.application.preferences.port.out.UserPreferencesStore;
import dev.ccui.domain.preferences.Language;
import dev.ccui.domain.preferences.Preferences;
import dev.ccui.domain.preferences.Theme;
import dev.ccui.domain.user.UserId;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/** One {@code user_preferences} row per person who chose; an upsert works the same on SQLite and PostgreSQL. */
public final class JdbiUserPreferencesStore implements UserPreferencesStore {
    private final Jdbi jdbi;

    public JdbiUserPreferencesStore(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public Optional<Preferences> load(UserId user) {
        // A value this version does not know (written by a newer one, or a language since dropped)
        // reads as the default rather than failing the person's every page load.
        return jdbi.withHandle(h -> h.createQuery("SELECT theme, language FROM user_preferences WHERE user_id = :user")
                .bind("user", user.toString())
                .map((rs, ctx) -> new Preferences(
                        Theme.known(rs.getString("theme")).orElse(Theme.SYSTEM),
                        Language.known(rs.getString("language")).orElse(null)))
                .findOne());
    }

    @Override
    public void save(UserId user, Preferences preferences) {
        jdbi.useHandle(h -> h.createUpdate("INSERT INTO user_preferences (user_id, theme, language) "
                        + "VALUES (:user, :theme, :language) ON CONFLICT (user_id) DO UPDATE SET "
                        + "theme = excluded.theme, language = excluded.language")
                .bind("user", user.toString())
                .bind("theme", preferences.theme().wireName())
                .bind(
                        "language",
                        preferences.chosenLanguage().map(Language::tag).orElse(null))
                .execute());
    }
}
