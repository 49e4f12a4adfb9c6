package dev.ccui.application.preferences;

import dev.ccui.application.testing.InMemoryUserPreferencesStore;
import dev.ccui.application.testing.InMemoryUserRepository;

/** The in-memory preferences store the use-case tests use, held to the databases' contract. */
class InMemoryUserPreferencesStoreTest extends UserPreferencesStoreContract {
    @Override
    protected Ports ports() {
        return new Ports(new InMemoryUserPreferencesStore(), new InMemoryUserRepository());
    }
}
