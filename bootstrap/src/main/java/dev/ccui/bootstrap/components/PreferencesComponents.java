package dev.ccui.bootstrap.components;

import dev.ccui.adapters.http.RouteGroup;
import dev.ccui.adapters.http.preferences.PreferencesRoutes;
import dev.ccui.adapters.persistence.db.Database;
import dev.ccui.adapters.persistence.preferences.JdbiUserPreferencesStore;
import dev.ccui.application.preferences.PreferencesService;
import java.util.List;

/** Each person's UI preferences (theme, language), in the shared database. */
public final class PreferencesComponents {
    private final PreferencesService preferences;

    private PreferencesComponents(PreferencesService preferences) {
        this.preferences = preferences;
    }

    public static PreferencesComponents build(Database database) {
        return new PreferencesComponents(new PreferencesService(new JdbiUserPreferencesStore(database.jdbi())));
    }

    public PreferencesService preferences() {
        return preferences;
    }

    public List<RouteGroup> routes() {
        return List.of(new PreferencesRoutes(preferences));
    }
}
