package dev.ccui.application.run;

import dev.ccui.application.testing.InMemoryRunStore;

/** The in-memory run store the use-case tests use, held to the databases' contract. */
class InMemoryRunStoreTest extends RunStoreContract {
    @Override
    protected Ports ports() {
        InMemoryRunStore store = new InMemoryRunStore();
        return new Ports(store, store, store);
    }
}
