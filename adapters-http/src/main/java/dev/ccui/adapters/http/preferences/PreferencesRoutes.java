package dev.ccui.adapters.http.preferences;

import static dev.ccui.adapters.http.security.Authentication.caller;

import dev.ccui.adapters.http.RouteGroup;
import dev.ccui.adapters.http.json.Json;
import dev.ccui.adapters.http.security.Access;
import dev.ccui.application.preferences.port.in.PreferencesUseCase;
import dev.ccui.application.preferences.port.in.UpdatePreferencesCommand;
import dev.ccui.domain.error.InvalidException;
import dev.ccui.domain.preferences.Language;
import dev.ccui.domain.preferences.Preferences;
import dev.ccui.domain.preferences.Theme;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.Map;
import java.util.Set;

/** {@code /api/me/preferences}: the caller's own theme and language, for every browser they use. */
public final class PreferencesRoutes implements RouteGroup {
    public static final String PATH = "/api/me/preferences";
    private static final Set<String> FIELDS = Set.of("theme", "language");

    private final PreferencesUseCase preferences;

    public PreferencesRoutes(PreferencesUseCase preferences) {
        this.preferences = preferences;
    }

    /** {@code language}: a BCP-47 tag, or null for the browser's. */
    record PreferencesView(String theme, String language) {
        static PreferencesView of(Preferences p) {
            return new PreferencesView(
                    p.theme().wireName(), p.chosenLanguage().map(Language::tag).orElse(null));
        }
    }

    @Override
    public void register(RoutesConfig routes) {
        routes.get(PATH, ctx -> ctx.json(PreferencesView.of(preferences.preferences(caller(ctx)))), Access.USER);
        routes.put(PATH, this::update, Access.USER);
    }

    /**
     * A field left out keeps its value; {@code "language": null} is a choice (the browser's), so
     * the body is read as a map to tell it from a missing one.
     */
    private void update(Context ctx) {
        @SuppressWarnings("unchecked")
        Map<String, Object> body = Json.body(ctx, Map.class);
        for (String field : body.keySet()) {
            if (!FIELDS.contains(field)) {
                throw new InvalidException(field, "unknown field '" + field + "': only theme and language");
            }
        }
        Theme theme = null;
        if (body.containsKey("theme")) {
            if (!(body.get("theme") instanceof String name)) {
                throw Theme.fromWireError();
            }
            theme = Theme.fromWire(name);
        }
        boolean changeLanguage = body.containsKey("language");
        Language language = null;
        if (changeLanguage && body.get("language") != null) {
            if (!(body.get("language") instanceof String tag)) {
                throw Language.unsupported();
            }
            language = Language.of(tag);
        }
        var command = new UpdatePreferencesCommand(theme, changeLanguage, language);
        ctx.json(PreferencesView.of(preferences.update(caller(ctx), command)));
    }
}
