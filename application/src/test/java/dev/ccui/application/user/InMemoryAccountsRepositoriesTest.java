package dev.ccui.application.user;

import dev.ccui.application.testing.InMemoryStores;

/** The in-memory account repositories the use-case tests use, held to the databases' contract. */
class InMemoryAccountsRepositoriesTest extends AccountsRepositoriesContract {
    @Override
    protected Ports ports() {
        InMemoryStores stores = new InMemoryStores();
        return new Ports(stores.users, stores.apiKeys, stores.tokens, stores.audit);
    }
}
