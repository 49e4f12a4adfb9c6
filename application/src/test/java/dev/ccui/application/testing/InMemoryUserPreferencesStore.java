package dev.ccui.application.testing;

import dev.ccui.application.preferences.port.out.UserPreferencesStore;
import dev.ccui.domain.preferences.Preferences;
import dev.ccui.domain.user.UserId;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Each user's preferences in memory, for use-case tests. */
public final class InMemoryUserPreferencesStore implements UserPreferencesStore {
    private final Map<UserId, Preferences> saved = new ConcurrentHashMap<>();

    @Override
    public Optional<Preferences> load(UserId user) {
        return Optional.ofNullable(saved.get(user));
    }

    @Override
    public void save(UserId user, Preferences preferences) {
        saved.put(user, preferences);
    }
}
