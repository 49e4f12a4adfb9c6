package dev.ccui.application.preferences.port.in;

import dev.ccui.domain.preferences.Language;
import dev.ccui.domain.preferences.Preferences;
import dev.ccui.domain.preferences.Theme;

/**
 * A partial change of the caller's preferences. The language has three states, as on the wire:
 * left out (kept), {@code null} (the browser's) or a supported language.
 *
 * @param theme          the new theme; {@code null} keeps the current one
 * @param changeLanguage whether {@code language} replaces the current one
 */
public record UpdatePreferencesCommand(Theme theme, boolean changeLanguage, Language language) {
    public UpdatePreferencesCommand {
        if (!changeLanguage && language != null) {
            throw new IllegalArgumentException("a language is given but not to be changed");
        }
    }

    public static UpdatePreferencesCommand theme(Theme theme) {
        return new UpdatePreferencesCommand(theme, false, null);
    }

    /** @param language {@code null}: follow the browser's */
    public static UpdatePreferencesCommand language(Language language) {
        return new UpdatePreferencesCommand(null, true, language);
    }

    public Preferences applyTo(Preferences current) {
        return new Preferences(theme == null ? current.theme() : theme, changeLanguage ? language : current.language());
    }
}
