package dev.ccui.domain.preferences;

import java.util.Objects;
import java.util.Optional;

/**
 * How a person wants the UI to look and speak, on every browser they sign in from.
 *
 * @param language {@code null}: the browser's language (the first of its list the UI has)
 */
public record Preferences(Theme theme, Language language) {
    /** What a person who never chose has: the system's theme, the browser's language. */
    public static final Preferences DEFAULT = new Preferences(Theme.SYSTEM, null);

    public Preferences {
        Objects.requireNonNull(theme, "theme");
    }

    public Optional<Language> chosenLanguage() {
        return Optional.ofNullable(language);
    }
}
