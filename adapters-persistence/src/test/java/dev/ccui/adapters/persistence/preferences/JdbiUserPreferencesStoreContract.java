package dev.ccui.adapters.persistence.preferences;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ccui.adapters.persistence.OpenDatabase;
import dev.ccui.adapters.persistence.TestDatabases;
import dev.ccui.adapters.persistence.user.JdbiUserRepository;
import dev.ccui.application.preferences.UserPreferencesStoreContract;
import dev.ccui.domain.preferences.Preferences;
import dev.ccui.domain.preferences.Theme;
import dev.ccui.domain.user.UserId;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The preferences store contract on a database; subclasses say which. */
abstract class JdbiUserPreferencesStoreContract extends UserPreferencesStoreContract {
    @RegisterExtension
    final OpenDatabase db = new OpenDatabase(this::open);

    protected abstract TestDatabases.Opened open(Path folder);

    @Override
    protected Ports ports() {
        var jdbi = db.database().jdbi();
        return new Ports(new JdbiUserPreferencesStore(jdbi), new JdbiUserRepository(jdbi));
    }

    @Test
    void theyGoWithTheAccount() {
        UserId olga = user("olga");
        ports.preferences().save(olga, new Preferences(Theme.DARK, null));
        assertThat(ports.users().delete(olga)).isTrue();
        int rows = db.database()
                .jdbi()
                .withHandle(h -> h.createQuery("SELECT COUNT(*) FROM user_preferences")
                        .mapTo(Integer.class)
                        .one());
        assertThat(rows).isZero();
    }

    @Test
    void aValueThisVersionDoesNotKnowReadsAsTheDefault() {
        UserId olga = user("olga");
        db.database()
                .jdbi()
                .useHandle(h -> h.execute(
                        "INSERT INTO user_preferences (user_id, theme, language) VALUES (?, 'sepia', 'tlh')",
                        olga.toString()));
        assertThat(ports.preferences().load(olga)).contains(Preferences.DEFAULT);
    }
}
