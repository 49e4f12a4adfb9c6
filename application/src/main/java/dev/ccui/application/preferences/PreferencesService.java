package dev.ccui.application.preferences;

import dev.ccui.application.preferences.port.in.PreferencesUseCase;
import dev.ccui.application.preferences.port.in.UpdatePreferencesCommand;
import dev.ccui.application.preferences.port.out.UserPreferencesStore;
import dev.ccui.domain.auth.Principal;
import dev.ccui.domain.preferences.Preferences;

/**
 * Reads and changes the caller's own preferences; nobody reads or changes another's, admins
 * included: they are the caller's (an API key's are its owner's), so there is no one else to name.
 */
public final class PreferencesService implements PreferencesUseCase {
    private final UserPreferencesStore store;

    public PreferencesService(UserPreferencesStore store) {
        this.store = store;
    }

    @Override
    public Preferences preferences(Principal caller) {
        return store.load(caller.userId()).orElse(Preferences.DEFAULT);
    }

    @Override
    public Preferences update(Principal caller, UpdatePreferencesCommand command) {
        Preferences next = command.applyTo(preferences(caller));
        store.save(caller.userId(), next);
        return next;
    }
}
