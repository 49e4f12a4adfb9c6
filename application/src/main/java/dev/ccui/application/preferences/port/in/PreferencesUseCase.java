package dev.ccui.application.preferences.port.in;

import dev.ccui.domain.auth.Principal;
import dev.ccui.domain.preferences.Preferences;

/** The caller's own UI preferences (theme, language), remembered for them on every browser. */
public interface PreferencesUseCase {

    /** What the caller chose, or {@link Preferences#DEFAULT} for anything never chosen. */
    Preferences preferences(Principal caller);

    /** Changes what the command names and keeps the rest; answers the preferences now. */
    Preferences update(Principal caller, UpdatePreferencesCommand command);
}
