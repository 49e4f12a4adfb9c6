package dev.ccui.bootstrap.cli;

import dev.ccui.adapters.persistence.audit.JdbiAuditRepository;
import dev.ccui.adapters.persistence.events.InMemoryEventBus;
import dev.ccui.adapters.persistence.ratelimit.LocalRateLimiter;
import dev.ccui.application.audit.Auditor;
import dev.ccui.application.auth.port.out.SessionsEndedListener;
import dev.ccui.application.user.port.in.UserUseCase;
import dev.ccui.bootstrap.ConfigFromEnvironment;
import dev.ccui.bootstrap.components.AccountStore;
import dev.ccui.bootstrap.components.AccountsComponents;
import dev.ccui.bootstrap.components.Storage;
import dev.ccui.bootstrap.config.AppConfig;
import dev.ccui.domain.error.CcuiException;
import java.io.IOException;
import java.io.PrintWriter;
import java.time.Clock;
import picocli.CommandLine.Model.CommandSpec;

/**
 * What {@code ccui users …} needs and nothing more: the accounts over the configured database
 * (and Redis, so a password reset revokes sessions on every node at once). It takes no node id,
 * touches no run, starts no job and no indexer, so it is safe to run beside a live server on the
 * same data dir — building the whole application here would mark that server's runs lost.
 */
final class AdminAccounts implements AutoCloseable {
    private final Storage storage;
    private final AccountStore store;
    private final UserUseCase commands;

    private AdminAccounts(AppConfig config) {
        this.storage = Storage.open(config.storage(), 2);
        try {
            Clock clock = Clock.systemUTC();
            this.store = AccountStore.open(storage, clock);
            // Only the accounts: no sandbox to check (it starts no process), no terminals to end, no
            // set-up code; events stay in this process (Redis still shares revoked tokens).
            this.commands = AccountsComponents.build(
                            config.accounts(),
                            config.dataDir(),
                            store,
                            new LocalRateLimiter(),
                            new Auditor(
                                    new JdbiAuditRepository(storage.database().jdbi()), clock),
                            new InMemoryEventBus(),
                            clock,
                            SessionsEndedListener.NONE,
                            null,
                            null)
                    .users();
        } catch (RuntimeException e) {
            storage.close();
            throw e;
        }
    }

    static AdminAccounts open(AppConfig config) {
        return new AdminAccounts(config);
    }

    /** What a command does with the accounts; may fail with a domain error or an I/O error. */
    interface Action {
        void run(UserUseCase accounts, PrintWriter out) throws IOException;
    }

    /** Runs {@code action} against the configured database, mapping failures to exit codes (0, 1, config error). */
    static int run(CommandSpec spec, Action action) {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        AppConfig config = ConfigFromEnvironment.load(true);
        if (config == null) {
            return ConfigFromEnvironment.CONFIG_ERROR;
        }
        try (AdminAccounts accounts = open(config)) {
            action.run(accounts.commands(), out);
            out.flush();
            return 0;
        } catch (CcuiException | IOException e) {
            err.println("ccui: " + e.getMessage());
            return 1;
        }
    }

    UserUseCase commands() {
        return commands;
    }

    @Override
    public void close() {
        store.close();
        storage.close();
    }
}
