package dev.ccui.application.preferences.port.out;

import dev.ccui.domain.preferences.Preferences;
import dev.ccui.domain.user.UserId;
import java.util.Optional;

/** Each person's UI preferences, shared by every node (the database); gone with the account. */
public interface UserPreferencesStore {

    /** What the user saved; empty when they never chose anything. */
    Optional<Preferences> load(UserId user);

    /** Replaces what the user saved. */
    void save(UserId user, Preferences preferences);
}
